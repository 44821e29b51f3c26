#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace psoas {

// A day on the Unix clock, which has no leap seconds.
inline constexpr std::int64_t kDayMs = 86'400'000;

// A moment on the wall clock, and the local time zone's offset from UTC then.
struct WallTime {
  std::int64_t unix_ms = 0;
  int utc_offset_minutes = 0;
  friend bool operator==(const WallTime&, const WallTime&) = default;
};

// "2026-11-21T09:30:05.120+01:00": local time with its offset, ISO 8601.
std::string to_iso8601(WallTime time);
// The same, added to the end of `out`.
void append_iso8601(std::string& out, WallTime time);

// Reads back what to_iso8601() writes ("2026-11-21T09:30:05.120+01:00"; the
// fraction may be left out, and `Z` stands for +00:00). Nothing for anything
// else, or a date that does not exist.
std::optional<WallTime> parse_iso8601(std::string_view text);

// The local day (days since 1970-01-01) that a --since value names, seen
// from `today`: YYYY-MM-DD, `today`, `yesterday`, or N days or weeks ago
// (`7d`, `2w`). Nothing for anything else.
std::optional<std::int64_t> since_day(std::string_view text, std::int64_t today);

// A date on the calendar.
struct CivilDate {
  std::int64_t year = 1970;
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01, and back (the proleptic Gregorian calendar).
std::int64_t days_from_civil(CivilDate date);
CivilDate civil_from_days(std::int64_t days);

// The local calendar day of a moment, as days since 1970-01-01, in the time
// zone it was recorded in: a session at 23:30 +01:00 belongs to that day.
std::int64_t local_day(WallTime time);

// 0 for Monday ... 6 for Sunday.
int weekday(std::int64_t days);

// "2026-11-21".
std::string to_string(CivilDate date);

// The local time zone, by the rules of TZ (or /etc/localtime), as libc knows them.

// The wall clock now, with the local time zone's offset.
WallTime wall_time_now();

// A moment, with the local time zone's offset at that moment.
WallTime wall_time_at(std::int64_t unix_ms);

// When a local calendar day (days since 1970-01-01) begins, by the time zone's
// own rules: a day after a daylight-saving change starts at its real midnight.
std::int64_t local_midnight_unix_ms(std::int64_t day);

// When the clock on the wall shows `minute_of_day` (0 to 1440) on a local
// day. A time a daylight-saving change skips (02:30 when clocks go from 02:00
// to 03:00) is taken as that many minutes after the change, as mktime does;
// a time that happens twice is the first.
std::int64_t local_unix_ms(std::int64_t day, int minute_of_day);

// The minute of the local day a moment falls on, 0 to 1439.
int local_minute_of_day(WallTime time);

}  // namespace psoas
