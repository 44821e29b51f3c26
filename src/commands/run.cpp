#include "commands/run.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <iostream>
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "base/files.hpp"
#include "base/numbers.hpp"
#include "base/printable.hpp"
#include "commands/command_line.hpp"
#include "commands/history_access.hpp"
#include "commands/plan_access.hpp"
#include "commands/run_outputs.hpp"
#include "history/recorder.hpp"
#include "model/session.hpp"
#include "plan/fit.hpp"
#include "plan/resume.hpp"
#include "plan/step_selection.hpp"
#include "plan/timeline.hpp"
#include "run/clock.hpp"
#include "run/drive.hpp"
#include "run/runner.hpp"
#include "term/output.hpp"
#include "term/signals.hpp"
#include "term/terminal.hpp"
#include "term/terminal_input.hpp"
#include "term/write_batch.hpp"
#include "ui/describe.hpp"
#include "ui/dry_run.hpp"
#include "ui/json.hpp"
#include "ui/plain_view.hpp"
#include "ui/rating_prompt.hpp"
#include "ui/run_screen.hpp"
#include "ui/run_summary.hpp"
#include "ui/sound.hpp"
#include "ui/text.hpp"
#include "ui/voice.hpp"

namespace psoas {
namespace {

// A session quit or stopped can be resumed for this long after it began.
constexpr auto kResumeWindow = std::chrono::hours(24);

// The session --resume goes on with, where it goes on, and what to say about it.
struct Resumption {
  Session earlier;
  Side redone_side;  // of the hold it stopped in, held again in full
  ResumePlan plan;
  std::vector<std::string> notes;  // where it goes on, and whether the routine changed since
};

Resumption find_resumption(const Routine& routine, const RunHistory& history) {
  const auto since = wall_time_now().unix_ms - std::chrono::duration_cast<Millis>(kResumeWindow).count();
  // The newest session of the routine: a later finished run has nothing left to resume.
  const HistoryQuery query{since, routine.name, 1, false};
  std::vector<Session> found;
  if (HistoryWriter* writer = history.recording ? history.recording->writer() : nullptr) {
    found = writer->sessions(query);
  } else if (history.reader) {
    found = history.reader->sessions(query);
  }
  if (found.empty() || found.front().reached_end() || !found.front().stopped_at_segment)
    throw Error(fmt::format("nothing to resume: {}",
                            found.empty()
                                ? fmt::format("no session of {} in the last 24 hours", routine.name)
                                : fmt::format("the last session of {} ({}) reached its end", routine.name,
                                              to_iso8601(found.front().started).substr(11, 5))));
  Session earlier = std::move(found.front());
  Timeline timeline = plan_run(routine, earlier.timing).timeline;
  std::size_t segment = static_cast<std::size_t>(*earlier.stopped_at_segment);
  std::vector<std::string> notes;
  if (earlier.content_hash != routine.content_hash) {
    // The routine was edited: its segments may differ, so go on at the same step, from its start.
    const auto step = static_cast<std::size_t>(earlier.stopped_at_step.value_or(1));
    if (step > timeline.steps.size())
      throw Error(fmt::format("{} changed since that session and has no step {} now; run it from the start",
                              routine.name, step));
    segment = timeline.steps[step - 1].first_segment;
    notes.push_back(
        fmt::format("{} changed since that session: going on at the start of step {}", routine.name, step));
  } else if (segment >= timeline.segments.size()) {
    throw Error(fmt::format("nothing to resume: that session of {} stopped at its end", routine.name));
  }
  const Segment& stopped = timeline.segments[std::min(static_cast<std::size_t>(*earlier.stopped_at_segment),
                                                      timeline.segments.size() - 1)];
  const Side redone = stopped.kind == SegmentKind::hold ? stopped.side : Side::none;
  const std::size_t step = timeline.segments[segment].step;
  notes.push_back(fmt::format(
      "going on with {} at step {} of {}, {} after it stopped", routine.name, step + 1, timeline.steps.size(),
      format_duration(Seconds((wall_time_now().unix_ms - earlier.ended.unix_ms) / 1000))));
  return {std::move(earlier), redone, plan_resume(std::move(timeline), segment), std::move(notes)};
}

// How to resume a run of `argument`, as a shell command.
std::string resume_command(std::string_view argument) {
  const bool plain = std::all_of(argument.begin(), argument.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("-_./").find(c) != std::string_view::npos;
  });
  if (plain) return fmt::format("psoas run {} --resume", argument);
  std::string quoted = "'";
  for (const char c : argument) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return fmt::format("psoas run {}' --resume", escape_line(quoted));
}

// Why a run is not recorded, for its closing line; empty when it is.
std::string why_not_recorded(const RunCommandOptions& options, const RunHistory& history,
                             const std::string& record_problem) {
  if (options.no_log) return "--no-log";
  if (options.speed != 1.0 && !options.log)
    return fmt::format("a rehearsal at --speed {}; --log records it", options.speed);
  if (history.recording && !history.recording->problem().empty()) return history.recording->problem();
  if (!record_problem.empty()) return record_problem;
  return "the history cannot be used";
}

// A line typed on the terminal `fd`, read once the run has handed it back.
std::optional<std::string> read_line_from(int fd) {
  std::string line;
  char c = 0;
  for (;;) {
    const ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return line.empty() ? std::nullopt : std::optional(line);
    if (c == '\n') return line;
    line += c;
  }
}

// The rating questions on standard input and output, or on the terminal
// itself when standard output carries --events.
LinePrompt prompt_on(const Console& console, int device_fd) {
  if (device_fd >= 0)
    return {[device_fd](std::string_view text) { write_all(device_fd, text); },
            [device_fd](std::string_view question) {
              write_all(device_fd, question);
              return read_line_from(device_fd);
            }};
  return {[&console](std::string_view text) { console.out << text << std::flush; },
          [&console](std::string_view question) -> std::optional<std::string> {
            console.out << question << std::flush;
            std::string line;
            if (!std::getline(std::cin, line)) return std::nullopt;
            return line;
          }};
}

}  // namespace

