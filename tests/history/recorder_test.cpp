#include "history/recorder.hpp"

#include <doctest/doctest.h>

#include "plan/resume.hpp"
#include "run/drive.hpp"
#include "run/runner.hpp"
#include "support/fake_run.hpp"
#include "support/routines.hpp"

using namespace psoas;
using namespace psoas::testing;

namespace {

// Reach: R 30 · switch 5 · L 30; Fold 20: 80 s of holds in 85 s.
Routine sample() {
  Routine routine = routine_of(
      "Sample", {timed_step("Reach", {.hold = 30, .sides = kBothSides}), timed_step("Fold", {.hold = 20})});
  routine.name = "sample";
  routine.content_hash = "abc";
  return routine;
}

struct Recorded {
  Routine routine = sample();
  Timeline timeline = build_timeline(routine);
  FakeClock clock;

  // Runs `timeline` from `first` with `script` and returns the session; wall time is the fake clock's.
  std::optional<Session> run(std::vector<ScriptedInput::Scheduled> script, std::size_t first = 0,
                             const Session* earlier = nullptr, const ResumePlan* plan = nullptr,
                             Side redone = Side::none) {
    const Timeline& shown = plan ? plan->timeline : timeline;
    SessionRecorder recorder(routine, shown, RunTiming{}, 1.0, [&] {
      return WallTime{1'790'000'000'000 + std::chrono::duration_cast<Millis>(clock.elapsed()).count(), 60};
    });
    if (earlier)
      recorder.resume(*earlier, redone,
                      [plan](std::size_t segment) { return plan->original_segment(segment); });
    ScriptedInput input(clock, std::move(script));
    Runner runner(shown, {.first_segment = first, .briefing = false, .interactive = true}, recorder);
    drive(runner, clock, input);
    return recorder.session(runner.state());
  }
};

}  // namespace

TEST_CASE(
    "a run that reaches the end is finished, or partial when more than a tenth of its hold time was "
    "skipped") {
  Recorded all;
  const auto finished = all.run({});
  REQUIRE(finished);
  CHECK(finished->outcome == SessionOutcome::finished);
  CHECK(finished->planned_hold == 80s);
  CHECK(finished->holds == 3);
  CHECK(finished->holds_skipped == 0);
  Recorded a_little;
  const auto eight = a_little.run({{at(80s), key('n')}});  // 5 s of 80 s skipped: under a tenth
  CHECK(eight->outcome == SessionOutcome::finished);
  CHECK(eight->holds_skipped == 1);
  Recorded skipping;
  const auto skipped =
      skipping.run({{at(0s), key('n')}, {at(0s), key('n')}, {at(0s), key('n')}, {at(0s), key('n')}});
  REQUIRE(skipped);
  CHECK(skipped->outcome == SessionOutcome::partial);
  CHECK(skipped->holds_skipped == 3);
  CHECK(skipped->held() == 0s);
}

TEST_CASE("a quit session keeps where it stopped — resuming it extends the same session") {
  Recorded first;
  const auto quit = first.run({{at(50s), key('q')}, {at(50s), key('y')}});  // in the left hold, 15 s in
  REQUIRE(quit);
  CHECK(quit->outcome == SessionOutcome::quit);
  CHECK(quit->stopped_at_segment == 2);
  CHECK(quit->stopped_at_step == 1);
  CHECK(quit->held_right == 30s);
  CHECK(quit->held_left == 15s);
  CHECK(quit->stopped_hold == 15s);
  CHECK(quit->reached_hold == 60s);  // the right hold and the left one it stopped in, not the fold

  Recorded second;
  const ResumePlan plan = plan_resume(second.timeline, 2);
  Session earlier = *quit;
  earlier.uuid = "kept";
  const auto resumed = second.run({}, plan.first_segment, &earlier, &plan, Side::left);
  REQUIRE(resumed);
  CHECK(resumed->uuid == "kept");
  CHECK(resumed->resumed == 1);
  CHECK(resumed->outcome == SessionOutcome::finished);
  CHECK(resumed->held_left == 30s);  // the left hold held again in full, the 15 s before it taken off
  CHECK(resumed->stopped_hold == 0s);
  CHECK(resumed->held_right == 30s);
  CHECK(resumed->planned == quit->planned);
  CHECK(resumed->started.unix_ms == quit->started.unix_ms);
  CHECK_FALSE(resumed->stopped_at_segment);

  Recorded again;
  const auto quit_in_ready = again.run({{at(2s), key('q')}}, plan.first_segment, &earlier, &plan, Side::left);
  CHECK(quit_in_ready->stopped_at_segment == 2);  // the get-ready stands for the hold after it
}
