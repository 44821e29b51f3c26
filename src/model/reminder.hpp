#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/duration.hpp"
#include "model/week_days.hpp"

namespace psoas {

// Minutes since local midnight: 0 to 1439, and 1440 for the end of a day.
using MinuteOfDay = int;
inline constexpr MinuteOfDay kMinutesPerDay = 1440;

// What wakes `psoas nudge` for a reminder.
enum class Waker : unsigned char { systemd, cron };

// When to be reminded of a routine: at clock times, or every so often within
// a part of the day, on some days of the week.
struct Reminder {
  std::string id;  // unique among the reminders; names the systemd units
  std::string routine;
  std::vector<MinuteOfDay> at;  // sorted, without repeats; empty for an `every` reminder
  std::optional<Seconds> every;
  MinuteOfDay window_start = 0;  // `between`, for an `every` reminder: [start, end)
  MinuteOfDay window_end = kMinutesPerDay;
  WeekDays days = kEveryDay;
  Waker waker = Waker::systemd;

  [[nodiscard]] bool is_every() const { return every.has_value(); }
  friend bool operator==(const Reminder&, const Reminder&) = default;
  [[nodiscard]] bool on_weekday(int weekday) const { return has_day(days, weekday); }
};

}  // namespace psoas
