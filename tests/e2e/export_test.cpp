// `psoas export --audio`, end to end: the built binary hands it to psoas-audio,
// which speaks with espeak-ng and writes with libsndfile. The tests listen by
// computing on the samples read back, and check the times against the timeline.
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <sstream>
#include <thread>

#include <doctest/doctest.h>

#include "load/loader.hpp"
#include "plan/timeline.hpp"
#include "support/listening.hpp"
#include "support/process.hpp"
#include "support/pty.hpp"
#include "support/temp_dir.hpp"

using namespace psoas;
using namespace psoas::testing;
using namespace std::chrono_literals;

namespace {

constexpr int kRate = 24000;

constexpr std::string_view kRoutine = R"(name: audio-check
title: Audio check
cautions:
  - Stop if anything hurts.
steps:
  - name: Lunge
    prepare: 5s
    hold: 15s
    sides: [left, right]
    cues: [Tuck your pelvis]
  - name: Long hold
    hold: 1m
  - name: Check the skin
    hold: until-done
    setup: [Feel under the pad]
)";

struct Fixture {
  TempDir home;
  std::filesystem::path routine = home.write("audio-check.yaml", kRoutine);
  std::map<std::string, std::string> env = clean_environment(home.path());

  [[nodiscard]] Timeline timeline() const {
    RoutineLoader loader(SearchPath({}));
    const LoadResult loaded = loader.load_file(routine);
    REQUIRE(loaded.routine);
    return build_timeline(*loaded.routine);
  }
  // The files written beside the routine, hidden ones too.
  [[nodiscard]] std::vector<std::string> files() const {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(home.path()))
      if (entry.is_regular_file()) found.push_back(entry.path().filename().string());
    return found;
  }
};

// The frame of each cue-sheet track's INDEX 01 (mm:ss:ff, 75 frames a second).
std::vector<std::int64_t> cue_indexes(const std::string& sheet) {
  std::vector<std::int64_t> frames;
  std::istringstream lines(sheet);
  std::string line;
  while (std::getline(lines, line)) {
    const auto at = line.find("INDEX 01 ");
    if (at == std::string::npos) continue;
    const std::string time = line.substr(at + 9);
    const std::int64_t m = std::stoll(time.substr(0, 2)), s = std::stoll(time.substr(3, 2)),
                       f = std::stoll(time.substr(6, 2));
    frames.push_back((m * 60 + s) * kRate + f * kRate / 75);
  }
  return frames;
}

// The loudest 50 ms stretch between two frames.
double loudest(const Samples& sound, std::int64_t from, std::int64_t to) {
  double most = 0;
  for (std::int64_t at = from; at + kRate / 20 <= to; at += kRate / 100)
    most = std::max(most, rms(sound, at, at + kRate / 20));
  return most;
}

bool has_onset_near(const std::vector<std::int64_t>& found, std::int64_t frame) {
  return std::any_of(found.begin(), found.end(),
                     [frame](std::int64_t onset) { return std::abs(onset - frame) <= kRate / 200; });
}

}  // namespace

