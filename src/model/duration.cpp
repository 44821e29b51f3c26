#include "model/duration.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace psoas {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// No duration read may exceed this many seconds (about 30 years).
constexpr long long kParseLimit = 1'000'000'000;

// Reads a run of digits at `pos`, advancing it; nullopt when there is none or
// it exceeds kParseLimit (so later arithmetic cannot overflow).
std::optional<long long> read_number(std::string_view text, std::size_t& pos) {
  const std::size_t begin = pos;
  long long value = 0;
  while (pos < text.size() && is_digit(text[pos])) {
    value = value * 10 + (text[pos] - '0');
    if (value > kParseLimit) return std::nullopt;
    ++pos;
  }
  if (pos == begin) return std::nullopt;
  return value;
}

std::optional<Seconds> parse_clock_form(std::string_view text) {
  // m:ss or h:mm:ss; every field after the first has exactly two digits below 60.
  std::size_t pos = 0;
  auto first = read_number(text, pos);
  if (!first) return std::nullopt;
  long long total = *first;
  int fields = 1;
  while (pos < text.size()) {
    if (text[pos] != ':' || pos + 3 > text.size() || !is_digit(text[pos + 1]) || !is_digit(text[pos + 2]))
      return std::nullopt;
    const int field = (text[pos + 1] - '0') * 10 + (text[pos + 2] - '0');
    if (field >= 60) return std::nullopt;
    total = total * 60 + field;
    pos += 3;
    if (++fields > 3 || total > kParseLimit) return std::nullopt;
  }
  if (fields < 2) return std::nullopt;
  return Seconds(total);
}

std::optional<Seconds> parse_unit_form(std::string_view text) {
  // One or more of <n>h, <n>m, <n>s, in that order, each at most once.
  static constexpr std::string_view kUnits = "hms";
  static constexpr long long kScale[] = {3600, 60, 1};
  std::size_t pos = 0;
  std::size_t next_unit = 0;
  long long total = 0;
  while (pos < text.size()) {
    auto number = read_number(text, pos);
    if (!number || pos == text.size()) return std::nullopt;
    const auto unit = kUnits.find(text[pos], next_unit);
    if (unit == std::string_view::npos) return std::nullopt;
    // After a larger unit, as on a clock: 1m30s, not 1m90s.
    if (next_unit > 0 && *number >= 60) return std::nullopt;
    total += *number * kScale[unit];
    if (total > kParseLimit) return std::nullopt;
    next_unit = unit + 1;
    ++pos;
  }
  return Seconds(total);
}

}  // namespace

std::optional<Seconds> parse_duration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::size_t pos = 0;
  if (auto plain = read_number(text, pos); plain && pos == text.size()) return Seconds(*plain);
  if (text.find(':') != std::string_view::npos) return parse_clock_form(text);
  return parse_unit_form(text);
}

std::string duration_mistake(std::string_view text) {
  if (text.starts_with('-')) return "a duration cannot be negative";
  // Digits past what could ever be a duration: say so, not that a unit is missing.
  if (text.find_first_not_of("0123456789hms:") == std::string_view::npos) {
    std::size_t longest = 0;
    std::size_t run = 0;
    for (const char c : text) {
      run = is_digit(c) ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    if (longest > 9) return "that is far longer than any hold: at most 24 hours";
  }
  if (text.find_first_of(".,") != std::string_view::npos)
    return "use whole seconds, such as 1m30s for a minute and a half";
  const bool clock_characters = text.find_first_not_of("0123456789:") == std::string_view::npos;
  if (clock_characters && text.find(':') != std::string_view::npos)
    return "after a colon come two digits from 00 to 59, as in 1:30 or 1:02:03";
  if (text.find_first_not_of("0123456789hms") != std::string_view::npos || text.empty() || !is_digit(text[0]))
    return {};
  // Digits and units: say which rule of the unit form is broken.
  std::size_t pos = 0;
  std::size_t next_unit = 0;
  while (pos < text.size()) {
    const auto number = read_number(text, pos);
    if (!number || pos == text.size()) return "each number needs its unit: h, m or s";
    const auto unit = std::string_view("hms").find(text[pos]);
    if (unit < next_unit) return "units come once each, in the order h, m, s, as in 1h5m or 1m30s";
    if (next_unit > 0 && *number >= 60) return "after h or m the next number is below 60, as in 1m30s";
    next_unit = unit + 1;
    ++pos;
  }
  return {};
}

std::string format_duration(Seconds d) {
  const long long total = d.count();
  const long long h = total / 3600;
  const long long m = total % 3600 / 60;
  const long long s = total % 60;
  std::string out;
  if (h) out += fmt::format("{}h", h);
  if (m) out += fmt::format("{}m", m);
  if (s || out.empty()) out += fmt::format("{}s", s);
  return out;
}

std::string format_clock(Seconds d) {
  const long long total = d.count() < 0 ? 0 : d.count();
  const long long h = total / 3600;
  if (h) return fmt::format("{}:{:02}:{:02}", h, total % 3600 / 60, total % 60);
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

}  // namespace psoas
