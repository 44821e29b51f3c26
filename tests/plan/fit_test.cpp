#include "plan/fit.hpp"

#include <doctest/doctest.h>

#include "base/error.hpp"
#include "support/routines.hpp"

using namespace psoas;
using namespace psoas::testing;
using namespace std::chrono_literals;

namespace {

// Lunge: prepare 5 · 4 holds of 30, with rests of 10 and a switch of 5 between; Fold 60: 210 s, 180 of holds.
Routine sample() {
  Step fold = timed_step("Fold", {.hold = 60});
  fold.min_hold = 40s;
  return routine_of(
      "Sample",
      {check_step("Warm up"),
       timed_step("Lunge", {.hold = 30, .sides = kBothSides, .reps = 2, .rest = 10, .prepare = 5}), fold});
}

Seconds hold_of(const Timeline& timeline, std::size_t step) {
  return *timeline.steps[step].step.hold;
}

}  // namespace

TEST_CASE("--fit scales every hold by one factor, keeps the pauses, and recomputes the timeline") {
  Timeline timeline = build_timeline(sample());
  REQUIRE(timeline.total == 210s);
  const FitReport report = fit_timeline(timeline, 390s);  // 360 s of holds: twice as long
  CHECK(report.factor == doctest::Approx(2.0));
  CHECK(report.at_floor == 0);
  CHECK(timeline.total == 390s);
  CHECK(report.total == 390s);
  CHECK(hold_of(timeline, 1) == 60s);
  CHECK(hold_of(timeline, 2) == 120s);
  Seconds start{0};
  for (const Segment& segment : timeline.segments) {
    CHECK(segment.start == start);
    if (segment.kind == SegmentKind::hold) CHECK(segment.duration == hold_of(timeline, segment.step));
    if (segment.kind == SegmentKind::rest) CHECK(segment.duration == 10s);
    start += segment.duration;
  }
}

TEST_CASE("--fit never takes a hold below 15 s, or below the step's min-hold, and says how many it stopped") {
  Timeline timeline = build_timeline(sample());
  const FitReport report = fit_timeline(timeline, 135s);  // 105 s of holds
  CHECK(hold_of(timeline, 2) == 41s);  // its min-hold, and the second left after sharing in whole seconds
  CHECK(hold_of(timeline, 1) == 16s);  // the rest of the time, shared by the four lunges
  CHECK(report.at_floor == 1);
  CHECK(timeline.total == 135s);
  Timeline tight = build_timeline(sample());
  CHECK(fit_timeline(tight, 130s).total == 130s);  // 4 × 15 + 40 + 30 of pauses: every hold at its floor
  Timeline impossible = build_timeline(sample());
  CHECK_THROWS_WITH_AS(
      fit_timeline(impossible, 129s),
      "cannot fit into 2m9s: with every hold at its shortest (15s or what the routine says) it "
      "takes 2m10s",
      Error);
}

TEST_CASE("--fit leaves a hold shorter than the floor as it is when shrinking, and needs a hold to fit") {
  Timeline timeline =
      build_timeline(routine_of("Short", {timed_step("A", {.hold = 10}), timed_step("B", {.hold = 50})}));
  fit_timeline(timeline, 40s);
  CHECK(hold_of(timeline, 0) == 10s);
  CHECK(hold_of(timeline, 1) == 30s);
  Timeline checks = build_timeline(routine_of("Checks", {check_step("A")}));
  CHECK_THROWS_AS(fit_timeline(checks, 60s), Error);
}

TEST_CASE("--fit with a first step fits the part from that step on and leaves the steps before it alone") {
  Timeline timeline = build_timeline(sample());
  const FitReport report = fit_timeline(timeline, 240s, 2);  // from Fold: its one hold takes all 240 s
  CHECK(hold_of(timeline, 1) == 30s);
  CHECK(hold_of(timeline, 2) == 240s);
  CHECK(report.total == 240s);
  CHECK(timeline.remaining_from(timeline.steps[2].first_segment) == 240s);
  CHECK(timeline.total == 150s + 240s);  // the lunges' 150 s as they were
}

TEST_CASE("--fit never takes a hold above its step's max-hold, and says when the target cannot be reached") {
  Routine routine = sample();
  routine.steps[2].max_hold = 90s;
  Timeline timeline = build_timeline(routine);
  fit_timeline(timeline, 390s);  // 360 s of holds: the fold stops near 90, the lunges share the rest
  // 270 / 4 is 67.5: in whole seconds, each lunge a second longer and the fold two shorter make it exact.
  CHECK(hold_of(timeline, 2) == 88s);
  CHECK(hold_of(timeline, 1) == 68s);
  CHECK(timeline.total == 390s);
  routine.steps[1].max_hold = 40s;
  Timeline capped = build_timeline(routine);
  CHECK_THROWS_WITH_AS(
      fit_timeline(capped, 390s),
      "cannot stretch to 6m30s: with every hold at its longest (a step's max-hold) it takes 4m40s", Error);
}

TEST_CASE(
    "--fit comes out exactly where the steps' numbers of holds allow, and as near as they do where not") {
  // Two holds (both sides) and three (reps): one second is 3 up and 2 down.
  const Routine routine = routine_of("Mixed", {timed_step("Sides", {.hold = 30, .sides = kBothSides}),
                                               timed_step("Reps", {.hold = 30, .reps = 3})});
  for (const Seconds target : {200s, 201s, 333s, 334s, 335s, 1001s}) {
    Timeline timeline = build_timeline(routine);
    CHECK_MESSAGE(fit_timeline(timeline, target).total == target, target.count());
    CHECK(timeline.total == target);
  }
  // Only steps of two holds: an odd number of seconds of holds is out of reach, by one.
  Timeline even = build_timeline(routine_of("Even", {timed_step("A", {.hold = 30, .sides = kBothSides}),
                                                     timed_step("B", {.hold = 40, .sides = kBothSides})}));
  CHECK(even.total == 150s);  // 140 s of holds, two switches of 5 s
  const Seconds landed = fit_timeline(even, 201s).total;
  CHECK((landed == 200s || landed == 202s));
}

TEST_CASE("--fit to a routine's own length says a factor of 1, though floors hold every hold") {
  Timeline timeline = build_timeline(routine_of("Short", {timed_step("A", {.hold = 10, .reps = 3})}));
  const Seconds own = timeline.total;
  const FitReport report = fit_timeline(timeline, own);
  CHECK(report.factor == doctest::Approx(1.0));
  CHECK(report.total == own);
  Timeline longer = build_timeline(sample());
  CHECK(fit_timeline(longer, 210s).factor == doctest::Approx(1.0));
  CHECK(hold_of(longer, 1) == 30s);
}
