#include "ui/audio_script.hpp"

#include <algorithm>

#include <doctest/doctest.h>

using namespace psoas;
using std::chrono::seconds;

namespace {

Step timed(std::string name, int hold, std::vector<Side> sides, int reps = 1) {
  Step step;
  step.name = std::move(name);
  step.hold = seconds(hold);
  step.sides = std::move(sides);
  step.reps = reps;
  return step;
}

Routine sample() {
  Routine routine;
  routine.name = "sample";
  routine.title = "Sample routine";
  routine.cautions = {"Stop if it hurts", "Breathe"};
  routine.equipment = {"mat", "ball"};
  Step lunge = timed("Lunge", 20, {Side::left, Side::right}, 2);
  lunge.prepare = seconds(5);
  lunge.rest = seconds(5);
  lunge.cues = {"Tuck your pelvis", "Squeeze the back glute"};
  routine.steps.push_back(lunge);
  routine.steps.push_back(timed("Long hold", 90, {Side::none}));
  Step check;
  check.name = "Check the skin";
  check.setup = {"Feel under the pad", "Warm is fine"};
  routine.steps.push_back(check);
  return routine;
}

const ScriptCue* cue_of_segment(const AudioScript& script, std::size_t segment) {
  const auto found = std::find_if(script.cues.begin(), script.cues.end(),
                                  [segment](const ScriptCue& cue) { return cue.segment == segment; });
  return found == script.cues.end() ? nullptr : &*found;
}

}  // namespace

TEST_CASE("every segment begins with a bell at its start, check steps waiting the check pause") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  const AudioScript script = script_audio(routine, timeline, {0, seconds(30)});
  std::int64_t expected = 0;
  for (std::size_t i = 0; i < timeline.segments.size(); ++i) {
    const ScriptCue* cue = cue_of_segment(script, i);
    REQUIRE(cue != nullptr);
    CHECK(cue->at_ms == expected);
    REQUIRE(cue->tone);
    const SegmentKind kind = timeline.segments[i].kind;
    CHECK(*cue->tone == (kind == SegmentKind::hold           ? Tone::hold
                         : kind == SegmentKind::switch_sides ? Tone::switch_sides
                                                             : Tone::ready));
    expected += kind == SegmentKind::check ? 30'000 : timeline.segments[i].duration.count() * 1000;
  }
  CHECK(script.length_ms == expected);
  CHECK(script.length_ms == timeline.total.count() * 1000 + 30'000);
  CHECK(script.cues.back().tone == Tone::end);
  CHECK(script.cues.back().at_ms == script.length_ms);
}

TEST_CASE("holds tick in their last three seconds, and say halfway from a minute") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  const AudioScript script = script_audio(routine, timeline, {});
  for (std::size_t i = 0; i < timeline.segments.size(); ++i) {
    const Segment& segment = timeline.segments[i];
    const std::int64_t start = cue_of_segment(script, i)->at_ms;
    const std::int64_t end = start + segment.duration.count() * 1000;
    std::vector<std::int64_t> ticks;
    std::vector<std::int64_t> halfway;
    for (const ScriptCue& cue : script.cues) {
      if (cue.at_ms <= start || cue.at_ms >= end) continue;
      if (cue.tone == Tone::tick) ticks.push_back(cue.at_ms);
      if (!cue.speech.empty() && cue.speech.front() == "Halfway.") halfway.push_back(cue.at_ms);
    }
    if (segment.kind == SegmentKind::hold) {
      CHECK(ticks == std::vector<std::int64_t>{end - 3000, end - 2000, end - 1000});
    } else {
      CHECK(ticks.empty());
    }
    CHECK(halfway.size() == (segment.kind == SegmentKind::hold && segment.duration >= seconds(60) ? 1U : 0U));
    if (!halfway.empty()) CHECK(halfway.front() == start + segment.duration.count() * 500);
  }
}

TEST_CASE("speech must end before the next sound, with a gap") {
  const Routine routine = sample();
  const AudioScript script = script_audio(routine, build_timeline(routine), {});
  for (std::size_t i = 0; i < script.cues.size(); ++i) {
    const ScriptCue& cue = script.cues[i];
    if (cue.speech.empty()) continue;
    const std::int64_t next =
        i + 1 < script.cues.size() ? script.cues[i + 1].at_ms : script.length_ms + script.ending_ms;
    CHECK(cue.until_ms < next);
    CHECK(cue.until_ms > cue.at_ms);
  }
}

