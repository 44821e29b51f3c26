#include "remind/reminders_file.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <variant>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/printable.hpp"
#include "load/suggest.hpp"
#include "load/yaml_reader.hpp"
#include "model/routine.hpp"
#include "remind/schedule.hpp"

namespace psoas {
namespace {

const std::vector<std::string> kReminderKeys = {"id", "routine", "at", "every", "between", "days", "wake"};
constexpr std::size_t kMaxReminders = 1000;

class RemindersReader : YamlReader {
 public:
  RemindersReader(const SourceText& source, const YamlTree& tree)
      : YamlReader(source, tree, out_.diagnostics) {}

  ReadReminders read() {
    const NodeId root = tree_.root();
    if (tree_.kind(root) == Kind::null) return std::move(out_);  // an empty file: no reminders
    if (tree_.kind(root) != Kind::map) {
      error(root, "reminders.yaml must be a map with `reminders:`, a list of reminders");
      return std::move(out_);
    }
    const auto children = tree_.children(root);
    for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
      const std::string_view key = text_of(children[i]);
      if (key != "reminders") {
        error(children[i],
              fmt::format("unknown key `{}`; reminders.yaml has `reminders:` only", escape_line(key)));
        continue;
      }
      read_list(children[i + 1]);
    }
    return std::move(out_);
  }

 private:
  void read_list(NodeId list) {
    if (tree_.kind(list) == Kind::null) return;
    if (tree_.kind(list) != Kind::sequence) {
      error(list, "`reminders` must be a list of reminders, each starting with `- `");
      return;
    }
    const auto items = tree_.children(list);
    if (items.size() > kMaxReminders) {
      error(list, fmt::format("more than {} reminders", kMaxReminders));
      return;
    }
    // Ids and routines are checked in reminders with other errors too, so
    // that one `psoas check` says everything.
    std::map<std::string, NodeId, std::less<>> ids;
    for (const NodeId item : items) {
      ReadReminder read = read_reminder(item);
      if (!read.reminder.routine.empty() && is_valid_routine_name(read.reminder.routine))
        out_.named_routines.push_back({read.reminder.routine, read.routine_position});
      if (!read.reminder.id.empty() && is_valid_reminder_id(read.reminder.id)) {
        if (const auto [found, added] = ids.emplace(read.reminder.id, item); !added) {
          error(read.id_node,
                fmt::format("two reminders have the id `{}` (the first on line {}); each needs its own",
                            read.reminder.id, position(found->second).line));
          continue;
        }
      }
      if (read.complete) out_.reminders.push_back(std::move(read.reminder));
    }
  }

  struct ReadReminder {
    Reminder reminder;
    bool complete = false;  // no error in it
    NodeId id_node = 0;
    SourcePosition routine_position;
  };

  ReadReminder read_reminder(NodeId item) {
    ReadReminder read;
    read.id_node = item;
    if (tree_.kind(item) != Kind::map) {
      error(item, "a reminder must be a map with `id`, `routine`, and `at` or `every`");
      return read;
    }
    const Values values = keyed(item, kReminderKeys, "a reminder");
    const std::size_t errors_before = errors();
    Reminder& reminder = read.reminder;
    const auto value = [&](std::string_view key) { return find(values, key); };
    if (const auto id = value("id")) {
      read.id_node = *id;
      reminder.id = scalar(*id, "id");
      if (!reminder.id.empty() && !is_valid_reminder_id(reminder.id))
        error(*id, fmt::format("`id` must be lowercase letters, digits and dashes (it names the reminder's "
                               "systemd units), not `{}`",
                               escape_line(reminder.id)));
    } else {
      error(item, "this reminder has no `id`");
    }
    if (const auto routine = value("routine")) {
      reminder.routine = scalar(*routine, "routine");
      read.routine_position = position(*routine);
      if (!reminder.routine.empty() && !is_valid_routine_name(reminder.routine))
        error(*routine,
              fmt::format("`routine` must be a routine's name: lowercase letters, digits and dashes, "
                          "not `{}`",
                          escape_line(reminder.routine)));
    } else {
      error(item, "this reminder has no `routine`");
    }
    const auto at = value("at");
    const auto every = value("every");
    if (at && every) {
      error(*every, "a reminder has `at` or `every`, not both");
    } else if (!at && !every) {
      error(item, "this reminder has neither `at` (times of day) nor `every` (how often)");
    }
    if (at) read_at(*at, reminder);
    if (every) {
      std::string why;
      const std::string text = scalar(*every, "every");
      if (!text.empty()) {
        reminder.every = parse_interval(text, why);
        if (!reminder.every) error(*every, "`every`: " + why);
      }
      if (const auto between = value("between")) {
        const std::string window = scalar(*between, "between");
        if (!window.empty()) {
          if (const auto parsed = parse_window(window, why)) {
            std::tie(reminder.window_start, reminder.window_end) = *parsed;
          } else {
            error(*between, "`between`: " + why);
          }
        }
      } else {
        error(*every,
              "an `every` reminder needs `between`, the part of the day it reminds in, such as 09:00-17:30");
      }
    } else if (const auto between = value("between")) {
      error(*between, "`between` goes with `every`; an `at` reminder comes at its times");
    }
    if (const auto days = value("days")) {
      std::string why;
      const std::string text = scalar(*days, "days");
      if (!text.empty()) {
        if (const auto parsed = parse_days(text, why)) {
          reminder.days = *parsed;
        } else {
          error(*days, "`days`: " + why);
        }
      }
    }
    if (const auto wake = value("wake")) {
      const std::string text = scalar(*wake, "wake");
      if (text == "systemd") {
        reminder.waker = Waker::systemd;
      } else if (text == "cron") {
        reminder.waker = Waker::cron;
      } else if (!text.empty()) {
        error(*wake, fmt::format("`wake` must be `systemd` or `cron`, not `{}`", escape_line(text)));
      }
    }
    read.complete = errors() == errors_before;
    return read;
  }

