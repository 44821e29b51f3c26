#include "plan/resume.hpp"

#include <doctest/doctest.h>

#include "support/routines.hpp"

using namespace psoas;
using namespace psoas::testing;
using namespace std::chrono_literals;

namespace {

// Lunge: prepare 5 · R 30 · rest 10 · R 30 · switch 5 · L 30 · rest 10 · L 30 · Fold 20.
Timeline sample() {
  return build_timeline(routine_of(
      "Sample", {timed_step("Lunge", {.hold = 30, .sides = kBothSides, .reps = 2, .rest = 10, .prepare = 5}),
                 timed_step("Fold", {.hold = 20})}));
}

}  // namespace

TEST_CASE("resuming in a hold puts a get-ready for the same step and side before it") {
  const Timeline timeline = sample();
  const ResumePlan plan = plan_resume(timeline, 5);  // the first left hold
  REQUIRE(plan.inserted == 5u);
  CHECK(plan.first_segment == 5);
  const Segment& ready = plan.timeline.segments[5];
  CHECK(ready.kind == SegmentKind::prepare);
  CHECK(ready.side == Side::left);
  CHECK(ready.duration == kResumeGetReady);
  CHECK(plan.timeline.segments[6].kind == SegmentKind::hold);
  CHECK(plan.timeline.segments[6].start == ready.start + kResumeGetReady);
  CHECK(plan.timeline.total == timeline.total + kResumeGetReady);
  CHECK(plan.timeline.steps[0].segment_count == timeline.steps[0].segment_count + 1);
  CHECK(plan.timeline.steps[1].first_segment == timeline.steps[1].first_segment + 1);
  CHECK(plan.timeline.remaining_from(5) == timeline.remaining_from(5) + kResumeGetReady);
  // Back to the session's own timeline: the get-ready stands for the hold after it.
  CHECK(plan.original_segment(4) == 4);
  CHECK(plan.original_segment(5) == 5);
  CHECK(plan.original_segment(6) == 5);
  CHECK(plan.original_segment(9) == 8);
}

TEST_CASE("resuming in a rest goes on with the hold after it — a get-ready or switch starts again") {
  const Timeline timeline = sample();
  const ResumePlan rest = plan_resume(timeline, 2);
  CHECK(rest.inserted == 3u);
  CHECK(rest.first_segment == 3);
  CHECK(rest.timeline.segments[3].kind == SegmentKind::prepare);
  const ResumePlan switching = plan_resume(timeline, 4);
  CHECK_FALSE(switching.inserted);
  CHECK(switching.first_segment == 4);
  CHECK(switching.timeline.total == timeline.total);
  const ResumePlan at_end = plan_resume(timeline, timeline.segments.size());
  CHECK_FALSE(at_end.inserted);
  CHECK(at_end.first_segment == timeline.segments.size());
}

TEST_CASE("a resume on a hold whose step has no get-ready makes the get-ready the step's first segment") {
  const Timeline timeline = sample();
  const std::size_t fold = timeline.steps[1].first_segment;
  const ResumePlan plan = plan_resume(timeline, fold);
  CHECK(plan.timeline.steps[1].first_segment == fold);
  CHECK(plan.timeline.steps[1].segment_count == 2);
  CHECK(plan.timeline.segments[fold].step == 1);
}
