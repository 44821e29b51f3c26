#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "model/reminder.hpp"
#include "model/session.hpp"
#include "remind/state.hpp"

// Whether a reminder is due: a pure function of the reminder, what the
// buttons and `psoas nudge` did, when the routine was done, and the time.
// Local times come from the TZ rules libc knows (tests set TZ).
namespace psoas {

// Whether a session did the routine, for its reminders: it reached the end
// and held at least half of its planned hold time.
bool done_for_reminders(const Session& session);

enum class ReminderStatus : unsigned char {
  upcoming,   // its time has not come today
  due,        // remind now
  reminded,   // reminded, and not done since
  done,       // done: this time of day is answered, or an `every` reminder's interval has not passed
  missed,     // an `at` time that passed without being done, before the current one
  skipped,    // "Skip today"
  snoozed,    // "In 10 minutes", not yet over
  paused,     // `psoas remind pause`
  off_today,  // not one of its days
  closed,     // an `every` reminder outside its part of the day
};

const char* to_string(ReminderStatus status);

// One time of day of an `at` reminder, today.
struct ReminderSlot {
  MinuteOfDay minute = 0;
  std::int64_t at_ms = 0;
  ReminderStatus status = ReminderStatus::upcoming;
  std::optional<std::int64_t> done_ms;  // the session that answered it
};

struct ReminderLook {
  ReminderStatus status = ReminderStatus::upcoming;
  std::optional<std::int64_t> slot_ms;  // an `at` reminder's time of day it is due for
  std::optional<std::int64_t> next_ms;  // when it may next be due, if it can tell
  std::vector<ReminderSlot> slots;      // an `at` reminder's times today
  std::vector<std::int64_t> done_today_ms;
};

struct ReminderFacts {
  const Reminder& reminder;
  const ReminderState& state;
  std::optional<std::int64_t> paused_until_ms;
  std::span<const std::int64_t> done_ms;  // when the routine was done, oldest first
  std::int64_t now_ms = 0;
};

// An `at` time is answered by a session in its share of the day: from half
// way since the time before it (at most 12 hours before) to half way to the
// next (at most 12 hours after). So a session just before 15:00 answers the
// 15:00 reminder, and one just after the 10:30 reminder answers that one.
ReminderLook look_at_reminder(const ReminderFacts& facts);

}  // namespace psoas
