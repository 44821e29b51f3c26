#include "commands/run_timing.hpp"

#include <sstream>

#include <fmt/format.h>

#include "base/error.hpp"
#include "base/printable.hpp"
#include "commands/plan_access.hpp"
#include "plan/fit.hpp"
#include "plan/step_selection.hpp"

namespace psoas {
namespace {

RunTiming timing_of(const TimingOptions& options) {
  RunTiming timing;
  timing.hold = duration_option(options.hold, "--hold", "45s, 2m or 1:30");
  timing.reps = options.reps;
  timing.fit = duration_option(options.fit, "--fit", "10m or 25m");
  return timing;
}

}  // namespace

// A duration option's value: from 1 s to 24 h.
std::optional<Seconds> duration_option(const std::optional<std::string>& text, std::string_view option,
                                       std::string_view examples) {
  if (!text) return std::nullopt;
  const auto duration = parse_duration(*text);
  if (!duration || *duration <= Seconds(0) || *duration > kMaxDuration)
    throw Error(fmt::format("{} must be a duration from 1s to 24h, such as {}, not `{}`", option, examples,
                            escape_line(*text)),
                ExitCode::usage);
  return duration;
}

PlannedRun plan_run(const Routine& routine, const RunTiming& timing) {
  TimingOverrides overrides;
  overrides.hold = timing.hold;
  overrides.reps = timing.reps;
  overrides.favoured = timing.favoured;
  if (expanded_size(routine, overrides, kMaxExpandedSize) > kMaxExpandedSize)
    throw Error(fmt::format("with --reps {}, {} expands to more than {} steps and holds",
                            timing.reps.value_or(1), routine.name, kMaxExpandedSize),
                ExitCode::usage);
  PlannedRun run{build_timeline(routine, overrides), {}};
  const auto first_step = static_cast<std::size_t>(timing.from_step.value_or(1) - 1);
  if (first_step >= run.timeline.steps.size())
    throw Error(fmt::format("{} has no step {} now", routine.name, first_step + 1));
  if (timing.fit) {
    const Seconds before = run.timeline.remaining_from(run.timeline.steps[first_step].first_segment);
    const FitReport report = fit_timeline(run.timeline, *timing.fit, first_step);
    const std::string at_floor = report.at_floor == 0 ? ""
                                 : report.at_floor == 1
                                     ? ", 1 step at the shortest it may be"
                                     : fmt::format(", {} steps at the shortest they may be", report.at_floor);
    run.fit_note =
        fmt::format("fitted to {}: every hold × {:.2f}, {} in all (was {}){}", format_duration(*timing.fit),
                    report.factor, format_duration(report.total), format_duration(before), at_floor);
  }
  return run;
}

// What the plan a person is on asks of `routine` today, if it has it.
std::optional<PlanForRun> plan_for_run(const std::string& routine, const Environment& environment) {
  std::ostringstream ignored;
  const Console quiet{ignored, ignored, {}, {}, {}};
  const auto today = plan_today(environment, quiet, true);
  if (!today || today->progress.over || today->today < today->active.start_day) return std::nullopt;
  const PlanSession* session = today->plan.session_of(routine);
  if (!session) return std::nullopt;
  const PlanValues values =
      plan_values(today->plan, *session, today->progress, sessions_of(today->sessions, routine));
  PlanForRun plan{values.hold, values.reps, values.favoured, today->plan.name, today->progress.week + 1, {}};
  for (const std::string& why : values.why)
    plan.notes.push_back(fmt::format("plan {}, {}", today->plan.name, why));
  if (today->changed)
    plan.notes.push_back(
        fmt::format("plan {} changed since you started it; psoas follows "
                    "it as it is now",
                    today->plan.name));
  return plan;
}

RunTiming choose_timing(const Routine& routine, const TimingOptions& options,
                        const std::optional<PlanForRun>* plan) {
  RunTiming timing = timing_of(options);
  if (plan && *plan) {
    if (!timing.hold && !timing.fit) timing.hold = (*plan)->hold;
    if (!timing.reps) timing.reps = (*plan)->reps;
    timing.favoured = (*plan)->favoured;
  }
  if (options.from)  // by name or number, in the routine as written
    timing.from_step = static_cast<int>(select_steps(build_timeline(routine), *options.from).front()) + 1;
  return timing;
}

std::size_t first_segment_of(const Timeline& timeline, const RunTiming& timing) {
  return timeline.steps[static_cast<std::size_t>(timing.from_step.value_or(1) - 1)].first_segment;
}

}  // namespace psoas
