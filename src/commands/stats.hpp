#pragma once

#include <optional>

#include "commands/console.hpp"
#include "history/store.hpp"
#include "base/error.hpp"

namespace psoas {

struct StatsOptions {
  int weeks = 8;
};

// `psoas stats`: streaks, minutes per week, favourite routines, and how the
// sides compare. It reads the history and never writes to it.
ExitCode show_stats(const StatsOptions& options, const std::optional<HistoryReader>& history,
                    const Console& console);

}  // namespace psoas
