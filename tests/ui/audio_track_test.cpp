#include "ui/audio_track.hpp"

#include <cmath>
#include <numbers>

#include <doctest/doctest.h>

#include "support/listening.hpp"

using namespace psoas;
using namespace psoas::testing;
using std::chrono::seconds;

namespace {

// A voice that hums 300 Hz for a fixed time per character, so that the room
// each phrase takes is known.
class HummingSpeech final : public Speech {
 public:
  explicit HummingSpeech(std::int64_t frames_per_character) : per_character_(frames_per_character) {}
  std::vector<float> say(std::string_view text) override {
    std::vector<float> out(static_cast<std::size_t>(per_character_ * static_cast<std::int64_t>(text.size())));
    for (std::size_t i = 0; i < out.size(); ++i)
      out[i] = 0.3F *
               static_cast<float>(std::sin(2 * std::numbers::pi * 300 * static_cast<double>(i) / kTrackRate));
    return out;
  }

 private:
  std::int64_t per_character_;
};

class MemoryTrack final : public TrackFile {
 public:
  void write(std::span<const float> samples) override {
    largest_block = std::max(largest_block, samples.size());
    values.insert(values.end(), samples.begin(), samples.end());
  }
  std::uintmax_t commit(const std::vector<Chapter>& given) override {
    committed = true;
    chapters = given;
    return values.size() * 2;
  }
  std::vector<float> values;
  std::vector<Chapter> chapters;
  std::size_t largest_block = 0;
  bool committed = false;
};

Routine sample() {
  Routine routine;
  routine.name = "sample";
  routine.title = "Sample";
  Step lunge;
  lunge.name = "Lunge";
  lunge.hold = seconds(12);
  lunge.sides = {Side::left, Side::right};
  lunge.prepare = seconds(4);
  lunge.cues = {"Tuck your pelvis"};
  routine.steps.push_back(lunge);
  Step check;
  check.name = "Check";
  routine.steps.push_back(check);
  return routine;
}

const TrackProgress kGoOn = [](std::int64_t, std::int64_t) { return true; };

std::int64_t frames(std::int64_t millis) {
  return millis * kTrackRate / 1000;
}

}  // namespace

TEST_CASE(
    "the track is as long as the introduction, the routine with its check pauses, and the ending, to the "
    "frame") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  const AudioScript script = script_audio(routine, timeline, {0, seconds(20)});
  HummingSpeech speech(240);  // 10 ms a character
  MemoryTrack track;
  const auto report = render_track(script, speech, track, kGoOn);
  REQUIRE(report);
  CHECK(report->introduction_frames % kTrackRate == 0);
  CHECK(report->introduction_frames >= frames(500) + std::int64_t(script.introduction.size()) * 240);
  CHECK(std::int64_t(track.values.size()) ==
        report->introduction_frames + (timeline.total.count() + 20) * kTrackRate + frames(script.ending_ms));
  CHECK(std::int64_t(track.values.size()) == report->frames);
  CHECK(track.largest_block <= 8192);
  CHECK_FALSE(track.committed);  // the caller's
}

TEST_CASE(
    "a bell starts every segment, within a millisecond, with speech after it and the hold's bell higher") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  const AudioScript script = script_audio(routine, timeline, {0, seconds(20)});
  HummingSpeech speech(240);
  MemoryTrack track;
  const auto report = render_track(script, speech, track, kGoOn);
  REQUIRE(report);
  const Samples sound{track.values, kTrackRate};
  const std::vector<std::int64_t> found = onsets(sound);
  std::int64_t start = report->introduction_frames;
  for (const Segment& segment : timeline.segments) {
    const auto near = std::find_if(found.begin(), found.end(), [start](std::int64_t onset) {
      return std::abs(onset - start) <= kTrackRate / 1000;
    });
    std::string listed;
    for (const std::int64_t onset : found) listed += " " + std::to_string(onset);
    CHECK_MESSAGE(near != found.end(), "no bell at frame " << start << "; sounds start at" << listed);
    // The bell's first 100 ms: the hold's 880 Hz, the others' 660 Hz.
    const double high = tone_strength(sound, start, start + frames(100), 880);
    const double low = tone_strength(sound, start, start + frames(100), 660);
    if (segment.kind == SegmentKind::hold) {
      CHECK(high > 4 * low);
    } else if (segment.kind == SegmentKind::prepare || segment.kind == SegmentKind::check) {
      CHECK(low > 4 * high);
    }
    // The voice after the bell's strike.
    CHECK(tone_strength(sound, start + frames(450), start + frames(650), 300) > 0.05);
    start += segment.kind == SegmentKind::check ? 20 * kTrackRate : segment.duration.count() * kTrackRate;
  }
}

