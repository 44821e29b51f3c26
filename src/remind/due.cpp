#include "remind/due.hpp"

#include <algorithm>

#include "model/wall_time.hpp"

namespace psoas {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kHalfDayMs = 12 * 60 * kMinuteMs;
// How far to look for a reminder's next day.
constexpr int kWeek = 7;

// The first time in `done` at or after `from` and at or before `to`.
std::optional<std::int64_t> done_between(std::span<const std::int64_t> done, std::int64_t from,
                                         std::int64_t to) {
  const auto found = std::lower_bound(done.begin(), done.end(), from);
  if (found == done.end() || *found > to) return std::nullopt;
  return *found;
}

std::optional<std::int64_t> last_done_before(std::span<const std::int64_t> done, std::int64_t until) {
  const auto found = std::upper_bound(done.begin(), done.end(), until);
  if (found == done.begin()) return std::nullopt;
  return *std::prev(found);
}

// The reminder's times of day on `day`, as moments; none on a day it is off.
std::vector<std::int64_t> slots_on(const Reminder& reminder, std::int64_t day) {
  std::vector<std::int64_t> slots;
  if (!reminder.on_weekday(weekday(day))) return slots;
  for (const MinuteOfDay minute : reminder.at) slots.push_back(local_unix_ms(day, minute));
  return slots;
}

// The first of the reminder's times after `now`, within a week.
std::optional<std::int64_t> next_slot(const Reminder& reminder, std::int64_t today, std::int64_t now) {
  for (int ahead = 0; ahead <= kWeek; ++ahead)
    for (const std::int64_t slot : slots_on(reminder, today + ahead))
      if (slot > now) return slot;
  return std::nullopt;
}

// When an `every` reminder's part of the day next opens after `now`, within a week.
std::optional<std::int64_t> next_opening(const Reminder& reminder, std::int64_t today, std::int64_t now) {
  for (int ahead = 0; ahead <= kWeek; ++ahead) {
    if (!reminder.on_weekday(weekday(today + ahead))) continue;
    const std::int64_t opens = local_unix_ms(today + ahead, reminder.window_start);
    if (opens > now) return opens;
  }
  return std::nullopt;
}

void look_at_times(const ReminderFacts& facts, std::int64_t today, ReminderLook& look) {
  const Reminder& reminder = facts.reminder;
  const std::vector<std::int64_t> yesterday = slots_on(reminder, today - 1);
  const std::vector<std::int64_t> slots = slots_on(reminder, today);
  const std::vector<std::int64_t> tomorrow = slots_on(reminder, today + 1);
  const std::int64_t now = facts.now_ms;
  std::optional<std::size_t> current;  // the last time today that has come
  for (std::size_t i = 0; i < slots.size(); ++i)
    if (slots[i] <= now) current = i;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const std::int64_t at = slots[i];
    const std::optional<std::int64_t> before = i > 0               ? std::optional(slots[i - 1])
                                               : yesterday.empty() ? std::nullopt
                                                                   : std::optional(yesterday.back());
    const std::optional<std::int64_t> after = i + 1 < slots.size() ? std::optional(slots[i + 1])
                                              : tomorrow.empty()   ? std::nullopt
                                                                   : std::optional(tomorrow.front());
    const std::int64_t from = std::max(before ? (*before + at) / 2 : at - kHalfDayMs, at - kHalfDayMs);
    const std::int64_t to = std::min(after ? (at + *after) / 2 : at + kHalfDayMs, at + kHalfDayMs);
    ReminderSlot slot{reminder.at[i], at, ReminderStatus::upcoming,
                      done_between(facts.done_ms, from, std::min(to, now))};
    if (slot.done_ms) {
      slot.status = ReminderStatus::done;
    } else if (at > now) {
      slot.status = ReminderStatus::upcoming;
    } else if (i == current && now < to) {
      slot.status = facts.state.last_slot_ms == at ? ReminderStatus::reminded : ReminderStatus::due;
    } else {
      slot.status = ReminderStatus::missed;
    }
    look.slots.push_back(slot);
  }
  look.next_ms = next_slot(reminder, today, now);
  if (!current) {
    look.status = ReminderStatus::upcoming;
    return;
  }
  look.status = look.slots[*current].status;
  look.slot_ms = slots[*current];
}

