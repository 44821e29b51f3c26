#include "load/plan_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <variant>

#include <fmt/format.h>

#include "base/numbers.hpp"
#include "base/printable.hpp"
#include "load/yaml_reader.hpp"
#include "model/routine.hpp"

namespace psoas {
namespace {

const std::vector<std::string> kPlanKeys = {"title", "summary", "weeks", "sides", "notes", "sessions"};
const std::vector<std::string> kSessionKeys = {"routine", "days", "times", "progress"};
const std::vector<std::string> kProgressKeys = {"hold", "reps"};
const std::vector<std::string> kProgressionKeys = {"from", "to", "step", "every"};
constexpr int kMostWeeks = 52;
constexpr int kMostTimesADay = 6;
constexpr std::size_t kMostSessions = 50;
constexpr Seconds kLongestHold{600};
constexpr int kMostReps = 20;

class PlanReader : YamlReader {
 public:
  PlanReader(const SourceText& source, const YamlTree& tree) : YamlReader(source, tree, out_.diagnostics) {}

  ReadPlan read() {
    const NodeId root = tree_.root();
    if (tree_.kind(root) != Kind::map) {
      error(root, "a plan file is a map with `plan:`");
      return std::move(out_);
    }
    const auto children = tree_.children(root);
    std::optional<NodeId> plan;
    for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
      if (text_of(children[i]) == "plan") {
        plan = children[i + 1];
      } else {
        error(children[i], fmt::format("unknown key `{}`; a plan file has `plan:` only",
                                       escape_line(text_of(children[i]))));
      }
    }
    if (plan) read_plan(*plan);
    return std::move(out_);
  }

 private:
  void read_plan(NodeId node) {
    if (tree_.kind(node) != Kind::map) {
      error(node, "`plan` must be a map with `title` and `sessions`");
      return;
    }
    const auto values = keyed(node, kPlanKeys, "a plan");
    Plan& plan = out_.plan;
    if (const auto title = find(values, "title")) {
      plan.title = scalar(*title, "title");
    } else {
      error(node, "this plan has no `title`");
    }
    if (const auto summary = find(values, "summary")) plan.summary = scalar(*summary, "summary");
    if (const auto weeks = find(values, "weeks")) {
      const std::string text = scalar(*weeks, "weeks");
      const auto number = parse_whole_number<int>(text);
      if (!text.empty() && (!number || *number < 1 || *number > kMostWeeks))
        error(*weeks, fmt::format("`weeks` is a number of weeks from 1 to {}, not `{}`; leave it out for a "
                                  "plan with no end",
                                  kMostWeeks, escape_line(text)));
      else if (number)
        plan.weeks = static_cast<int>(*number);
    }
    if (const auto sides = find(values, "sides")) {
      const std::string text = scalar(*sides, "sides");
      if (text == "favour-tighter" || text == "favor-tighter") {
        plan.sides = SidePolicy::favour_tighter;
      } else if (text == "as-written") {
        plan.sides = SidePolicy::as_written;
      } else if (!text.empty()) {
        error(*sides,
              fmt::format("`sides` is `favour-tighter` or `as-written`, not `{}`", escape_line(text)));
      }
    }
    if (const auto notes = find(values, "notes")) {
      if (tree_.kind(*notes) == Kind::sequence) {
        for (const NodeId note : tree_.children(*notes)) plan.notes.push_back(scalar(note, "notes"));
      } else {
        plan.notes.push_back(scalar(*notes, "notes"));
      }
    }
    if (const auto sessions = find(values, "sessions")) {
      read_sessions(*sessions);
    } else {
      error(node, "this plan has no `sessions`: which routines on which days");
    }
  }

  void read_sessions(NodeId node) {
    if (tree_.kind(node) != Kind::sequence || tree_.children(node).empty()) {
      error(node, "`sessions` must be a list, each item with a `routine` and its `days`");
      return;
    }
    if (tree_.children(node).size() > kMostSessions) {
      error(node, fmt::format("more than {} sessions", kMostSessions));
      return;
    }
    std::map<std::string, NodeId, std::less<>> seen;
    for (const NodeId item : tree_.children(node)) {
      if (tree_.kind(item) != Kind::map) {
        error(item,
              "each of `sessions` is a map with `routine`, and `days`, `times` and `progress` if need be");
        continue;
      }
      const auto values = keyed(item, kSessionKeys, "a plan's session");
      PlanSession session;
      if (const auto routine = find(values, "routine")) {
        session.routine = scalar(*routine, "routine");
        if (!session.routine.empty() && !is_valid_routine_name(session.routine)) {
          error(*routine, fmt::format("`routine` must be a routine's name: lowercase letters, digits and "
                                      "dashes, not `{}`",
                                      escape_line(session.routine)));
        } else if (!session.routine.empty()) {
          out_.named_routines.push_back({session.routine, position(*routine)});
          if (const auto [found, added] = seen.emplace(session.routine, *routine); !added)
            error(*routine,
                  fmt::format("`{}` is in the plan twice (first on line {}); give it `times` instead",
                              session.routine, position(found->second).line));
        }
      } else {
        error(item, "this session has no `routine`");
      }
      if (const auto days = find(values, "days")) {
        const std::string text = scalar(*days, "days");
        std::string why;
        if (const auto parsed = text.empty() ? std::nullopt : parse_days(text, why)) {
          session.days = *parsed;
        } else if (!text.empty()) {
          error(*days, "`days`: " + why);
        }
      }
      if (const auto times = find(values, "times")) {
        const std::string text = scalar(*times, "times");
        const auto number = parse_whole_number<int>(text);
        if (!number || *number < 1 || *number > kMostTimesADay) {
          if (!text.empty())
            error(*times, fmt::format("`times` is how many times a day, 1 to {}, not `{}`", kMostTimesADay,
                                      escape_line(text)));
        } else {
          session.times_a_day = static_cast<int>(*number);
        }
      }
      if (const auto progress = find(values, "progress")) read_progress(*progress, session);
      out_.plan.sessions.push_back(std::move(session));
    }
  }

