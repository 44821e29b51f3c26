#pragma once

#include <optional>
#include <string>

#include "base/error.hpp"
#include "commands/console.hpp"
#include "commands/history_access.hpp"
#include "commands/run_timing.hpp"
#include "history/store.hpp"
#include "load/search_path.hpp"
#include "run/clock.hpp"

namespace psoas {

struct RunCommandOptions {
  std::string routine;
  bool dry_run = false;
  double speed = 1.0;
  std::optional<std::string> from;  // a step number or name
  std::optional<std::string> hold;  // a duration for every timed step
  std::optional<int> reps;
  std::optional<std::string> fit;  // a duration the whole run is scaled to
  bool plain = false;
  bool quiet = false;
  bool voice = false;
  bool yes = false;
  bool events = false;              // --events jsonl: JSON lines on stdout, the screen on the terminal
  bool rate = false;                // ask how tight each side feels, at the end
  bool no_log = false;              // record nothing in the history
  bool log = false;                 // record even a run at another speed
  bool resume = false;              // go on with the last session quit or stopped in the last day
  bool no_plan = false;             // run the routine as written, not as the plan has it today
  std::optional<Instant> launched;  // when psoas started: a run that begins at once counts from then
};

// What a run may do with the history: look up the session that --resume
// goes on with, and record. Both null: nothing is recorded.
struct RunHistory {
  HistoryOnDemand* recording = nullptr;   // opened when the run is over (at once for --resume)
  const HistoryReader* reader = nullptr;  // for --resume --dry-run, which writes nothing
};

// `psoas run ROUTINE`: guides a person through the routine in real time,
// and records the session in the history's writer, if there is one. A run
// ended by SIGINT, SIGTERM, SIGHUP or SIGPIPE (its output closed) is
// recorded, then ends the process by that signal.
ExitCode run_routine(const RunCommandOptions& options, const std::optional<PlanForRun>& plan_asks,
                     const SearchPath& search_path, const RunHistory& history, const Console& console);

}  // namespace psoas