void look_at_interval(const ReminderFacts& facts, std::int64_t today, ReminderLook& look) {
  const Reminder& reminder = facts.reminder;
  const std::int64_t now = facts.now_ms;
  const std::int64_t opens = local_unix_ms(today, reminder.window_start);
  const std::int64_t closes = local_unix_ms(today, reminder.window_end);
  if (now < opens || now >= closes) {
    look.status = ReminderStatus::closed;
    look.next_ms = next_opening(reminder, today, now);
    return;
  }
  const auto interval = std::chrono::duration_cast<std::chrono::milliseconds>(*reminder.every).count();
  const auto done = last_done_before(facts.done_ms, now);
  const std::int64_t since =
      std::max(done.value_or(INT64_MIN), facts.state.last_nudge_ms.value_or(INT64_MIN));
  if (since == INT64_MIN || now - since >= interval) {
    look.status = ReminderStatus::due;
    return;
  }
  const bool done_last = done && *done >= facts.state.last_nudge_ms.value_or(INT64_MIN);
  look.status = done_last ? ReminderStatus::done : ReminderStatus::reminded;
  look.next_ms =
      since + interval < closes ? std::optional(since + interval) : next_opening(reminder, today, now);
}

}  // namespace

bool done_for_reminders(const Session& session) {
  return session.reached_end() && session.held() * 2 >= session.planned_hold;
}

const char* to_string(ReminderStatus status) {
  switch (status) {
    case ReminderStatus::upcoming:
      return "upcoming";
    case ReminderStatus::due:
      return "due";
    case ReminderStatus::reminded:
      return "reminded";
    case ReminderStatus::done:
      return "done";
    case ReminderStatus::missed:
      return "missed";
    case ReminderStatus::skipped:
      return "skipped";
    case ReminderStatus::snoozed:
      return "snoozed";
    case ReminderStatus::paused:
      return "paused";
    case ReminderStatus::off_today:
      return "off today";
    case ReminderStatus::closed:
      return "closed";
  }
  return "upcoming";
}

ReminderLook look_at_reminder(const ReminderFacts& facts) {
  const Reminder& reminder = facts.reminder;
  const std::int64_t now = facts.now_ms;
  const std::int64_t today = local_day(wall_time_at(now));
  if (facts.paused_until_ms && now < *facts.paused_until_ms) {
    // Paused: nothing is due; next is the first moment after the pause it could be.
    ReminderFacts after = facts;
    after.paused_until_ms.reset();
    after.now_ms = *facts.paused_until_ms;
    const ReminderLook then = look_at_reminder(after);
    ReminderLook look = look_at_reminder({facts.reminder, facts.state, std::nullopt, facts.done_ms, now});
    look.status = ReminderStatus::paused;
    look.slot_ms.reset();
    look.next_ms = then.status == ReminderStatus::due ? facts.paused_until_ms : then.next_ms;
    return look;
  }
  ReminderLook look;
  for (const std::int64_t done : facts.done_ms)
    if (done <= now && local_day(wall_time_at(done)) == today) look.done_today_ms.push_back(done);
  if (reminder.on_weekday(weekday(today))) {
    if (reminder.is_every()) {
      look_at_interval(facts, today, look);
    } else {
      look_at_times(facts, today, look);
    }
  } else {
    look.status = ReminderStatus::off_today;
    look.next_ms = reminder.is_every() ? next_opening(reminder, today, now) : next_slot(reminder, today, now);
  }
  // What the person said overrules the clock.
  const ReminderState& state = facts.state;
  if (state.skipped_day == today) {
    look.status = ReminderStatus::skipped;
  } else if (state.snoozed_until_ms && now < *state.snoozed_until_ms) {
    look.status = ReminderStatus::snoozed;
    look.next_ms = state.snoozed_until_ms;
  } else if (look.status == ReminderStatus::reminded && (state.unshown || state.snoozed_until_ms)) {
    // Reminded, and not done since, but the notification never showed, or
    // its snooze is over: due again, within the same time or part of the day.
    look.status = ReminderStatus::due;
  }
  if (look.status != ReminderStatus::due) look.slot_ms.reset();
  return look;
}

}  // namespace psoas