TEST_CASE(
    "export --audio: a bell within 5 ms of every segment start, speech after it, silence through long "
    "holds") {
  Fixture f;
  const auto track = f.home.path() / "check.wav";
  const ProcessResult made = run_psoas(
      {"export", f.routine.string(), "--audio", track.string(), "--check-pause", "10s", "--cue"}, f.env);
  REQUIRE_MESSAGE(made.exit_code == 0, made.err);
  CHECK(made.out.find("wrote " + track.string() + ": ") == 0);
  CHECK(made.out.find(", 4 chapters in the cue sheet " + (f.home.path() / "check.cue").string() + "\n") !=
        std::string::npos);
  const Timeline timeline = f.timeline();
  const Samples sound = read_sound(track);
  REQUIRE(sound.rate == kRate);

  // The cue sheet: the introduction, then a track per step at its first segment.
  const std::vector<std::int64_t> indexes = cue_indexes(read_file(f.home.path() / "check.cue"));
  REQUIRE(indexes.size() == 4);
  const std::int64_t introduction = indexes[1];
  CHECK(indexes[0] == 0);
  CHECK(introduction % kRate == 0);
  CHECK(introduction >= 3 * kRate);  // the title and the caution were said

  // The length: the introduction, the timeline's total with the check pause, then the 4 s ending.
  CHECK(std::int64_t(sound.values.size()) == introduction + (timeline.total.count() + 10 + 4) * kRate);

  const std::vector<std::int64_t> found = onsets(sound);
  std::int64_t start = introduction;
  std::size_t step = 0;
  for (std::size_t index = 0; index < timeline.segments.size(); ++index) {
    const Segment& segment = timeline.segments[index];
    CAPTURE(start);
    if (timeline.steps[segment.step].first_segment == index) {
      CHECK(indexes[1 + step] == start);
      ++step;
    }
    const std::int64_t length = (segment.kind == SegmentKind::check ? 10 : segment.duration.count()) * kRate;
    const std::int64_t end = start + length;
    CHECK_MESSAGE(has_onset_near(found, start), "no bell at the start of segment " << index);
    // Words after the bell's strike.
    CHECK(loudest(sound, start + kRate / 2, start + kRate * 11 / 10) > 0.02);
    if (segment.kind == SegmentKind::hold) {
      for (const int before : {3, 2, 1})
        CHECK_MESSAGE(has_onset_near(found, end - before * kRate), "no tick " << before);
    }
    if (segment.kind == SegmentKind::hold && segment.duration.count() >= 60) {
      const std::int64_t half = start + length / 2;
      // "Halfway", out of silence.
      CHECK(loudest(sound, half - kRate, half - kRate / 20) < 0.003);
      CHECK(loudest(sound, half, half + kRate * 8 / 10) > 0.02);
      CHECK(loudest(sound, start + 10 * kRate, half - kRate / 5) < 0.003);
      CHECK(loudest(sound, half + 3 * kRate, end - 3 * kRate - kRate / 20) < 0.003);
    }
    start = end;
  }
  CHECK(has_onset_near(found, start));  // the end bell
}

TEST_CASE(
    "export --audio .ogg and .opus carry a chapter per step, and every format reads back at one length") {
  Fixture f;
  std::int64_t length = -1;
  for (const std::string extension : {"wav", "flac", "ogg", "opus", "mp3"}) {
    CAPTURE(extension);
    const auto track = f.home.path() / ("check." + extension);
    const ProcessResult made =
        run_psoas({"export", f.routine.string(), "--audio", track.string(), "--check-pause", "5s"}, f.env);
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    const Samples sound = read_sound(track);
    CHECK(sound.rate == kRate);
    const auto frames = static_cast<std::int64_t>(sound.values.size());
    if (length < 0) length = frames;
    // MP3 decoders may add up to a frame of padding; the others are exact.
    if (extension == "mp3") {
      CHECK(frames >= length);
      CHECK(frames <= length + 2400);
    } else {
      CHECK(frames == length);
    }
    if (extension == "ogg" || extension == "opus") {
      const std::vector<std::string> comments = ogg_comments(track);
      CHECK(std::count_if(comments.begin(), comments.end(), [](const std::string& c) {
              return c.starts_with("CHAPTER") && c.find("NAME=") == std::string::npos;
            }) == 4);
      CHECK(std::find(comments.begin(), comments.end(), "CHAPTER002NAME=1. Lunge (left, then right)") !=
            comments.end());
      CHECK(std::find(comments.begin(), comments.end(), "CHAPTER004NAME=3. Check the skin") !=
            comments.end());
      CHECK(std::find(comments.begin(), comments.end(), "TITLE=Audio check") != comments.end());
      // Each chapter at its step's first segment, after the introduction; the first bell there.
      const Timeline timeline = f.timeline();
      const auto chapter_frame = [&comments](int number) -> std::int64_t {
        const std::string key = "CHAPTER00" + std::to_string(number) + "=";
        for (const std::string& comment : comments)
          if (comment.starts_with(key)) {
            const std::string time = comment.substr(key.size());  // HH:MM:SS.mmm
            return ((std::stoll(time.substr(0, 2)) * 60 + std::stoll(time.substr(3, 2))) * 60 +
                    std::stoll(time.substr(6, 2))) *
                       kRate +
                   std::stoll(time.substr(9, 3)) * kRate / 1000;
          }
        return -1;
      };
      CHECK(chapter_frame(1) == 0);
      const std::int64_t introduction = chapter_frame(2);
      CHECK(introduction > 0);
      CHECK(chapter_frame(3) ==
            introduction + timeline.segments[timeline.steps[1].first_segment].start.count() * kRate);
      CHECK(chapter_frame(4) ==
            introduction + timeline.segments[timeline.steps[2].first_segment].start.count() * kRate);
      const std::vector<std::int64_t> found = onsets(sound);
      CHECK(std::any_of(found.begin(), found.end(), [introduction](std::int64_t onset) {
        return std::abs(onset - introduction) <= kRate / 100;
      }));
    }
  }
  // sox, another reader, sees the Vorbis chapters too.
  const ProcessResult soxi = run_process({{"/usr/bin/soxi", "-a", (f.home.path() / "check.ogg").string()},
                                          {{"PATH", "/usr/bin:/bin"}},
                                          "",
                                          20'000ms,
                                          std::nullopt});
  CHECK(soxi.exit_code == 0);
  CHECK(soxi.out.find("CHAPTER003NAME=2. Long hold") != std::string::npos);
}