TEST_CASE("speech that would run into the next sound is shortened to the name and side, and reported") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  const AudioScript script = script_audio(routine, timeline, {0, seconds(20)});
  // The 12 s hold's words must end 300 ms before its first tick, 9 s in: 8.35 s after the bell.
  HummingSpeech speech(frames(300));  // 300 ms a character
  MemoryTrack track;
  const auto report = render_track(script, speech, track, kGoOn);
  REQUIRE(report);
  REQUIRE_FALSE(report->shortened.empty());
  bool saw_hold = false;
  for (const ShortenedSpeech& shortened : report->shortened) {
    const Segment& segment = timeline.segments[shortened.segment];
    if (segment.kind != SegmentKind::hold) continue;
    saw_hold = true;
    // "Lunge. Left side." is 17 characters: 5.1 s, which fits; the whole does not.
    CHECK(shortened.said == (segment.side == Side::left ? "Lunge. Left side." : "Lunge. Right side."));
    CHECK_FALSE(shortened.cut);
  }
  CHECK(saw_hold);
}

TEST_CASE("speech that does not fit even shortened is cut off before the next sound") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  const AudioScript script = script_audio(routine, timeline, {0, seconds(5)});
  HummingSpeech speech(frames(1000));  // a second a character: nothing fits
  MemoryTrack track;
  const auto report = render_track(script, speech, track, kGoOn);
  REQUIRE(report);
  const Samples sound{track.values, kTrackRate};
  std::size_t cut = 0;
  for (const ShortenedSpeech& shortened : report->shortened) cut += shortened.cut ? 1 : 0;
  CHECK(cut == timeline.segments.size());
  // Silent for the gap before each next segment's bell, cut speech or not.
  std::int64_t start = report->introduction_frames;
  for (const Segment& segment : timeline.segments) {
    if (start > report->introduction_frames)
      CHECK(rms(sound, start - frames(250), start - frames(5)) < 0.001);
    start += segment.kind == SegmentKind::check ? 5 * kTrackRate : segment.duration.count() * kTrackRate;
  }
}

TEST_CASE("a track told to stop writes no more and is not committed") {
  const Routine routine = sample();
  const AudioScript script = script_audio(routine, build_timeline(routine), {});
  HummingSpeech speech(240);
  MemoryTrack track;
  int calls = 0;
  const auto report =
      render_track(script, speech, track, [&calls](std::int64_t, std::int64_t) { return ++calls < 3; });
  CHECK_FALSE(report);
  CHECK(calls == 3);
  CHECK(track.values.size() <= 3 * 8192);
  CHECK_FALSE(track.committed);
}

TEST_CASE("the progress line shows a bar, the share and the times, within the width") {
  CHECK(progress_line(0, 20 * 60 * kTrackRate, 80).starts_with("[...."));
  const std::string half = progress_line(10 * 60 * kTrackRate, 20 * 60 * kTrackRate, 60);
  CHECK(half.size() <= 60);
  CHECK(half.find(" 50%  10:00 of 20:00") != std::string::npos);
  CHECK(half.find("#.") != std::string::npos);
  CHECK(progress_line(5, 10, 12) == " 50%  0:00 of 0:00");
  CHECK(file_size_text(512) == "512 bytes");
  CHECK(file_size_text(845'300) == "845 kB");
  CHECK(file_size_text(12'340'000) == "12.3 MB");
}