TEST_CASE("a hold says the step, the side and the hold, then its first cue once per side") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  const AudioScript script = script_audio(routine, timeline, {});
  std::vector<std::string> holds;
  for (std::size_t i = 0; i < timeline.segments.size(); ++i)
    if (timeline.segments[i].kind == SegmentKind::hold && timeline.segments[i].step == 0)
      holds.push_back(cue_of_segment(script, i)->speech.front());
  REQUIRE(holds.size() == 4);
  CHECK(holds[0] == "Lunge. Left side. Hold 20 seconds, 1 of 2. Tuck your pelvis.");
  CHECK(holds[1] == "Lunge. Left side. Hold 20 seconds, 2 of 2.");
  CHECK(holds[2] == "Lunge. Right side. Hold 20 seconds, 1 of 2. Tuck your pelvis.");
  const ScriptCue* first = nullptr;
  for (std::size_t i = 0; i < timeline.segments.size() && !first; ++i)
    if (timeline.segments[i].kind == SegmentKind::hold) first = cue_of_segment(script, i);
  // Shorter tries: without the cue (still complete), then only the name and side.
  CHECK(first->speech ==
        std::vector<std::string>{"Lunge. Left side. Hold 20 seconds, 1 of 2. Tuck your pelvis.",
                                 "Lunge. Left side. Hold 20 seconds, 1 of 2.", "Lunge. Left side."});
  CHECK(first->complete == 1);
}

TEST_CASE("a checklist step says its instructions and that the player can be paused") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  const AudioScript script = script_audio(routine, timeline, {0, seconds(45)});
  const ScriptCue* check = cue_of_segment(script, timeline.segments.size() - 1);
  REQUIRE(check != nullptr);
  CHECK(check->speech.front() ==
        "Check the skin. Feel under the pad. Warm is fine. You have 45 seconds; pause the player if you need "
        "longer.");
  CHECK(check->speech.back() == "Check the skin.");
  CHECK(script.introduction.find("Checklist steps wait 45 seconds; pause the player if you need longer.") !=
        std::string::npos);
}

TEST_CASE("the introduction gives the title, the length, the equipment and every caution") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  const AudioScript script = script_audio(routine, timeline, {});
  CHECK(script.introduction.starts_with(
      "Sample routine. " + spoken_duration(seconds(script.length_ms / 1000)) +
      " in all. You need mat and ball. Before you start. Stop if it hurts. Breathe."));
}

TEST_CASE("each step is a chapter at its first segment, and --from starts at its step") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  const AudioScript whole = script_audio(routine, timeline, {});
  REQUIRE(whole.chapters.size() == 3);
  for (std::size_t step = 0; step < 3; ++step) {
    CHECK(whole.chapters[step].name.starts_with(std::to_string(step + 1) + ". " + routine.steps[step].name));
    CHECK(whole.chapters[step].at_ms == cue_of_segment(whole, timeline.steps[step].first_segment)->at_ms);
  }
  // The sides tell the same pose apart in a player's list.
  CHECK(whole.chapters[0].name == "1. Lunge (left, then right)");
  CHECK(whole.chapters[1].name == "2. Long hold");
  const AudioScript from = script_audio(routine, timeline, {timeline.steps[1].first_segment, seconds(30)});
  REQUIRE(from.chapters.size() == 2);
  CHECK(from.chapters[0].name == "2. Long hold");
  CHECK(from.chapters[0].at_ms == 0);
  CHECK(from.length_ms == 90'000 + 30'000);
  CHECK(from.introduction.find("Starting at step 2: Long hold.") != std::string::npos);
}

TEST_CASE("durations are spoken in words a voice reads well") {
  CHECK(spoken_duration(seconds(45)) == "45 seconds");
  CHECK(spoken_duration(seconds(1)) == "1 second");
  CHECK(spoken_duration(seconds(60)) == "1 minute");
  CHECK(spoken_duration(seconds(150)) == "2 minutes 30 seconds");
  CHECK(spoken_duration(seconds(3720)) == "1 hour 2 minutes");
}
