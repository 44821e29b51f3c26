#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "audio/cue_sheet.hpp"
#include "audio/track.hpp"
#include "base/error.hpp"
#include "base/files.hpp"
#include "base/printable.hpp"
#include "commands/command_line.hpp"
#include "commands/handoff.hpp"
#include "commands/run_timing.hpp"
#include "term/escape.hpp"
#include "term/signals.hpp"
#include "ui/audio_script.hpp"
#include "ui/audio_track.hpp"

namespace psoas {
namespace {

struct ExportOptions {
  std::string routine;
  std::string audio;
  TimingOptions timing;
  bool no_plan = false;
  std::string check_pause = "30s";
  VoiceChoice voice;
  bool cue = false;
};

// The cue sheet beside a track: the same name, .cue.
std::filesystem::path cue_file(const std::filesystem::path& track) {
  std::filesystem::path cue = track;
  return cue.replace_extension(".cue");
}

std::string what_was_cut(const Timeline& timeline, const ShortenedSpeech& shortened) {
  const Segment& segment = timeline.segments[shortened.segment];
  const std::string side = segment.side == Side::none ? "" : fmt::format(", {}", to_string(segment.side));
  return fmt::format("step {} ({}{}, {} at {}): {}", segment.step + 1, timeline.steps[segment.step].step.name,
                     side, to_string(segment.kind), format_clock(segment.start),
                     shortened.cut ? "cut off" : fmt::format("said only \"{}\"", shortened.said));
}

ExitCode export_audio(const ExportOptions& options, const std::optional<PlanForRun>& plan,
                      const SearchPath& search_path, const AudioMaker& maker, const Console& console) {
  const std::filesystem::path file = options.audio;
  if (file.filename().empty() || file.filename() == "." || file.filename() == "..")
    throw Error(fmt::format("--audio names a folder, `{}`: give a file, such as {}.ogg",
                            escape_line(options.audio), escape_line(options.routine)),
                ExitCode::usage);
  const auto format = audio_format_of(file);
  if (!format)
    throw Error(fmt::format("cannot tell what to write from `{}`: end it in .ogg, .opus, .mp3, .flac or .wav",
                            escape_line(file.filename().string())),
                ExitCode::usage);
  const auto check_pause = duration_option(options.check_pause, "--check-pause", "30s or 1m");
  const auto routine = load_routine_argument(options.routine, search_path, console);
  const RunTiming timing = choose_timing(*routine, options.timing, &plan);
  const PlannedRun planned = plan_run(*routine, timing);
  if (!planned.fit_note.empty())
    console.err << "psoas: " << planned.fit_note
                << "; the track adds its spoken introduction, the checklist pauses and a 4 s ending\n";
  if (plan)
    for (const std::string& note : plan->notes) console.err << "psoas: " << note << "\n";

  const Timeline& timeline = planned.timeline;
  const std::size_t first_segment = first_segment_of(timeline, timing);
  if (std::any_of(timeline.segments.begin() + static_cast<std::ptrdiff_t>(first_segment),
                  timeline.segments.end(),
                  [](const Segment& segment) { return segment.kind == SegmentKind::check; }))
    console.err << fmt::format(
        "psoas: checklist steps wait {} in the track; pause the player if you need longer\n",
        format_duration(*check_pause));
  const AudioScript script = script_audio(*routine, timeline, {first_segment, *check_pause});
  if (*format == AudioFormat::wav && script.length_ms + script.ending_ms > 24LL * 3600 * 1000)
    throw Error(fmt::format("the track would take {}, and a WAV file holds at most 4 GiB, about 24 hours: "
                            "write .flac, .ogg or .opus",
                            format_clock(Seconds((script.length_ms + script.ending_ms) / 1000))),
                ExitCode::usage);
  const std::unique_ptr<Speech> speech = maker.voice(options.voice);
  // Watched before the temporary file exists, so that Ctrl-C always finds it to remove.
  const SignalWatch signals(false);
  std::unique_ptr<TrackFile> track = maker.track(file, *format, script.title);

  int interrupted = 0;
  const bool bar = console.err_info.is_terminal && console.err_info.can_draw;
  int shown = -1;
  const auto progress = [&](std::int64_t done, std::int64_t total) {
    interrupted = signals.poll_interrupt();
    const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
    if (bar && percent != shown) {
      shown = percent;
      console.err << escape::kClearLine
                  << progress_line(done, total,
                                   static_cast<std::size_t>(std::max(console.err_info.width - 1, 20)))
                  << std::flush;
    }
    return interrupted == 0;
  };
  const std::optional<TrackReport> report = render_track(script, *speech, *track, progress);
  if (bar) console.err << escape::kClearLine << std::flush;
  if (!report) {
    track.reset();  // the half-made file removed
    console.err << fmt::format("psoas: stopped; {} was not written\n", escape_line(file.string()))
                << std::flush;
    SignalWatch::die_of(interrupted);
  }
  // The cue sheet is written first, so that a sheet that cannot be written leaves no track either.
  std::optional<PendingFile> cue;
  if (options.cue) {
    cue.emplace(cue_file(file));
    const std::string sheet =
        cue_sheet(script.title, file.filename().string(), *format, report->chapters, kTrackRate);
    if (!write_all(cue->fd(), sheet))
      throw Error(fmt::format("cannot write {}: {}", cue_file(file).string(), std::strerror(errno)));
  }
  const std::uintmax_t size = track->commit(report->chapters);
  if (cue) cue->commit();

  for (const ShortenedSpeech& shortened : report->shortened)
    console.err << "psoas: no time to say it all at " << what_was_cut(timeline, shortened) << "\n";
  const std::string chapters =
      options.cue                    ? fmt::format("{} chapters in the cue sheet {}", report->chapters.size(),
                                                   escape_line(cue_file(file).string()))
      : has_vorbis_comments(*format) ? fmt::format("{} chapters", report->chapters.size())
                                     : std::string("no chapters (--cue writes them beside it)");
  console.out << fmt::format("wrote {}: {}, {}, {} at {} kHz, {}\n", escape_line(file.string()),
                             format_clock(Seconds(report->frames / kTrackRate)), file_size_text(size),
                             format_name(*format), kTrackRate / 1000, chapters);
  return ExitCode::ok;
}

}  // namespace

void add_export_command(CommandLine& line) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* command = line.add(
      "export", "Write a routine as a guided audio track, to follow with the screen off",
      CompletedArgument::routine, [options, &line](const Environment& environment, const Console& console) {
        const AudioMaker& maker = audio_maker(line);
        return export_audio(*options,
                            options->no_plan ? std::nullopt : plan_for_run(options->routine, environment),
                            environment.search_path(), maker, console);
      });
  command->add_option("routine", options->routine, "Routine name or file")->required()->type_name("ROUTINE");
  command
      ->add_option("--audio", options->audio,
                   "Write the track to FILE: .ogg, .opus, .mp3, .flac or .wav, by its extension")
      ->required()
      ->type_name("FILE");
  command->add_option("--from", options->timing.from, "Start at this step: its number or its name")
      ->type_name("STEP");
  command->add_option("--hold", options->timing.hold, "Hold every timed step this long")->type_name("DUR");
  command->add_option("--reps", options->timing.reps, "Repeat every timed step's hold N times per side")
      ->check(whole_number_from(1, 100))
      ->type_name("N");
  command
      ->add_option(
          "--fit", options->timing.fit,
          "Scale the holds so the routine takes this long (the introduction and the ending add to it)")
      ->type_name("DUR")
      ->excludes("--hold");
  command->add_flag("--no-plan", options->no_plan, "The routine as written, not as your plan has it today");
  command
      ->add_option("--check-pause", options->check_pause,
                   "How long a checklist step waits in the track (pause the player for longer)")
      ->default_str("30s")
      ->type_name("DUR");
  command
      ->add_option("--voice-lang", options->voice.language, "The espeak-ng voice: en, en-gb, en-us, de, ...")
      ->default_str("en")
      ->type_name("LANG");
  command
      ->add_option("--voice-rate", options->voice.words_per_minute,
                   "How fast the voice speaks: 80 to 450 words a minute")
      ->check(whole_number_from(80, 450))
      ->default_str("160")
      ->type_name("WPM");
  command->add_flag("--cue", options->cue, "Also write a cue sheet beside the track (FILE with .cue)");
  command->footer(
      examples({"psoas export psoas-release --audio psoas-release.ogg",
                "psoas export pigeon-routine --audio pigeon.mp3 --hold 1m --cue",
                "psoas export butterfly --audio butterfly.opus --voice-lang en-gb --voice-rate 140"}));
}

}  // namespace psoas
