#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/reminder.hpp"
#include "model/session.hpp"
#include "progression/progress.hpp"
#include "remind/due.hpp"

// Views of reminders: `psoas remind list` and `psoas today`.
namespace psoas {

// "10:30" for a moment today, "Mon 09:00" for one within a week, else the date too.
std::string when_text(std::int64_t unix_ms, std::int64_t now_ms);

struct ReminderRow {
  Reminder reminder;
  std::string title;  // the routine's, or "" when it cannot be found
  ReminderLook look;
};

// What a reminder's state means now, in a few words: "done at 12:06; next 12:56".
std::string status_text(const ReminderRow& row, std::int64_t now_ms);

// remind list: a line per reminder, with when it next comes, fitted to
// `width` columns when there is one.
std::string render_reminder_table(const std::vector<ReminderRow>& rows,
                                  std::optional<std::int64_t> paused_until_ms, std::int64_t now_ms,
                                  bool color, std::optional<std::size_t> width);
std::string reminders_json(const std::vector<ReminderRow>& rows, std::optional<std::int64_t> paused_until_ms);

// The plan a person is on, and what it asks of today.
struct PlanDueToday {
  std::string plan;
  std::string week;  // "week 2 of 4"
  std::vector<DueToday> due;
};

struct TodayReport {
  std::int64_t now_ms = 0;
  std::optional<PlanDueToday> plan;
  std::optional<std::int64_t> paused_until_ms;
  std::vector<ReminderRow> rows;
  std::vector<Session> done;  // today's sessions that did their routine, oldest first
};

// What is due and what is done today.
std::string render_today(const TodayReport& report, bool color);
std::string today_json(const TodayReport& report);
// One short line for a shell prompt, or "" when nothing is due.
std::string today_short(const TodayReport& report);

// Whether a reminder's routine is still to be done now: due, or reminded and not done.
bool still_due(const ReminderLook& look);

}  // namespace psoas
