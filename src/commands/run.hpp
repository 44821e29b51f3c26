#pragma once

#include <optional>
#include <string>

#include "commands/console.hpp"
#include "history/store.hpp"
#include "load/search_path.hpp"
#include "base/error.hpp"

namespace psoas {

struct RunCommandOptions {
  std::string routine;
  bool dry_run = false;
  double speed = 1.0;
  std::optional<std::string> from;  // a step number or name
  std::optional<std::string> hold;  // a duration for every timed step
  std::optional<int> reps;
  bool plain = false;
  bool quiet = false;
  bool voice = false;
  bool yes = false;
  bool events = false;  // --events jsonl: JSON lines on stdout, the screen on the terminal
  bool rate = false;    // ask how tight each side feels, at the end
  bool no_log = false;  // record nothing in the history
  bool log = false;     // record even a run at another speed
};

// `psoas run ROUTINE`: guides a person through the routine in real time,
// and records the session in `history` (unless that is null). A run ended
// by SIGINT, SIGTERM, SIGHUP or SIGPIPE (its output closed) is recorded, then
// ends the process by that signal.
ExitCode run_routine(const RunCommandOptions& options, const SearchPath& search_path, HistoryWriter* history,
                     const Console& console);

}  // namespace psoas
