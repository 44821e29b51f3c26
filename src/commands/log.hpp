#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "commands/console.hpp"
#include "history/store.hpp"
#include "base/error.hpp"

namespace psoas {

struct LogOptions {
  std::optional<std::string> since;  // a date: 2026-11-01, today, yesterday, 7d, 2w
  std::optional<std::string> routine;
  std::optional<std::size_t> limit;  // 0 for all; unset: 20 in the table, all in JSON and CSV
  bool json = false;
  bool csv = false;
};

// `psoas log`: recent sessions. It reads the history and never writes to it.
ExitCode show_log(const LogOptions& options, const std::optional<HistoryReader>& history,
                  const Console& console);

// The first moment of the day `text` names, in local time: YYYY-MM-DD,
// `today`, `yesterday`, or N days or weeks ago (`7d`, `2w`). Throws Error.
std::int64_t parse_since(std::string_view text, WallTime now);

}  // namespace psoas
