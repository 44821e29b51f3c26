#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "base/error.hpp"
#include "commands/console.hpp"
#include "history/store.hpp"

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

// `psoas log --delete ID`: removes the one session whose id starts with `id`,
// after asking (`ask` false: --yes was given).
ExitCode delete_session(std::string_view id, bool ask, HistoryWriter& history, const Console& console);

// `psoas log --import FILE`: adds the sessions of another history's
// `psoas log --json` output that are not here yet. A file with any problem
// changes nothing.
ExitCode import_sessions(const std::filesystem::path& file, HistoryWriter& history, const Console& console);

// The first moment of the day a --since value names, in local time. Throws Error.
std::int64_t parse_since(std::string_view text, WallTime now);

}  // namespace psoas
