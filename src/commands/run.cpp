#include "commands/run.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <iostream>
#include <ostream>

#include <fmt/format.h>
#include <string.h>

#include "commands/card.hpp"
#include "commands/history_access.hpp"
#include "history/recorder.hpp"
#include "plan/timeline.hpp"
#include "run/clock.hpp"
#include "run/runner.hpp"
#include "run/session.hpp"
#include "term/output.hpp"
#include "term/signals.hpp"
#include "term/terminal.hpp"
#include "term/terminal_input.hpp"
#include "ui/describe.hpp"
#include "ui/dry_run.hpp"
#include "ui/json.hpp"
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

// The line left on the terminal after a run, when its screen is gone.
std::string summary(const Routine& routine, const Timeline& timeline, const RunState& state) {
  const auto clock = [](Nanos duration) {
    return format_clock(std::chrono::duration_cast<Seconds>(duration));
  };
  if (state.end == RunEnd::finished)
    return fmt::format("{}: done in {} ({} planned, {} paused)\n", routine.title, clock(state.active),
                       format_clock(timeline.remaining_from(state.first_segment)), clock(state.paused_total));
  if (!state.started) return fmt::format("{}: quit before starting\n", routine.title);
  const std::size_t step = timeline.segments[std::min(state.segment, timeline.segments.size() - 1)].step;
  const std::string how = state.end == RunEnd::quit ? "quit" : describe_stop(state.signal);
  return fmt::format("{}: {} at step {} of {}, after {}\n", routine.title, how, step + 1,
                     timeline.steps.size(), clock(state.active));
}

// Asks how tight each side the run worked feels now, on the terminal.
Ratings ask_ratings(const Timeline& timeline, const RunState& end, const Console& console) {
  Ratings ratings;
  std::vector<std::pair<const char*, std::optional<int>*>> questions;
  if (end.held_left > Nanos(0)) questions.emplace_back("left side", &ratings.left);
  if (end.held_right > Nanos(0)) questions.emplace_back("right side", &ratings.right);
  // In the order the routine worked them, so that habit does not swap the answers.
  if (timeline.first_side() == Side::right) std::reverse(questions.begin(), questions.end());
  if (questions.empty()) questions.emplace_back("hips, overall", &ratings.overall);
  console.out << "How tight is it now? 0 = loose, 10 = very tight; Enter skips.\n";
  for (auto& [what, answer] : questions) {
    for (;;) {
      console.out << fmt::format("  {}: ", what) << std::flush;
      std::string raw;
      if (!std::getline(std::cin, raw)) return ratings;
      std::string_view line = raw;  // " 8 " is as good an answer as "8"
      while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
      while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
      if (line.empty()) break;
      int value = -1;
      const auto [end_of_number, error] = std::from_chars(line.data(), line.data() + line.size(), value);
      if (error == std::errc() && end_of_number == line.data() + line.size() && value >= 0 && value <= 10) {
        *answer = value;
        break;
      }
      console.out << "  A whole number from 0 to 10, please, or Enter to skip.\n";
    }
  }
  return ratings;
}

}  // namespace

ExitCode run_routine(const RunCommandOptions& options, const SearchPath& search_path, HistoryWriter* history,
                     const Console& console) {
  const auto routine = load_routine_argument(options.routine, search_path, console);
  const TimingOverrides overrides = overrides_of(options);
  if (expanded_size(*routine, overrides, kMaxExpandedSize) > kMaxExpandedSize)
    throw Error(fmt::format("with --reps {}, {} expands to more than {} steps and holds", *options.reps,
                            routine->name, kMaxExpandedSize),
                ExitCode::usage);
  const Timeline timeline = build_timeline(*routine, overrides);
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

  // Where the run is shown. With --events, stdout carries JSON: the screen
  // goes to the terminal itself, or plain lines to stderr.
  std::optional<TerminalDevice> device;
  int screen_fd = -1;
  OutputInfo screen_info;
  if (!options.plain) {
    if (!options.events) {
      screen_fd = console.out_info.can_draw ? STDOUT_FILENO : -1;
      screen_info = console.out_info;
    } else if ((device = TerminalDevice::open())) {
      screen_info = probe_output(device->fd(), console.environment);
      screen_fd = screen_info.can_draw ? device->fd() : -1;
    }
  }
  const bool screen = screen_fd >= 0;
  const int key_fd = !screen                     ? -1
                     : options.events            ? screen_fd
                     : is_terminal(STDIN_FILENO) ? STDIN_FILENO
                                                 : -1;
  const bool keys = key_fd >= 0;
  std::ostream& plain_out = options.events ? console.err : console.out;

  SinkList sinks;
  std::optional<JsonEventsView> json;
  if (options.events) {
    json.emplace(*routine, timeline, console.out, wall_time_now);
    sinks.add(*json);
  }
  if (voice) sinks.add(*voice);
  std::optional<SessionRecorder> recorder;
  if (history) {
    recorder.emplace(*routine, timeline, wall_time_now);
    sinks.add(*recorder);
  }
  // Every run that began is recorded, however it ends, before psoas exits.
  std::optional<std::int64_t> recorded;
  const auto record = [&](const RunState& end) {
    const auto session = recorder ? recorder->session(end) : std::nullopt;
    if (!session) return;
    try {
      recorded = history->record(*session);
    } catch (const Error& error) {
      warn_history(console, error.what());
    }
  };

  MonotonicClock monotonic;
  ScaledClock scaled(monotonic, options.speed);
  Clock& clock = options.speed == 1.0 ? static_cast<Clock&>(monotonic) : scaled;
  const RunnerOptions runner_options{first_segment, keys && !options.yes, keys};
  RunState final_state;

  if (screen) {
    console.out.flush();
    SignalWatch signals(true);
    TerminalSession session(keys ? key_fd : screen_fd, screen_fd);
    ScreenView view(*routine, timeline, screen_fd, screen_info.color, keys);
    BellSound bell(screen_fd);
    sinks.add(view);
    if (!options.quiet) sinks.add(bell);
    Runner runner(timeline, runner_options, sinks);
    TerminalInput input(key_fd, signals, &session, STDOUT_FILENO);
    drive(runner, clock, input, options.speed);
    final_state = runner.state();
    session.release();
    record(final_state);
    const std::string line = summary(*routine, timeline, final_state);
    if (options.events) {
      write_all(screen_fd, line);
    } else {
      console.out << line << std::flush;
    }
    if (final_state.end == RunEnd::interrupted) SignalWatch::die_of(final_state.signal);
  } else {
    SignalWatch signals(false);
    PlainView plain(*routine, timeline, plain_out);
    sinks.add(plain);
    Runner runner(timeline, runner_options, sinks);
    TerminalInput input(-1, signals, nullptr, STDOUT_FILENO);
    drive(runner, clock, input, options.speed);
    final_state = runner.state();
    console.out.flush();
    record(final_state);
    if (final_state.end == RunEnd::interrupted) SignalWatch::die_of(final_state.signal);
  }

  // Signals have their default actions again: Ctrl-C here simply ends psoas.
  const bool ask = (options.rate || routine->rate) && keys && !options.events && final_state.started;
  if (recorded && ask) {
    const Ratings ratings = ask_ratings(timeline, final_state, console);
    try {
      if (!ratings.empty()) history->rate(*recorded, ratings);
    } catch (const Error& error) {
      warn_history(console, error.what());
    }
  }
  return final_state.end == RunEnd::finished ? ExitCode::ok : ExitCode::quit;
}

}  // namespace psoas
