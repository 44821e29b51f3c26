#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "load/diagnostic.hpp"
#include "model/routine.hpp"
#include "model/wall_time.hpp"
#include "plan/timeline.hpp"
#include "run/events.hpp"
#include "ui/routine_table.hpp"

// The JSON that scripts read, built with nlohmann-json. Every shape here is
// described in psoas(1), section JSON OUTPUT, and tested.
namespace psoas {

// `psoas list --json`: an array of routines, broken ones with their first error.
std::string list_json(const std::vector<RoutineRow>& rows);

// `psoas card --json`: the routine, its steps and its timeline with start
// offsets; with `only_steps`, those steps and their segments alone.
std::string card_json(const Routine& routine, const Timeline& timeline,
                      const std::vector<std::size_t>& only_steps);

// One file as `psoas check` judged it.
struct CheckedFile {
  std::string file;
  std::optional<std::size_t> steps;                         // when valid
  std::optional<Seconds> total;                             // when valid
  std::vector<Diagnostic> diagnostics;                      // errors and warnings
  bool untimed = false;                                     // a checklist step adds its own time to `total`
  std::optional<std::size_t> reminders = std::nullopt;      // a reminders file: how many, when valid
  std::optional<std::size_t> plan_sessions = std::nullopt;  // a plan: its sessions, when valid
};

// `psoas check --json`: every file, valid or not, with its diagnostics.
std::string check_json(const std::vector<CheckedFile>& files);

// `psoas run --events jsonl`: one JSON object per line for every event a
// script may follow: started, segment, checked, paused, resumed, skipped,
// back, time-added, finished, quit, interrupted.
class JsonEventsView final : public RunSink {
 public:
  JsonEventsView(const Routine& routine, const Timeline& timeline, std::ostream& out,
                 std::function<WallTime()> wall_clock);
  void on_event(const RunEvent& event, const RunState& state) override;

 private:
  const Routine& routine_;
  const Timeline& timeline_;
  std::ostream& out_;
  std::function<WallTime()> wall_clock_;
};

}  // namespace psoas
