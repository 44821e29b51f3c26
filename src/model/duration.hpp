#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace psoas {

using Seconds = std::chrono::seconds;

// The longest duration a routine may ask for anywhere.
inline constexpr Seconds kMaxDuration = std::chrono::hours(24);

// Parses the routine format's duration forms: `45`, `45s`, `2m`, `1m30s`,
// `1h`, `1h5m`, `1:30` (m:ss) and `1:02:03` (h:mm:ss); after a larger unit,
// minutes and seconds are below 60, as on a clock. Returns nullopt for
// anything else. Values beyond kMaxDuration parse (so that callers can say
// why they refuse them) up to a bound that keeps the arithmetic safe.
std::optional<Seconds> parse_duration(std::string_view text);

// Why `text`, which parse_duration refused, is not a duration, when that can
// be said more precisely than by examples; empty otherwise.
std::string duration_mistake(std::string_view text);

// The shortest text parse_duration reads back as `d`: "45s", "2m", "1m30s", "1h5m".
std::string format_duration(Seconds d);

// A clock face: "0:45", "12:05", "1:02:03".
std::string format_clock(Seconds d);

// The clock face of any duration, in whole seconds: 65.9 s shows "1:05".
template <class Rep, class Period>
std::string format_clock(std::chrono::duration<Rep, Period> d) {
  return format_clock(std::chrono::duration_cast<Seconds>(d));
}

// Any duration as seconds, fractions kept (JSON and CSV give times so).
template <class Rep, class Period>
double in_seconds(std::chrono::duration<Rep, Period> d) {
  return std::chrono::duration<double>(d).count();
}

}  // namespace psoas
