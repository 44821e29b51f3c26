#include "remind/due.hpp"

#include <time.h>

#include <cstdlib>
#include <string>

#include <doctest/doctest.h>

#include "model/wall_time.hpp"
#include "remind/example_reminders.hpp"

using namespace psoas;
using namespace psoas::testing;

namespace {

// The local time zone for one test: TZ set, and put back after.
class Zone {
 public:
  explicit Zone(const char* tz) {
    if (const char* old = std::getenv("TZ")) old_ = old;
    ::setenv("TZ", tz, 1);
    ::tzset();
  }
  ~Zone() {
    if (old_) {
      ::setenv("TZ", old_->c_str(), 1);
    } else {
      ::unsetenv("TZ");
    }
    ::tzset();
  }

 private:
  std::optional<std::string> old_;
};

constexpr std::int64_t kMinute = 60'000;

// 2026-12-01 was a Tuesday.
std::int64_t day_of(unsigned month, unsigned day) {
  return days_from_civil({2026, month, day});
}

std::int64_t at(std::int64_t day, int hour, int minute) {
  return local_unix_ms(day, hour * 60 + minute);
}

struct Look {
  Reminder reminder;
  ReminderState state = {};
  std::optional<std::int64_t> paused_until = std::nullopt;
  std::vector<std::int64_t> done = {};

  ReminderLook at_time(std::int64_t now) const {
    return look_at_reminder({reminder, state, paused_until, done, now});
  }
  ReminderStatus status(std::int64_t now) const { return at_time(now).status; }
};

}  // namespace

TEST_CASE("an `at` reminder is upcoming before its time, due at it, and reminded once nudge has shown it") {
  Zone utc("UTC0");
  const std::int64_t tue = day_of(12, 1);
  REQUIRE(weekday(tue) == 1);
  Look look{pigeon_at({630})};
  CHECK(look.status(at(tue, 10, 29)) == ReminderStatus::upcoming);
  CHECK(look.at_time(at(tue, 10, 29)).next_ms == at(tue, 10, 30));
  const ReminderLook due = look.at_time(at(tue, 10, 30));
  CHECK(due.status == ReminderStatus::due);
  CHECK(due.slot_ms == at(tue, 10, 30));
  CHECK(due.next_ms == at(tue + 1, 10, 30));
  look.state.last_slot_ms = at(tue, 10, 30);
  CHECK(look.status(at(tue, 10, 31)) == ReminderStatus::reminded);
  CHECK(look.status(at(tue + 1, 10, 30)) == ReminderStatus::due);  // a new day, a new time
}

TEST_CASE("a session just before an `at` time answers it — one just after the time before answers that one") {
  Zone utc("UTC0");
  const std::int64_t tue = day_of(12, 1);
  Look just_before{pigeon_at({630, 900})};
  just_before.done = {at(tue, 14, 55)};
  CHECK(just_before.status(at(tue, 15, 0)) == ReminderStatus::done);
  Look answered{pigeon_at({630, 900})};
  answered.done = {at(tue, 10, 40)};  // the answer to 10:30: 15:00 is still due
  const ReminderLook afternoon = answered.at_time(at(tue, 15, 0));
  CHECK(afternoon.status == ReminderStatus::due);
  REQUIRE(afternoon.slots.size() == 2);
  CHECK(afternoon.slots[0].status == ReminderStatus::done);
  CHECK(afternoon.slots[0].done_ms == at(tue, 10, 40));
  // The edge between them is half way, at 12:45.
  Look half_way{pigeon_at({630, 900})};
  half_way.done = {at(tue, 12, 45)};
  CHECK(half_way.status(at(tue, 15, 0)) == ReminderStatus::done);
  half_way.done = {at(tue, 12, 44)};
  CHECK(half_way.status(at(tue, 15, 0)) == ReminderStatus::due);
  // Yesterday's answer does not answer today, however close to midnight.
  Look yesterday{pigeon_at({630})};
  yesterday.done = {at(tue - 1, 10, 35), at(tue - 1, 22, 29)};
  CHECK(yesterday.status(at(tue, 10, 30)) == ReminderStatus::due);
  yesterday.done.push_back(at(tue - 1, 22, 30));  // twelve hours before: counts
  CHECK(yesterday.status(at(tue, 10, 30)) == ReminderStatus::done);
}