  void read_progress(NodeId node, PlanSession& session) {
    if (tree_.kind(node) != Kind::map) {
      error(node,
            "`progress` is a map with `hold` and/or `reps`, such as hold: {from: 30s, to: 60s, step: "
            "5s, every: week}");
      return;
    }
    const auto values = keyed(node, kProgressKeys, "`progress`");
    if (const auto hold = find(values, "hold")) session.hold = read_progression(*hold, true);
    if (const auto reps = find(values, "reps")) session.reps = read_progression(*reps, false);
  }

  // hold: {from: 30s, to: 60s, step: 5s, every: week}; reps: {from: 1, to: 3, every: 2 weeks}.
  std::optional<Progression> read_progression(NodeId node, bool hold) {
    const char* what = hold ? "hold" : "reps";
    if (tree_.kind(node) != Kind::map) {
      error(node, hold ? "`hold` is a map such as {from: 30s, to: 60s, step: 5s, every: week}"
                       : "`reps` is a map such as {from: 1, to: 3, every: 2 weeks}");
      return std::nullopt;
    }
    const std::size_t errors_before = errors();
    const auto values = keyed(node, kProgressionKeys, fmt::format("`{}`", what));
    Progression p;
    const auto number = [&](std::string_view key, int fallback, bool required) -> int {
      const auto found = find(values, key);
      if (!found) {
        if (required) error(node, fmt::format("`{}` needs `{}`", what, key));
        return fallback;
      }
      const std::string text = scalar(*found, key);
      if (text.empty()) return fallback;
      if (hold) {
        const auto seconds = parse_duration(text);
        if (!seconds || *seconds < Seconds(1) || *seconds > kLongestHold) {
          error(*found, fmt::format("`{}` of `hold` is a time from 1s to {}, such as 30s, not `{}`", key,
                                    format_duration(kLongestHold), escape_line(text)));
          return fallback;
        }
        return static_cast<int>(seconds->count());
      }
      const auto count = parse_whole_number<int>(text);
      if (!count || *count < 1 || *count > kMostReps) {
        error(*found, fmt::format("`{}` of `reps` is a number from 1 to {}, not `{}`", key, kMostReps,
                                  escape_line(text)));
        return fallback;
      }
      return static_cast<int>(*count);
    };
    p.from = number("from", 0, true);
    p.to = number("to", p.from, true);
    p.step = number("step", 1, hold);
    if (const auto every = find(values, "every")) {
      const std::string text = scalar(*every, "every");
      const auto weeks = parse_weeks(text);
      if (!weeks) {
        if (!text.empty())
          error(*every, fmt::format("`every` is `week` or a number of weeks such as `2 weeks`, not `{}`",
                                    escape_line(text)));
      } else {
        p.every_weeks = *weeks;
      }
    }
    if (errors() == errors_before && p.to < p.from)
      error(node, fmt::format("`{}` grows: `to` must not be below `from`", what));
    if (errors() != errors_before) return std::nullopt;
    return p;
  }

  // "week", "1 week", "2 weeks": 1 to 52.
  static std::optional<int> parse_weeks(std::string_view text) {
    if (text == "week") return 1;
    const auto space = text.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    const std::string_view unit = text.substr(space + 1);
    if (unit != "week" && unit != "weeks") return std::nullopt;
    const auto number = parse_whole_number<int>(text.substr(0, space));
    if (!number || *number < 1 || *number > kMostWeeks) return std::nullopt;
    return static_cast<int>(*number);
  }

  std::string scalar(NodeId node, std::string_view key) {
    if (tree_.kind(node) != Kind::scalar || tree_.scalar(node).empty()) {
      error(node, fmt::format("`{}` must be one line of text", key));
      return {};
    }
    return std::string(tree_.scalar(node));
  }

  ReadPlan out_;
};

}  // namespace

ReadPlan read_plan(const SourceText& source) {
  return read_yaml_with<ReadPlan, PlanReader>(source);
}

bool file_is_plan(const std::filesystem::path& file) {
  // Never blocks: a FIFO or a device is not a plan.
  const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return false;
  struct stat info {};
  std::string head;
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
    head.resize(4096);
    const ssize_t n = ::read(fd, head.data(), head.size());
    head.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  }
  ::close(fd);
  return is_plan_text(head);
}

bool is_plan_text(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty() && line.front() != '#' && line != "\r" && line != "---")
      return line.starts_with("plan:");
    start = end + 1;
  }
  return false;
}

}  // namespace psoas