TEST_CASE("export --audio refuses bad input with a clear message and writes nothing") {
  Fixture f;
  const auto in = [&f](const std::string& name) { return (f.home.path() / name).string(); };
  struct Case {
    std::vector<std::string> args;
    int exit_code;
    std::string message;
  };
  const std::vector<Case> cases{
      {{"export", f.routine.string(), "--audio", in("x.aiff")},
       2,
       "cannot tell what to write from `x.aiff`: end it in .ogg, .opus, .mp3, .flac or .wav"},
      {{"export", f.routine.string(), "--audio", in("missing/x.ogg")},
       1,
       "the folder " + in("missing") + " does not exist"},
      {{"export", f.routine.string(), "--audio", in("x.ogg"), "--voice-lang", "en-gx"},
       2,
       "espeak-ng has no voice for `en-gx`; did you mean"},
      {{"export", "no-such-routine", "--audio", in("x.ogg")}, 1, "no-such-routine"},
      {{"export", f.routine.string(), "--audio", in("x.ogg"), "--check-pause", "0s"},
       2,
       "--check-pause must be a duration from 1s to 24h"},
      {{"export", f.routine.string(), "--audio", in("x.ogg"), "--voice-rate", "20"}, 2, "--voice-rate"},
      {{"export", f.routine.string()}, 2, "`psoas export` needs --audio"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args.back());
    const ProcessResult result = run_psoas(c.args, f.env);
    CHECK(result.exit_code == c.exit_code);
    CHECK_MESSAGE(result.err.find(c.message) != std::string::npos, result.err);
    CHECK(result.out.empty());
    CHECK(f.files() == std::vector<std::string>{"audio-check.yaml"});  // the routine alone
  }
}

TEST_CASE("export --audio shows its progress on a terminal, and Ctrl-C leaves nothing behind") {
  Fixture f;
  const auto track = f.home.path() / "long.ogg";
  // Long enough that it is still writing when Ctrl-C comes.
  PtyProcess exporting(
      {PSOAS_BINARY, "export", f.routine.string(), "--audio", track.string(), "--hold", "20m"}, f.env);
  REQUIRE(exporting.wait_for("%", 20s));
  CHECK(exporting.wait_for(" of ", 5s));
  exporting.write("\x03");
  const auto status = exporting.wait_exit(20s);
  REQUIRE(status);
  CHECK(status->signal == SIGINT);
  CHECK(exporting.output().find("was not written") != std::string::npos);
  CHECK(f.files() == std::vector<std::string>{"audio-check.yaml"});
}

