#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/reminder.hpp"

// The words of a reminder's schedule, as `psoas remind add` takes them and
// reminders.yaml holds them: each parser returns nothing and says why in
// `error` (a phrase that completes "must be ..., not X" is not assumed: it is
// the whole reason).
namespace psoas {

// "10:30": 00:00 to 23:59; with `end_of_day`, 24:00 too.
std::optional<MinuteOfDay> parse_clock(std::string_view text, bool end_of_day = false);
// "10:30,15:00": clock times, sorted, without repeats.
std::optional<std::vector<MinuteOfDay>> parse_clock_list(std::string_view text, std::string& error);
// "09:00-17:30": a part of one day; it may end at 24:00 but not cross midnight.
std::optional<std::pair<MinuteOfDay, MinuteOfDay>> parse_window(std::string_view text, std::string& error);
// How often an `every` reminder comes: 5 minutes to 12 hours.
std::optional<Seconds> parse_interval(std::string_view text, std::string& error);

inline constexpr Seconds kShortestInterval{5 * 60};
inline constexpr Seconds kLongestInterval{12 * 3600};

// "10:30"; 1440 is "24:00".
std::string format_clock(MinuteOfDay minute);
// "at 10:30 and 15:00, mon-fri" or "every 50m, 09:00-17:30, daily".
std::string describe_schedule(const Reminder& reminder);

}  // namespace psoas
