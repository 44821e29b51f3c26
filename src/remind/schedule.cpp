#include "remind/schedule.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/printable.hpp"

namespace psoas {
namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<MinuteOfDay> parse_clock(std::string_view text, bool end_of_day) {
  // H:MM or HH:MM, nothing else: "9:5" and "930" are too easy to misread.
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3)
    return std::nullopt;
  int hours = 0;
  int minutes = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == colon) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    (i < colon ? hours : minutes) = (i < colon ? hours : minutes) * 10 + (text[i] - '0');
  }
  if (minutes > 59) return std::nullopt;
  if (hours == 24 && minutes == 0 && end_of_day) return kMinutesPerDay;
  if (hours > 23) return std::nullopt;
  return hours * 60 + minutes;
}

std::optional<std::vector<MinuteOfDay>> parse_clock_list(std::string_view text, std::string& error) {
  std::vector<MinuteOfDay> times;
  std::size_t start = 0;
  for (;;) {
    const auto comma = text.find(',', start);
    const std::string_view part =
        trimmed(text.substr(start, comma == std::string_view::npos ? comma : comma - start));
    const auto minute = parse_clock(part);
    if (part.empty()) {
      error = fmt::format("`{}` has an empty time: times are separated by single commas, such as 10:30,15:00",
                          escape_line(text));
      return std::nullopt;
    }
    if (!minute) {
      error = fmt::format("`{}` is not a time of day such as 10:30 (00:00 to 23:59)", escape_line(part));
      return std::nullopt;
    }
    times.push_back(*minute);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  return times;
}

std::optional<std::pair<MinuteOfDay, MinuteOfDay>> parse_window(std::string_view text, std::string& error) {
  const auto dash = text.find('-');
  const auto start =
      dash == std::string_view::npos ? std::nullopt : parse_clock(trimmed(text.substr(0, dash)));
  const auto end =
      dash == std::string_view::npos ? std::nullopt : parse_clock(trimmed(text.substr(dash + 1)), true);
  if (!start || !end) {
    error = fmt::format("`{}` is not a part of the day such as 09:00-17:30", escape_line(text));
    return std::nullopt;
  }
  if (*end == *start) {
    error = fmt::format("`{}` is empty: it ends as it starts", escape_line(text));
    return std::nullopt;
  }
  if (*end < *start) {
    error = fmt::format(
        "`{}` ends before it starts: a part of the day cannot cross midnight; for a night shift, add two "
        "reminders, such as {}-24:00 and 00:00-{}",
        escape_line(text), format_clock(*start), format_clock(*end));
    return std::nullopt;
  }
  return std::pair{*start, *end};
}

std::optional<Seconds> parse_interval(std::string_view text, std::string& error) {
  const auto interval = parse_duration(text);
  if (!interval || *interval < kShortestInterval || *interval > kLongestInterval) {
    error = fmt::format("`{}` is not a time from {} to {}, such as 50m or 1h30m", escape_line(text),
                        format_duration(kShortestInterval), format_duration(kLongestInterval));
    return std::nullopt;
  }
  return interval;
}

std::string format_clock(MinuteOfDay minute) {
  return fmt::format("{:02}:{:02}", minute / 60, minute % 60);
}

std::string describe_schedule(const Reminder& reminder) {
  if (reminder.is_every())
    return fmt::format("every {}, {}-{}, {}", format_duration(*reminder.every),
                       format_clock(reminder.window_start), format_clock(reminder.window_end),
                       format_days(reminder.days));
  std::vector<std::string> times;
  for (const MinuteOfDay minute : reminder.at) times.push_back(format_clock(minute));
  std::string at;
  for (std::size_t i = 0; i < times.size(); ++i)
    at += (i == 0 ? "" : i + 1 == times.size() ? " and " : ", ") + times[i];
  return fmt::format("at {}, {}", at, format_days(reminder.days));
}

}  // namespace psoas
