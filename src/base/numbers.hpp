#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

// Numbers read from text: the whole text, or nothing.
namespace psoas {

// A whole number written as digits alone (no sign, no spaces), if it fits in
// T; the one way psoas reads a count, a step number, a rating or a date part.
template <typename T>
std::optional<T> parse_whole_number(std::string_view text) {
  if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A decimal number such as 2, 0.5 or 10.25, the whole text.
std::optional<double> parse_decimal(std::string_view text);

// `text` without blanks (spaces, tabs, line ends) at either end.
std::string_view trim_blanks(std::string_view text);

}  // namespace psoas
