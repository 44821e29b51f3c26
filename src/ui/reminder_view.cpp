#include "ui/reminder_view.hpp"

#include <array>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/printable.hpp"
#include "model/duration.hpp"
#include "model/wall_time.hpp"
#include "remind/schedule.hpp"
#include "ui/json_dump.hpp"
#include "ui/style.hpp"
#include "ui/text.hpp"

namespace psoas {
namespace {

constexpr std::array<const char*, 7> kWeekdays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::string local_clock_of(std::int64_t unix_ms) {
  return format_clock(local_minute_of_day(wall_time_at(unix_ms)));
}

Json time_or_null(const std::optional<std::int64_t>& unix_ms) {
  return unix_ms ? Json(to_iso8601(wall_time_at(*unix_ms))) : Json(nullptr);
}

std::string slot_text(const ReminderSlot& slot) {
  switch (slot.status) {
    case ReminderStatus::done:
      return "done at " + local_clock_of(*slot.done_ms);
    case ReminderStatus::due:
      return "due now";
    case ReminderStatus::reminded:
      return "reminded, not done yet";
    case ReminderStatus::missed:
      return "missed";
    default:
      return "to come";
  }
}

Json reminder_json(const Reminder& r) {
  Json at = Json::array();
  for (const MinuteOfDay minute : r.at) at.push_back(format_clock(minute));
  return Json{{"id", r.id},
              {"routine", r.routine},
              {"at", r.is_every() ? Json(nullptr) : at},
              {"every_seconds", r.every ? Json(r.every->count()) : Json(nullptr)},
              {"between", r.is_every() ? Json(format_clock(r.window_start) + "-" + format_clock(r.window_end))
                                       : Json(nullptr)},
              {"days", format_days(r.days)},
              {"wake", r.waker == Waker::cron ? "cron" : "systemd"},
              {"schedule", describe_schedule(r)}};
}

}  // namespace

std::string status_text(const ReminderRow& row, std::int64_t now_ms) {
  const ReminderLook& look = row.look;
  const auto next = [&] {
    return look.next_ms ? "; next " + when_text(*look.next_ms, now_ms) : std::string();
  };
  switch (look.status) {
    case ReminderStatus::due:
      return "due now";
    case ReminderStatus::reminded:
      return "reminded, not done yet" + next();
    case ReminderStatus::done:
      return (look.done_today_ms.empty() ? std::string("done")
                                         : "done at " + local_clock_of(look.done_today_ms.back())) +
             next();
    case ReminderStatus::snoozed:
      return "snoozed until " + (look.next_ms ? when_text(*look.next_ms, now_ms) : std::string("later"));
    case ReminderStatus::paused:
      return "paused" + next();  // next: the first moment after the pause it could be due
    case ReminderStatus::skipped:
      return "skipped today";
    case ReminderStatus::missed:
      return "missed" + next();
    case ReminderStatus::upcoming:
    case ReminderStatus::off_today:
    case ReminderStatus::closed:
      return look.next_ms ? "next " + when_text(*look.next_ms, now_ms) : std::string("not this week");
  }
  return "";
}

std::string when_text(std::int64_t unix_ms, std::int64_t now_ms) {
  const std::int64_t day = local_day(wall_time_at(unix_ms));
  const std::int64_t today = local_day(wall_time_at(now_ms));
  if (day == today) return local_clock_of(unix_ms);
  if (day == today + 1) return "tomorrow " + local_clock_of(unix_ms);
  if (day > today && day < today + 7)
    return fmt::format("{} {}", kWeekdays[static_cast<std::size_t>(weekday(day))], local_clock_of(unix_ms));
  return fmt::format("{} {}", to_string(civil_from_days(day)), local_clock_of(unix_ms));
}

bool still_due(const ReminderLook& look) {
  return look.status == ReminderStatus::due || look.status == ReminderStatus::reminded;
}

std::string render_reminder_table(const std::vector<ReminderRow>& rows,
                                  std::optional<std::int64_t> paused_until_ms, std::int64_t now_ms,
                                  bool color, std::optional<std::size_t> width) {
  const Style style(color);
  if (rows.empty())
    return "No reminders yet: `psoas remind add desk-break --every 50m --between 09:00-17:30 --days "
           "mon-fri`\n";
  std::vector<std::array<std::string, 5>> table = {{"ID", "ROUTINE", "WHEN", "WAKE", "NOW"}};
  for (const ReminderRow& row : rows)
    table.push_back({escape_line(row.reminder.id), escape_line(row.reminder.routine),
                     describe_schedule(row.reminder), row.reminder.waker == Waker::cron ? "cron" : "systemd",
                     status_text(row, now_ms)});
  std::vector<std::size_t> widths(5, 0);
  for (const auto& cells : table)
    for (std::size_t c = 0; c < cells.size(); ++c) widths[c] = std::max(widths[c], display_width(cells[c]));
  // On a narrow terminal what wakes it goes first, then the schedule gives
  // way, the routine goes (the id mostly names it), what it is doing gives
  // way, the schedule goes, and the id gives way last.
  if (width) fit_columns(widths, {{3, 0}, {2, 12}, {1, 0}, {4, 12}, {2, 0}, {0, 10}}, 2, *width);
  const std::size_t last = widths[4] > 0 ? 4 : widths[3] > 0 ? 3 : 2;
  std::string out;
  for (std::size_t r = 0; r < table.size(); ++r) {
    std::string line;
    for (std::size_t c = 0; c < table[r].size(); ++c) {
      if (widths[c] == 0) continue;
      const std::string text = truncate(table[r][c], widths[c]);
      const std::string cell = c == last ? text : pad_right(text, widths[c]) + "  ";
      line += r == 0 ? style.dim(cell) : c == 0 ? style.bold(cell) : cell;
    }
    out += line + "\n";
  }
  if (paused_until_ms && *paused_until_ms > now_ms)
    out += fmt::format("All paused until {}: `psoas remind resume` ends the pause.\n",
                       when_text(*paused_until_ms, now_ms));
  return out;
}

std::string reminders_json(const std::vector<ReminderRow>& rows,
                           std::optional<std::int64_t> paused_until_ms) {
  Json reminders = Json::array();
  for (const ReminderRow& row : rows) {
    Json one = reminder_json(row.reminder);
    one["status"] = to_string(row.look.status);
    one["next"] = time_or_null(row.look.next_ms);
    reminders.push_back(std::move(one));
  }
  return dump_json(Json{{"paused_until", time_or_null(paused_until_ms)}, {"reminders", reminders}});
}

std::string render_today(const TodayReport& report, bool color) {
  const Style style(color);
  const std::int64_t today = local_day(wall_time_at(report.now_ms));
  std::string out =
      style.bold(fmt::format("Today, {} {}", kWeekdays[static_cast<std::size_t>(weekday(today))],
                             to_string(civil_from_days(today)))) +
      fmt::format("  ({} now)\n", local_clock_of(report.now_ms));
  // The routine, and the reminder's id where it differs: two reminders of one routine stay apart.
  const auto label = [](const Reminder& r) {
    return escape_line(r.id == r.routine ? r.routine : fmt::format("{} ({})", r.routine, r.id));
  };
  std::size_t name_width = 0;
  for (const ReminderRow& row : report.rows)
    name_width = std::max(name_width, display_width(label(row.reminder)));
  for (const ReminderRow& row : report.rows) {
    const std::string name = pad_right(label(row.reminder), name_width);
    const bool due = still_due(row.look);
    const auto mark = [&](const std::string& text, bool is_due) {
      return is_due ? style.warning(text) : text;
    };
    if (row.reminder.is_every() || row.look.slots.empty()) {
      const std::string when = row.reminder.is_every() ? "every " + format_duration(*row.reminder.every) : "";
      out += fmt::format("  {}  {}  {}\n", pad_right(when, 11), name,
                         mark(status_text(row, report.now_ms), due));
      continue;
    }
    for (const ReminderSlot& slot : row.look.slots) {
      const bool slot_due = slot.status == ReminderStatus::due || slot.status == ReminderStatus::reminded;
      std::string text = slot_text(slot);
      // Skip, snooze and pause speak for the time that is current.
      if (slot_due && !due) text = status_text(row, report.now_ms);
      out += fmt::format("  {}  {}  {}\n", pad_right(format_clock(slot.minute), 11), name,
                         mark(text, slot_due && due));
    }
  }
  if (report.rows.empty() && !report.plan) out += "  No reminders: `psoas remind add` sets some.\n";
  if (report.plan) {
    out += fmt::format("\nPlan {}, {}\n", escape_line(report.plan->plan), report.plan->week);
    if (report.plan->due.empty()) out += "  nothing today\n";
    std::size_t width = 0;
    for (const DueToday& d : report.plan->due) width = std::max(width, display_width(d.routine));
    for (const DueToday& d : report.plan->due) {
      const bool open = d.done < d.times;
      const std::string text =
          d.times == 1 ? (open ? "to do" : "done") : fmt::format("{} of {} done", d.done, d.times);
      out += fmt::format("  {}  {}\n", pad_right(escape_line(d.routine), width),
                         open ? style.warning(text) : text);
    }
  }
  if (!report.done.empty()) {
    std::vector<std::string> done;
    for (const Session& session : report.done)
      done.push_back(
          fmt::format("{} at {}", escape_line(session.routine), local_clock_of(session.ended.unix_ms)));
    out += "\n";
    for (const std::string& line : wrap("Done: " + fmt::format("{}", fmt::join(done, ", ")), 78))
      out += line + "\n";
  }
  if (report.paused_until_ms && *report.paused_until_ms > report.now_ms)
    out += fmt::format("\nReminders paused until {}.\n", when_text(*report.paused_until_ms, report.now_ms));
  return out;
}

std::string today_json(const TodayReport& report) {
  Json reminders = Json::array();
  for (const ReminderRow& row : report.rows) {
    Json one = reminder_json(row.reminder);
    one["title"] = row.title.empty() ? Json(nullptr) : Json(row.title);
    one["status"] = to_string(row.look.status);
    one["still_due"] = still_due(row.look);
    one["next"] = time_or_null(row.look.next_ms);
    Json slots = Json::array();
    for (const ReminderSlot& slot : row.look.slots)
      slots.push_back(Json{{"time", format_clock(slot.minute)},
                           {"status", to_string(slot.status)},
                           {"done_at", time_or_null(slot.done_ms)}});
    one["slots"] = slots;
    Json done = Json::array();
    for (const std::int64_t at : row.look.done_today_ms) done.push_back(to_iso8601(wall_time_at(at)));
    one["done_today"] = done;
    reminders.push_back(std::move(one));
  }
  Json done = Json::array();
  for (const Session& session : report.done)
    done.push_back(Json{{"routine", session.routine},
                        {"title", session.title},
                        {"ended", to_iso8601(session.ended)},
                        {"active_seconds", in_seconds(session.active)}});
  Json plan = nullptr;
  if (report.plan) {
    Json due = Json::array();
    for (const DueToday& d : report.plan->due)
      due.push_back(Json{{"routine", d.routine}, {"times", d.times}, {"done", d.done}});
    plan = Json{{"plan", report.plan->plan}, {"week", report.plan->week}, {"due", due}};
  }
  const std::int64_t today = local_day(wall_time_at(report.now_ms));
  return dump_json(Json{{"date", to_string(civil_from_days(today))},
                        {"now", to_iso8601(wall_time_at(report.now_ms))},
                        {"paused_until", time_or_null(report.paused_until_ms)},
                        {"reminders", reminders},
                        {"plan", plan},
                        {"done", done}});
}

std::string today_short(const TodayReport& report) {
  std::vector<std::string> due;
  for (const ReminderRow& row : report.rows)
    if (still_due(row.look) && std::find(due.begin(), due.end(), row.reminder.routine) == due.end())
      due.push_back(escape_line(row.reminder.routine));
  if (report.plan)
    for (const DueToday& d : report.plan->due)
      if (d.done < d.times && std::find(due.begin(), due.end(), d.routine) == due.end())
        due.push_back(escape_line(d.routine));
  if (due.empty()) return "";
  return fmt::format("psoas: {} due\n", fmt::join(due, ", "));
}

}  // namespace psoas
