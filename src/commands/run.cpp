#include "commands/run.hpp"

#include <unistd.h>

#include <ostream>

#include <fmt/format.h>

#include "commands/card.hpp"
#include "plan/timeline.hpp"
#include "run/clock.hpp"
#include "run/runner.hpp"
#include "run/session.hpp"
#include "term/signals.hpp"
#include "term/terminal.hpp"
#include "term/terminal_input.hpp"
#include "ui/dry_run.hpp"
#include "ui/plain_view.hpp"
#include "ui/run_screen.hpp"
#include "ui/sound.hpp"
#include "ui/voice.hpp"

namespace psoas {
namespace {

TimingOverrides overrides_of(const RunCommandOptions& options) {
  TimingOverrides overrides;
  if (options.hold) {
    const auto hold = parse_duration(*options.hold);
    if (!hold || *hold <= Seconds(0) || *hold > kMaxDuration)
      throw Error(fmt::format("--hold must be a duration from 1s to 24h, such as 45s, 2m or 1:30, not `{}`",
                              *options.hold),
                  ExitCode::usage);
    overrides.hold = hold;
  }
  overrides.reps = options.reps;
  return overrides;
}

std::string summary(const Routine& routine, const Timeline& timeline, const RunState& state) {
  const auto clock = [](Nanos duration) {
    return format_clock(std::chrono::duration_cast<Seconds>(duration));
  };
  if (state.end == RunEnd::finished)
    return fmt::format("{}: done in {} ({} planned, {} paused)\n", routine.title, clock(state.active),
                       format_clock(timeline.remaining_from(state.first_segment)), clock(state.paused_total));
  const std::size_t step = timeline.segments[std::min(state.segment, timeline.segments.size() - 1)].step;
  return fmt::format("{}: quit at step {} of {}, after {}\n", routine.title, step + 1, timeline.steps.size(),
                     clock(state.active));
}

}  // namespace

ExitCode run_routine(const RunCommandOptions& options, const SearchPath& search_path,
                     const Console& console) {
  const auto routine = load_routine_argument(options.routine, search_path, console);
  const Timeline timeline = build_timeline(*routine, overrides_of(options));
  std::size_t first_segment = 0;
  if (options.from)
    first_segment = timeline.steps[select_steps(timeline, *options.from).front()].first_segment;

  if (options.dry_run) {
    console.out << render_dry_run(*routine, timeline, first_segment);
    return ExitCode::ok;
  }

  std::optional<Voice> voice;
  if (options.voice) {
    voice.emplace(timeline);
    if (!voice->available()) {
      console.err << "psoas: --voice needs espeak-ng, which is not installed (apt-get install espeak-ng); "
                     "running without a voice\n";
      voice.reset();
    }
  }

  const bool screen = console.out_info.can_draw && !options.plain;
  const bool keys = screen && ::isatty(STDIN_FILENO) == 1;
  SinkList sinks;
  if (voice) sinks.add(*voice);
  MonotonicClock monotonic;
  ScaledClock scaled(monotonic, options.speed);
  Clock& clock = options.speed == 1.0 ? static_cast<Clock&>(monotonic) : scaled;
  const RunnerOptions runner_options{first_segment, keys && !options.yes, keys};
  RunState final_state;

  if (screen) {
    console.out.flush();
    SignalWatch signals(true);
    TerminalSession session(keys ? STDIN_FILENO : STDOUT_FILENO, STDOUT_FILENO);
    ScreenView view(*routine, timeline, STDOUT_FILENO, console.out_info.color);
    BellSound bell(STDOUT_FILENO);
    sinks.add(view);
    if (!options.quiet) sinks.add(bell);
    Runner runner(*routine, timeline, runner_options, sinks);
    TerminalInput input(keys ? STDIN_FILENO : -1, signals, &session);
    drive(runner, clock, input, options.speed);
    final_state = runner.state();
    session.release();
    if (final_state.end == RunEnd::interrupted) SignalWatch::die_of(final_state.signal);
    console.out << summary(*routine, timeline, final_state);
  } else {
    SignalWatch signals(false);
    PlainView plain(*routine, timeline, console.out);
    sinks.add(plain);
    Runner runner(*routine, timeline, runner_options, sinks);
    TerminalInput input(-1, signals, nullptr);
    drive(runner, clock, input, options.speed);
    final_state = runner.state();
    console.out.flush();
    if (final_state.end == RunEnd::interrupted) SignalWatch::die_of(final_state.signal);
  }
  return final_state.end == RunEnd::finished ? ExitCode::ok : ExitCode::quit;
}

}  // namespace psoas