  void read_at(NodeId node, Reminder& reminder) {
    std::string why;
    std::vector<MinuteOfDay> times;
    const auto add = [&](NodeId item) {
      const std::string text = scalar(item, "at");
      if (text.empty()) return;
      if (const auto parsed = parse_clock_list(text, why)) {
        times.insert(times.end(), parsed->begin(), parsed->end());
      } else {
        error(item, "`at`: " + why);
      }
    };
    if (tree_.kind(node) == Kind::sequence) {
      for (const NodeId item : tree_.children(node)) add(item);
      if (tree_.children(node).empty()) error(node, "`at` needs at least one time of day, such as 10:30");
    } else {
      add(node);
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    reminder.at = std::move(times);
  }

  // A scalar's text, or "" with an error for anything else.
  std::string scalar(NodeId node, std::string_view key) {
    if (tree_.kind(node) != Kind::scalar || tree_.scalar(node).empty()) {
      const bool list = tree_.kind(node) == Kind::sequence;
      error(node, key == "at" ? "`at` must be a time of day such as 10:30, or a list of them"
                  : key == "days" && list
                      ? "`days` is one line of text, such as mon,wed,fri or mon-fri, not a list"
                      : fmt::format("`{}` must be one line of text", key));
      return {};
    }
    return std::string(tree_.scalar(node));
  }

  ReadReminders out_;
};

}  // namespace

bool is_valid_reminder_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-') return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

ReadReminders read_reminders(const SourceText& source) {
  return read_yaml_with<ReadReminders, RemindersReader>(source);
}

std::string write_reminders(const std::vector<Reminder>& reminders) {
  std::string out =
      "# psoas's reminders: when `psoas nudge`, woken by a systemd timer or cron,\n"
      "# reminds you of a routine. `psoas remind` keeps this file; you may edit it\n"
      "# too (then `psoas check` it, and `psoas remind add` again to change the\n"
      "# timers). See psoas(1), REMINDERS.\n";
  out += reminders.empty() ? "reminders: []\n" : "reminders:\n";
  for (const Reminder& r : reminders) {
    out += fmt::format("  - id: {}\n    routine: {}\n", r.id, r.routine);
    if (r.is_every()) {
      out += fmt::format("    every: {}\n    between: {}-{}\n", format_duration(*r.every),
                         format_clock(r.window_start), format_clock(r.window_end));
    } else {
      std::vector<std::string> times;
      for (const MinuteOfDay minute : r.at) times.push_back(format_clock(minute));
      out += fmt::format("    at: [{}]\n", fmt::join(times, ", "));
    }
    out += fmt::format("    days: {}\n    wake: {}\n", format_days(r.days),
                       r.waker == Waker::cron ? "cron" : "systemd");
  }
  return out;
}

}  // namespace psoas