ExitCode run_routine(const RunCommandOptions& options, const std::optional<PlanForRun>& plan_asks,
                     const SearchPath& search_path, const RunHistory& history, const Console& console) {
  const auto routine = load_routine_argument(options.routine, search_path, console, WithFigures::yes);
  const RunTiming timing = choose_timing(*routine, {options.hold, options.reps, options.fit, options.from},
                                         options.resume ? nullptr : &plan_asks);
  const std::vector<std::string> plan_notes =
      plan_asks && !options.resume ? plan_asks->notes : std::vector<std::string>{};
  std::optional<Resumption> resumption;
  if (options.resume) resumption = find_resumption(*routine, history);
  PlannedRun planned = resumption ? PlannedRun{resumption->plan.timeline, {}} : plan_run(*routine, timing);
  const Timeline& timeline = planned.timeline;
  if (!planned.fit_note.empty())
    console.err << "psoas: " << planned.fit_note
                << (planned.timeline.has_checklist() ? "; checklist steps take what they take\n" : "\n");
  for (const std::string& note : plan_notes) console.err << "psoas: " << note << "\n";
  const std::size_t first_segment =
      resumption ? resumption->plan.first_segment
                 : timeline.steps[static_cast<std::size_t>(timing.from_step.value_or(1) - 1)].first_segment;

  if (resumption)
    for (const std::string& note : resumption->notes) console.err << "psoas: " << note << "\n";
  if (options.dry_run) {
    console.out << render_dry_run(*routine, timeline, first_segment);
    return ExitCode::ok;
  }
  if (auto why = too_long_to_run(*routine, timeline)) throw Error(std::move(*why));

  // What the person must know before the run takes the screen: said on it too.
  std::vector<std::string> notices;
  if (resumption) notices = resumption->notes;
  notices.insert(notices.end(), plan_notes.begin(), plan_notes.end());
  std::optional<Voice> voice;
  if (options.voice) {
    voice.emplace(timeline);
    if (!voice->available()) {
      notices.emplace_back(
          "--voice needs espeak-ng, which is not installed (apt-get install espeak-ng); "
          "running without a voice");
      console.err << "psoas: " << notices.back() << "\n";
      voice.reset();
    }
  }

  // Where the run is shown, and where keys come from.
  std::optional<TerminalDevice> device;
  OutputInfo device_info;
  const bool stdin_is_terminal = is_terminal(STDIN_FILENO);
  const bool device_wanted =
      (options.events && !options.plain) || (console.out_info.can_draw && !stdin_is_terminal);
  if (device_wanted && (device = TerminalDevice::open()))
    device_info = probe_output(device->fd(), console.environment);
  const RunOutputs outputs =
      choose_run_outputs(options.plain, options.events,
                         {console.out_info.can_draw, is_terminal(STDIN_FILENO), device_info.can_draw});
  const bool on_device = outputs.screen == RunOutputs::Screen::terminal_device;
  const int screen_fd = outputs.screen == RunOutputs::Screen::none ? -1
                        : on_device                                ? device->fd()
                                                                   : STDOUT_FILENO;
  const OutputInfo& screen_info = on_device ? device_info : console.out_info;
  const int key_fd = outputs.keys == RunOutputs::Keys::none              ? -1
                     : outputs.keys == RunOutputs::Keys::terminal_device ? device->fd()
                                                                         : STDIN_FILENO;
  const bool keys = key_fd >= 0;

  SinkList sinks;
  std::optional<JsonEventsView> json;
  if (options.events) {
    json.emplace(*routine, timeline, console.out, wall_time_now);
    sinks.add(*json);
  }
  if (voice) sinks.add(*voice);
  std::optional<SessionRecorder> recorder;
  if (history.recording) {
    recorder.emplace(*routine, timeline, timing, options.speed, wall_time_now);
    if (plan_asks && !options.resume) recorder->follows_plan(plan_asks->plan, plan_asks->week);
    if (resumption) {
      const ResumePlan& plan = resumption->plan;
      recorder->resume(resumption->earlier, resumption->redone_side,
                       [&plan](std::size_t segment) { return plan.original_segment(segment); });
    }
    sinks.add(*recorder);
  }
  WriteBatch screen_out(screen_fd);
  std::optional<ScreenView> screen;
  std::optional<BellSound> bell;
  std::optional<PlainView> plain;
  if (screen_fd >= 0) {
    // The screen settles first: it sends the frame with a bell rung at its events in one write.
    screen.emplace(*routine, timeline, screen_out, screen_info.color, keys, notices);
    sinks.add(*screen);
    if (!options.quiet) {
      bell.emplace(screen_out);
      sinks.add(*bell);
    }
  } else {
    plain.emplace(*routine, timeline,
                  outputs.plain == RunOutputs::Plain::standard_error ? console.err : console.out, keys);
    sinks.add(*plain);
  }

  MonotonicClock monotonic;
  ScaledClock scaled(monotonic, options.speed);
  Clock& clock = options.speed == 1.0 ? static_cast<Clock&>(monotonic) : scaled;
  const RunnerOptions runner_options{.first_segment = first_segment,
                                     .briefing = screen_fd >= 0 && keys && !options.yes,
                                     .interactive = keys};
  RunState end;
  {
    console.out.flush();
    SignalWatch signals(screen_fd >= 0 || keys);
    std::optional<TerminalMode> terminal;
    if (screen_fd >= 0) {
      terminal.emplace(keys ? key_fd : screen_fd, screen_fd, TerminalMode::Takeover::screen);
    } else if (keys) {
      terminal.emplace(key_fd, -1, TerminalMode::Takeover::keys);
    }
    Runner runner(timeline, runner_options, sinks);
    TerminalInput input(key_fd, signals, terminal ? &*terminal : nullptr, STDOUT_FILENO);
    // At full speed and with no briefing, the run counts from psoas's launch.
    const bool at_once = options.speed == 1.0 && !runner_options.briefing;
    drive(runner, clock, input, options.speed, at_once ? options.launched : std::nullopt);
    end = runner.state();
    if (terminal) terminal->release();
    console.out.flush();
  }

  // Every run that began is recorded, however it ends, before psoas exits.
  std::optional<Session> recorded = recorder ? recorder->session(end) : std::nullopt;
  HistoryWriter* writer = recorded ? history.recording->writer() : nullptr;
  if (!writer) recorded.reset();
  std::string record_problem;
  if (recorded) {
    try {
      if (resumption) {
        writer->update(*recorded);
      } else {
        recorded->id = writer->record(*recorded);
      }
    } catch (const Error& error) {
      record_problem = error.what();
      warn_history(console, record_problem);
      recorded.reset();
    }
  }
  RunSummaryNotes notes;
  notes.session = recorded ? &*recorded : nullptr;
  if (recorded && !recorded->reached_end()) notes.resume_command = resume_command(options.routine);
  if (!recorded && end.started) notes.not_recorded = why_not_recorded(options, history, record_problem);
  const std::string line = run_summary(*routine, timeline, end, notes);
  if (screen_fd >= 0 && on_device) {
    write_all(screen_fd, line);
  } else if (screen_fd >= 0) {
    console.out << line << std::flush;
  } else {
    (outputs.plain == RunOutputs::Plain::standard_error ? console.err : console.out) << line << std::flush;
  }
  if (end.end == RunEnd::interrupted) SignalWatch::die_of(end.signal);

  // Signals have their default actions again: Ctrl-C here simply ends psoas.
  if (options.rate && !keys && recorded)
    console.err << "psoas: --rate asks on a terminal, and this run had none to ask on; nothing was asked\n";
  const bool ask = (options.rate || routine->rate) && keys && end.started;
  if (recorded && ask) {
    const Ratings ratings = ask_ratings(
        timeline, end,
        prompt_on(console, outputs.keys == RunOutputs::Keys::terminal_device ? device->fd() : -1));
    try {
      if (!ratings.empty()) writer->rate(recorded->id, ratings);
    } catch (const Error& error) {
      warn_history(console, error.what());
    }
  }
  return end.end == RunEnd::finished ? ExitCode::ok : ExitCode::quit;
}

