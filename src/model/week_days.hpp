#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Days of the week, as reminders and plans name them.
namespace psoas {

// Days of the week as bits, Monday first (bit 0) to Sunday (bit 6).
using WeekDays = std::uint8_t;
inline constexpr WeekDays kEveryDay = 0x7F;

// Whether `days` holds `day`, 0 for Monday ... 6 for Sunday.
constexpr bool has_day(WeekDays days, int day) {
  return ((static_cast<unsigned>(days) >> static_cast<unsigned>(day)) & 1U) != 0;
}

// "mon-fri", "daily", "weekdays", "weekends", "mon,wed,fri", "sat-mon".
std::optional<WeekDays> parse_days(std::string_view text, std::string& error);

// The runs of days in a row, Monday first: mon-wed,fri is {0, 2} and {4, 4}.
std::vector<std::pair<int, int>> day_runs(WeekDays days);

// The days as names, runs of three or more as ranges: with `names` Monday
// first and `dash` "-", "mon-fri,sun"; with "..", "Mon..Fri,Sun".
std::string join_day_runs(WeekDays days, const std::array<const char*, 7>& names, std::string_view dash);

// The shortest words parse_days reads back: "daily", "mon-fri", "weekends", "mon,wed,fri".
std::string format_days(WeekDays days);

}  // namespace psoas
