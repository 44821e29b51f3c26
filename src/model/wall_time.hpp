#pragma once

#include <cstdint>
#include <string>

namespace psoas {

// A moment on the wall clock, and the local time zone's offset from UTC then.
struct WallTime {
  std::int64_t unix_ms = 0;
  int utc_offset_minutes = 0;
};

// "2026-11-21T09:30:05.120+01:00": local time with its offset, ISO 8601.
std::string to_iso8601(WallTime time);

}  // namespace psoas