void add_run_command(CommandLine& line) {
  auto options = std::make_shared<RunCommandOptions>();
  auto events_format = std::make_shared<std::string>();
  CLI::App* run =
      line.add("run", "Guide yourself through a routine in real time", CompletedArgument::routine,
               [options, events_format](const Environment& environment, const Console& console) {
                 options->events = !events_format->empty();
                 options->launched = environment.launched;
                 std::optional<HistoryOnDemand> recording;
                 std::optional<HistoryReader> reader;
                 // A run at another speed is a rehearsal: not recorded unless asked.
                 const bool record = options->speed == 1.0 || options->log;
                 if (!options->dry_run && !options->no_log && record) {
                   recording.emplace(environment.history_file(), console);
                 } else if (options->resume) {
                   if (options->no_log && !options->dry_run)
                     throw Error("--resume goes on with a recorded session, and --no-log records nothing",
                                 ExitCode::usage);
                   reader = open_history_reader(environment.history_file());
                 }
                 return run_routine(
                     *options, options->no_plan ? std::nullopt : plan_for_run(options->routine, environment),
                     environment.search_path(),
                     {recording ? &*recording : nullptr, reader ? &*reader : nullptr}, console);
               });
  run->add_option("routine", options->routine, "Routine name or file")->required()->type_name("ROUTINE");
  auto* dry_run = run->add_flag("--dry-run", options->dry_run,
                                "Print the timeline with start times and the total; do not wait");
  run->add_option("--speed", options->speed,
                  "Run X times faster, to try a routine out; such runs are recorded only with --log")
      ->check(number_from(0.01, 1000))
      ->type_name("X");
  run->add_option("--from", options->from, "Start at this step: its number or its name")->type_name("STEP");
  run->add_option("--hold", options->hold, "Hold every timed step this long")->type_name("DUR");
  run->add_option("--reps", options->reps, "Repeat every timed step's hold N times per side")
      ->check(whole_number_from(1, 100))
      ->type_name("N");
  run->add_option("--fit", options->fit,
                  "Scale the holds so the run takes this long, no hold below 15s (or its min-hold)")
      ->type_name("DUR")
      ->excludes("--hold");
  run->add_flag("--plain", options->plain,
                "One plain line per segment, no screen; keys still work on a terminal");
  run->add_flag("--quiet", options->quiet, "No bells");
  run->add_flag("--voice", options->voice, "Speak steps, sides and cues (needs espeak-ng)");
  run->add_flag("-y,--yes", options->yes, "Skip the cautions and equipment checklist; start at once");
  run->add_flag("--rate", options->rate, "At the end, ask how tight each side feels (0-10)");
  run->add_flag("--resume", options->resume,
                "Go on where the last run of this routine was quit or stopped, within a day")
      ->excludes("--from")
      ->excludes("--hold")
      ->excludes("--reps")
      ->excludes("--fit");
  run->add_flag("--no-plan", options->no_plan, "Run the routine as written, not as your plan has it today");
  auto* no_log = run->add_flag("--no-log", options->no_log, "Record nothing in the history");
  run->add_flag("--log", options->log, "Record the run even at another --speed (not with --no-log)")
      ->excludes(no_log);
  run->add_option("--events", *events_format,
                  "Write every run event to stdout as JSON lines; the screen goes to the terminal")
      ->check(one_of({"jsonl"}))
      ->type_name("jsonl")
      ->excludes(dry_run);
  line.option_values["events"] = {"jsonl"};
  run->footer(examples({"psoas run pigeon-routine", "psoas run psoas-release --from butterfly --voice",
                        "psoas run bridge --hold 45s --reps 2", "psoas run psoas-release --fit 10m",
                        "psoas run pigeon-routine --dry-run",
                        "psoas run butterfly --events jsonl > butterfly.jsonl"}) +
              fmt::format("\nKeys: {}.\n", key_line(false)));
}

}  // namespace psoas