TEST_CASE("an `at` time not done before the next is missed — the next one is due") {
  Zone utc("UTC0");
  const std::int64_t tue = day_of(12, 1);
  const Look look{pigeon_at({630, 900})};
  const ReminderLook later = look.at_time(at(tue, 15, 30));
  CHECK(later.status == ReminderStatus::due);
  CHECK(later.slots[0].status == ReminderStatus::missed);
  CHECK(later.slot_ms == at(tue, 15, 0));
  // Past its share of the day, a time is no longer due: half way to tomorrow's first.
  CHECK(look.status(at(tue + 1, 0, 44)) == ReminderStatus::upcoming);  // a new day: 10:30 is to come
  CHECK(look.status(at(tue, 23, 59)) == ReminderStatus::due);
}

TEST_CASE(
    "an `every` reminder: closed outside its part of the day, due when nothing was done or shown for its "
    "interval") {
  Zone utc("UTC0");
  const std::int64_t tue = day_of(12, 1);
  Look look{every_50m_workdays()};
  CHECK(look.status(at(tue, 8, 59)) == ReminderStatus::closed);
  CHECK(look.at_time(at(tue, 8, 59)).next_ms == at(tue, 9, 0));
  CHECK(look.status(at(tue, 9, 0)) == ReminderStatus::due);  // the window's first minute
  CHECK(look.status(at(tue, 17, 29)) == ReminderStatus::due);
  CHECK(look.status(at(tue, 17, 30)) == ReminderStatus::closed);  // the end is not in it
  CHECK(look.at_time(at(tue, 17, 30)).next_ms == at(tue + 1, 9, 0));
  look.done = {at(tue, 10, 0)};
  CHECK(look.status(at(tue, 10, 49)) == ReminderStatus::done);
  CHECK(look.at_time(at(tue, 10, 49)).next_ms == at(tue, 10, 50));
  CHECK(look.status(at(tue, 10, 50)) == ReminderStatus::due);
  look.state.last_nudge_ms = at(tue, 10, 50);  // reminded: the interval starts again
  CHECK(look.status(at(tue, 11, 39)) == ReminderStatus::reminded);
  CHECK(look.status(at(tue, 11, 40)) == ReminderStatus::due);
  // The next due time past the window's end is the next morning's opening.
  look.done = {at(tue, 17, 0)};
  look.state.last_nudge_ms.reset();
  CHECK(look.at_time(at(tue, 17, 1)).next_ms == at(tue + 1, 9, 0));
}

TEST_CASE("days of the week: a reminder is off on the others, and says when it comes next") {
  Zone utc("UTC0");
  const std::int64_t sat = day_of(12, 5);
  REQUIRE(weekday(sat) == 5);
  const Look workdays{every_50m_workdays()};
  const ReminderLook weekend = workdays.at_time(at(sat, 10, 0));
  CHECK(weekend.status == ReminderStatus::off_today);
  CHECK(weekend.next_ms == at(sat + 2, 9, 0));  // Monday
  const Look fridays{pigeon_at({600}, 0x10)};
  CHECK(fridays.status(at(sat, 10, 0)) == ReminderStatus::off_today);
  CHECK(fridays.at_time(at(sat, 10, 0)).next_ms == at(sat + 6, 10, 0));
  CHECK(fridays.status(at(sat - 1, 10, 0)) == ReminderStatus::due);
}

