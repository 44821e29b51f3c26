#pragma once

#include <optional>
#include <string>
#include <vector>

#include "commands/environment.hpp"
#include "model/routine.hpp"
#include "model/session.hpp"
#include "plan/timeline.hpp"

// How long a run's holds are, and where it starts: its options, the plan a
// person is on, --fit. Shared by `run` and `export`, which take the same options.
namespace psoas {

// What the plan a person is on asks of this routine today (psoas(1), PLANS);
// --hold, --reps and --fit win over it.
struct PlanForRun {
  std::optional<Seconds> hold;
  std::optional<int> reps;
  std::optional<Side> favoured;
  std::string plan;                // its name
  int week = 1;                    // 1-based
  std::vector<std::string> notes;  // "plan psoas-4-weeks, week 2 of 4: holds 40s ..."
};

// What the plan a person is on asks of `routine` today, if it has it.
std::optional<PlanForRun> plan_for_run(const std::string& routine, const Environment& environment);

// A duration option's value, from 1 s to 24 h; throws Error (usage) otherwise.
std::optional<Seconds> duration_option(const std::optional<std::string>& text, std::string_view option,
                                       std::string_view examples);

// --hold, --reps, --fit and --from as given.
struct TimingOptions {
  std::optional<std::string> hold;
  std::optional<int> reps;
  std::optional<std::string> fit;
  std::optional<std::string> from;  // a step number or name
};

// The timing the options give, what the plan asks filling in what they leave
// open; `plan` null or empty for none. Throws Error for a bad value.
RunTiming choose_timing(const Routine& routine, const TimingOptions& options,
                        const std::optional<PlanForRun>* plan);

// The timeline a run's timing gives, and what --fit did to it, in words
// (without a newline: the caller says what else takes time).
struct PlannedRun {
  Timeline timeline;
  std::string fit_note;
};
PlannedRun plan_run(const Routine& routine, const RunTiming& timing);

// The first segment of the step the timing starts at.
std::size_t first_segment_of(const Timeline& timeline, const RunTiming& timing);

}  // namespace psoas