TEST_CASE("export --audio writes no progress when its error output is not a terminal") {
  Fixture f;
  const auto track = f.home.path() / "quiet.wav";
  const ProcessResult made =
      run_psoas({"export", f.routine.string(), "--audio", track.string(), "--from", "3"}, f.env);
  REQUIRE(made.exit_code == 0);
  CHECK(made.err == "psoas: checklist steps wait 30s in the track; pause the player if you need longer\n");
  // WAV carries no chapters; the line says so rather than count them.
  CHECK(made.out.find(", no chapters (--cue writes them beside it)\n") != std::string::npos);
  const ProcessResult longer = run_psoas(
      {"export", f.routine.string(), "--audio", track.string(), "--from", "2", "--check-pause", "1m"}, f.env);
  CHECK(longer.err == "psoas: checklist steps wait 1m in the track; pause the player if you need longer\n");
}

TEST_CASE("export --audio that cannot be written whole fails, in every format, and leaves nothing") {
  Fixture f;
  // A file size limit stands in for a full disk: writes past it fail (SIGXFSZ ignored, as a shell's trap
  // does).
  for (const std::string extension : {"mp3", "ogg", "opus", "flac", "wav"}) {
    CAPTURE(extension);
    const auto track = f.home.path() / ("full." + extension);
    const ProcessResult result =
        run_process({{"/bin/sh", "-c", "trap '' XFSZ; exec prlimit --fsize=200000 \"$@\"", "sh", PSOAS_BINARY,
                      "export", f.routine.string(), "--audio", track.string(), "--hold", "1m"},
                     f.env,
                     "",
                     60'000ms,
                     std::nullopt});
    CHECK(result.exit_code == 1);
    CHECK_MESSAGE(result.err.find("psoas: error: cannot write " + track.string() + ": File too large") !=
                      std::string::npos,
                  result.err);
    CHECK(result.out.empty());
    CHECK(f.files() == std::vector<std::string>{"audio-check.yaml"});
  }
  // A cue sheet that cannot be written takes the track with it.
  std::filesystem::create_directory(f.home.path() / "sheet.cue");
  const ProcessResult sheet = run_psoas(
      {"export", f.routine.string(), "--audio", (f.home.path() / "sheet.ogg").string(), "--cue"}, f.env);
  CHECK(sheet.exit_code == 1);
  CHECK(sheet.err.find("sheet.cue: it is a folder") != std::string::npos);
  CHECK(f.files() == std::vector<std::string>{"audio-check.yaml"});
}

TEST_CASE("export --audio --hold and --reps shape the track as they shape the run's timeline") {
  Fixture f;
  const auto track = f.home.path() / "shaped.wav";
  const ProcessResult made = run_psoas({"export", f.routine.string(), "--audio", track.string(), "--hold",
                                        "7s", "--reps", "2", "--check-pause", "5s", "--cue"},
                                       f.env);
  REQUIRE_MESSAGE(made.exit_code == 0, made.err);
  RoutineLoader loader(SearchPath({}));
  const LoadResult loaded = loader.load_file(f.routine);
  REQUIRE(loaded.routine);
  TimingOverrides overrides;
  overrides.hold = std::chrono::seconds(7);
  overrides.reps = 2;
  const Timeline timeline = build_timeline(*loaded.routine, overrides);
  REQUIRE(timeline.total != f.timeline().total);  // the options changed something
  const std::int64_t introduction = cue_indexes(read_file(f.home.path() / "shaped.cue"))[1];
  const Samples sound = read_sound(track);
  CHECK(std::int64_t(sound.values.size()) == introduction + (timeline.total.count() + 5 + 4) * kRate);
  const std::vector<std::int64_t> found = onsets(sound);
  std::int64_t start = introduction;
  for (const Segment& segment : timeline.segments) {
    CHECK(has_onset_near(found, start));
    start += (segment.kind == SegmentKind::check ? 5 : segment.duration.count()) * kRate;
  }
}