TEST_CASE("a pause, a skipped day and a snooze overrule the clock") {
  Zone utc("UTC0");
  const std::int64_t tue = day_of(12, 1);
  Look look{pigeon_at({630})};
  look.paused_until = at(tue, 12, 0);
  CHECK(look.status(at(tue, 10, 30)) == ReminderStatus::paused);
  CHECK(look.at_time(at(tue, 10, 30)).next_ms == at(tue, 12, 0));
  CHECK(look.status(at(tue, 12, 0)) == ReminderStatus::due);  // the pause is over; 10:30 is still unanswered
  look.paused_until.reset();
  look.state.skipped_day = tue;
  CHECK(look.status(at(tue, 10, 30)) == ReminderStatus::skipped);
  CHECK(look.status(at(tue + 1, 10, 30)) == ReminderStatus::due);
  look.state.skipped_day.reset();
  look.state.last_nudge_ms = at(tue, 10, 30);
  look.state.last_slot_ms = at(tue, 10, 30);
  look.state.snoozed_until_ms = at(tue, 10, 40);
  CHECK(look.status(at(tue, 10, 35)) == ReminderStatus::snoozed);
  CHECK(look.at_time(at(tue, 10, 35)).next_ms == at(tue, 10, 40));
  const ReminderLook over = look.at_time(at(tue, 10, 40));
  CHECK(over.status == ReminderStatus::due);  // reminded already, but the snooze asks again
  CHECK(over.slot_ms == at(tue, 10, 30));
  look.done = {at(tue, 10, 38)};  // done while snoozed: nothing to ask
  CHECK(look.status(at(tue, 10, 40)) == ReminderStatus::done);
}

TEST_CASE(
    "a snooze that ran out asks again only while the reminder could be due — not off its hours or days") {
  Zone utc("UTC0");
  const std::int64_t fri = day_of(12, 4);
  Look look{every_50m_workdays()};
  look.state.last_nudge_ms = at(fri, 17, 0);
  look.state.snoozed_until_ms = at(fri, 17, 10);
  CHECK(look.status(at(fri, 17, 15)) == ReminderStatus::due);  // within its hours, not done since
  const ReminderLook evening = look.at_time(at(fri, 17, 45));
  CHECK(evening.status == ReminderStatus::closed);
  CHECK(evening.next_ms == at(fri + 3, 9, 0));
  CHECK(look.status(at(fri + 1, 10, 0)) == ReminderStatus::off_today);  // Saturday
  Look times{pigeon_at({630, 900})};
  times.state.last_nudge_ms = at(fri, 10, 30);
  times.state.last_slot_ms = at(fri, 10, 30);
  times.state.snoozed_until_ms = at(fri, 10, 40);
  CHECK(times.status(at(fri, 12, 0)) == ReminderStatus::due);
  CHECK(times.status(at(fri, 13, 0)) == ReminderStatus::missed);  // past half way to 15:00
  CHECK(times.status(at(fri, 15, 0)) == ReminderStatus::due);     // the next time, on its own account
}

TEST_CASE("a reminder nudge could not show is due again at the next nudge, until it shows or is done") {
  Zone utc("UTC0");
  const std::int64_t tue = day_of(12, 1);
  Look look{pigeon_at({600})};
  look.state.last_nudge_ms = at(tue, 10, 0);
  look.state.last_slot_ms = at(tue, 10, 0);
  look.state.unshown = true;
  const ReminderLook later = look.at_time(at(tue, 10, 5));
  CHECK(later.status == ReminderStatus::due);
  CHECK(later.slot_ms == at(tue, 10, 0));
  look.state.unshown = false;
  CHECK(look.status(at(tue, 10, 5)) == ReminderStatus::reminded);
  look.state.unshown = true;
  look.done = {at(tue, 10, 3)};
  CHECK(look.status(at(tue, 10, 5)) == ReminderStatus::done);
  Look every{every_50m_workdays()};
  every.state.last_nudge_ms = at(tue, 9, 0);
  every.state.unshown = true;
  CHECK(every.status(at(tue, 9, 5)) == ReminderStatus::due);
  CHECK(every.status(at(tue, 17, 35)) == ReminderStatus::closed);
}

