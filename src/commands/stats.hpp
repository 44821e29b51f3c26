#pragma once

#include <optional>
#include <string>

#include "base/error.hpp"
#include "commands/console.hpp"
#include "commands/plan_access.hpp"
#include "history/store.hpp"

namespace psoas {

struct StatsOptions {
  int weeks = 8;
  std::optional<std::string> routine;  // only this routine's sessions
  bool json = false;
};

// `psoas stats`: streaks, minutes per week, favourite routines, and how the
// sides compare, and the plan a person is on, week by week. It reads the
// history and never writes to it.
ExitCode show_stats(const StatsOptions& options, const std::optional<HistoryReader>& history,
                    const std::optional<PlanToday>& plan_today, const Console& console);

}  // namespace psoas
