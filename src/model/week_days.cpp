#include "model/week_days.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/printable.hpp"

namespace psoas {
namespace {

constexpr std::array<const char*, 7> kDayNames = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

constexpr std::array<std::string_view, 7> kFullDayNames = {"monday", "tuesday",  "wednesday", "thursday",
                                                           "friday", "saturday", "sunday"};

// 0 for Monday ... 6 for Sunday, by the first three letters or the whole name, in any case.
std::optional<int> day_number(std::string_view text) {
  std::string lower;
  for (const char c : text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::size_t i = 0; i < kDayNames.size(); ++i)
    if (lower == kDayNames[i] || lower == kFullDayNames[i]) return static_cast<int>(i);
  return std::nullopt;
}

std::string_view trimmed_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<WeekDays> parse_days(std::string_view text, std::string& error) {
  const std::string_view whole = trimmed_spaces(text);
  if (whole == "daily" || whole == "every day") return kEveryDay;
  if (whole == "weekdays") return WeekDays{0x1F};
  if (whole == "weekends") return WeekDays{0x60};
  WeekDays days = 0;
  std::size_t start = 0;
  for (;;) {
    const auto comma = whole.find(',', start);
    const std::string_view part =
        trimmed_spaces(whole.substr(start, comma == std::string_view::npos ? comma : comma - start));
    const auto dash = part.find('-');
    const auto first = day_number(trimmed_spaces(part.substr(0, dash)));
    const auto last =
        dash == std::string_view::npos ? first : day_number(trimmed_spaces(part.substr(dash + 1)));
    if (!first || !last) {
      error = fmt::format(
          "`{}` is not days of the week such as mon-fri, mon,wed,fri, daily, weekdays or weekends",
          escape_line(text));
      return std::nullopt;
    }
    // A range may wrap past Sunday: sat-mon is Saturday, Sunday and Monday.
    for (int day = *first;; day = (day + 1) % 7) {
      days = static_cast<WeekDays>(days | (1U << static_cast<unsigned>(day)));
      if (day == *last) break;
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return days;
}

std::vector<std::pair<int, int>> day_runs(WeekDays days) {
  std::vector<std::pair<int, int>> runs;
  for (int day = 0; day < 7; ++day) {
    if (!has_day(days, day)) continue;
    if (!runs.empty() && runs.back().second == day - 1) {
      runs.back().second = day;
    } else {
      runs.emplace_back(day, day);
    }
  }
  return runs;
}

std::string join_day_runs(WeekDays days, const std::array<const char*, 7>& names, std::string_view dash) {
  std::vector<std::string> parts;
  for (const auto& [first, last] : day_runs(days)) {
    if (last - first >= 2) {
      parts.push_back(fmt::format("{}{}{}", names[static_cast<std::size_t>(first)], dash,
                                  names[static_cast<std::size_t>(last)]));
    } else {
      for (int d = first; d <= last; ++d) parts.emplace_back(names[static_cast<std::size_t>(d)]);
    }
  }
  return fmt::format("{}", fmt::join(parts, ","));
}

std::string format_days(WeekDays days) {
  days &= kEveryDay;
  if (days == kEveryDay) return "daily";
  if (days == 0x60) return "weekends";
  return join_day_runs(days, kDayNames, "-");
}

}  // namespace psoas