TEST_CASE("paused: next is the first moment after the pause the reminder could be due") {
  Zone utc("UTC0");
  const std::int64_t tue = day_of(12, 1);
  Look look{every_50m_workdays()};
  look.paused_until = at(tue, 18, 36);
  const ReminderLook evening = look.at_time(at(tue, 17, 45));
  CHECK(evening.status == ReminderStatus::paused);
  CHECK(evening.next_ms == at(tue + 1, 9, 0));  // its hours ended at 17:30
  look.paused_until = at(tue, 11, 0);
  CHECK(look.at_time(at(tue, 10, 0)).next_ms == at(tue, 11, 0));  // due as the pause ends
  look.done = {at(tue, 10, 50)};
  CHECK(look.at_time(at(tue, 10, 55)).next_ms == at(tue, 11, 40));  // done during the pause
}

TEST_CASE("midnight: a time at 00:00 and a part of the day that ends at 24:00") {
  Zone utc("UTC0");
  const std::int64_t tue = day_of(12, 1);
  const Look midnight{pigeon_at({0})};
  CHECK(midnight.status(at(tue, 0, 0)) == ReminderStatus::due);
  CHECK(midnight.at_time(at(tue, 23, 59)).next_ms == at(tue + 1, 0, 0));
  Reminder late = every_50m_workdays();
  late.window_start = 22 * 60;
  late.window_end = kMinutesPerDay;
  late.days = kEveryDay;
  const Look evening{late};
  CHECK(evening.status(at(tue, 23, 59)) == ReminderStatus::due);
  CHECK(evening.status(at(tue + 1, 0, 0)) == ReminderStatus::closed);
  CHECK(evening.at_time(at(tue + 1, 0, 0)).next_ms == at(tue + 1, 22, 0));
}

TEST_CASE("a daylight-saving change moves the times with the wall clock, not with UTC") {
  Zone berlin("CET-1CEST,M3.5.0,M10.5.0/3");
  const std::int64_t saturday = day_of(3, 28);
  const std::int64_t change = day_of(3, 29);  // clocks go from 02:00 to 03:00
  CHECK(at(saturday, 9, 0) == (days_from_civil({2026, 3, 28}) * 86'400'000) + 8 * 60 * kMinute);
  CHECK(at(change, 9, 0) == (days_from_civil({2026, 3, 29}) * 86'400'000) + 7 * 60 * kMinute);
  const Look look{pigeon_at({540})};
  CHECK(look.at_time(at(saturday, 9, 1)).next_ms == at(change, 9, 0));
  CHECK(look.status(at(change, 9, 0)) == ReminderStatus::due);
  // 02:30 does not happen that night: the reminder comes when the clock reaches it, at 03:30.
  const Look skipped_hour{pigeon_at({150})};
  const ReminderLook early = skipped_hour.at_time(at(change, 1, 59));
  CHECK(early.next_ms ==
        days_from_civil({2026, 3, 29}) * 86'400'000 + 90 * kMinute);  // 01:30 UTC = 03:30 CEST
  // An `every` reminder's part of the day keeps its wall-clock hours.
  Reminder r = every_50m_workdays();
  r.days = kEveryDay;
  const Look interval{r};
  CHECK(interval.status(at(change, 8, 59)) == ReminderStatus::closed);
  CHECK(interval.status(at(change, 9, 0)) == ReminderStatus::due);
  CHECK(interval.at_time(at(change, 8, 0)).next_ms == at(change, 9, 0));
}

TEST_CASE("a session counts for reminders when it reached its end and held at least half its planned hold") {
  Session session;
  session.outcome = SessionOutcome::finished;
  session.planned_hold = Millis(100'000);
  session.held_left = Millis(50'000);
  CHECK(done_for_reminders(session));
  session.held_left = Millis(49'000);
  CHECK_FALSE(done_for_reminders(session));
  session.held_left = Millis(100'000);
  session.outcome = SessionOutcome::quit;
  CHECK_FALSE(done_for_reminders(session));
  session.outcome = SessionOutcome::partial;
  CHECK(done_for_reminders(session));
}
