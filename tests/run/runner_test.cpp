#include "run/runner.hpp"

#include <doctest/doctest.h>

#include "plan/timeline.hpp"
#include "run/drive.hpp"
#include "support/fake_run.hpp"
#include "support/routines.hpp"

using namespace psoas;
using namespace psoas::testing;

namespace {

// Warm up (check) · Lunge: prepare 5 · R 30 · rest 10 · R 30 · switch 5 · L 30 · rest 10 · L 30 · Fold 20.
Routine sample() {
  Routine routine = routine_of(
      "Sample", {check_step("Warm up"),
                 timed_step("Lunge", {.hold = 30, .sides = kBothSides, .reps = 2, .rest = 10, .prepare = 5}),
                 timed_step("Fold", {.hold = 20})});
  routine.equipment = {"mat", "block"};
  return routine;
}

struct Run {
  Routine routine = sample();
  Timeline timeline = build_timeline(routine);
  FakeClock clock;
  RecordingSink sink{clock};

  // Runs to the end with `script`; keys are interactive, no briefing unless asked.
  RunState go(std::vector<ScriptedInput::Scheduled> script,
              RunnerOptions options = {.first_segment = 0, .briefing = false, .interactive = true},
              Nanos oversleep = 0ns) {
    ScriptedInput input(clock, std::move(script), oversleep);
    Runner runner(timeline, options, sink);
    drive(runner, clock, input);
    suspensions = input.suspensions();
    timed_waits = input.timed_waits();
    return runner.state();
  }

  int suspensions = 0;
  int timed_waits = 0;
};

}  // namespace

TEST_CASE("a run with no keys but the check takes exactly the planned time, segment by segment") {
  Run run;
  const RunState end = run.go({{at(3s), key(Key::Code::enter)}});
  CHECK(end.end == RunEnd::finished);
  CHECK(run.clock.elapsed() == 3s + 170s);
  CHECK(end.active == 3s + 170s);
  CHECK(end.completed == run.timeline.segments.size());
  CHECK(end.skipped == 0);
  CHECK(end.held_right == 60s);
  CHECK(end.held_left == 60s);
  CHECK(end.held_unsided == 20s);

  // Each segment begins when the one before it planned to end.
  const auto segments = run.sink.of(RunEventKind::segment);
  REQUIRE(segments.size() == run.timeline.segments.size());
  for (std::size_t i = 1; i < segments.size(); ++i) {
    CAPTURE(i);
    CHECK(segments[i].event.segment == i);
    CHECK(segments[i].at == at(3s + std::chrono::duration_cast<Nanos>(run.timeline.segments[i].start)));
  }
  CHECK(run.sink.of(RunEventKind::started).size() == 1);
  CHECK(run.sink.of(RunEventKind::finished).size() == 1);
}

TEST_CASE("lateness in waking never accumulates: each segment ends on its planned deadline") {
  Run run;
  run.go({{at(0s), key(Key::Code::enter)}}, {.first_segment = 0, .briefing = false, .interactive = true},
         30ms);  // every sleep ends 30 ms late
  const auto segments = run.sink.of(RunEventKind::segment);
  for (std::size_t i = 1; i < segments.size(); ++i) {
    const Instant planned = at(std::chrono::duration_cast<Nanos>(run.timeline.segments[i].start));
    CHECK(segments[i].at - planned <= 30ms);  // late by one oversleep at most, never more
  }
  const auto finished = run.sink.of(RunEventKind::finished);
  REQUIRE(finished.size() == 1);
  CHECK(finished[0].state.active == 170s);
  CHECK(run.clock.elapsed() <= 170s + 30ms);
}

TEST_CASE("between deadlines the run sleeps: about one wake-up per second shown") {
  Run run;
  run.go({{at(0s), key(Key::Code::enter)}});
  // 170 seconds of countdown and a few segment ends: no more wake-ups than that.
  CHECK(run.timed_waits <= 170 + 10);
  CHECK(run.timed_waits >= 160);
  CHECK(run.sink.of(RunEventKind::tick).size() >= 150);
}

TEST_CASE("pause and resume: the paused time is added, not lost") {
  Run run;
  const RunState end = run.go({{at(0s), key(Key::Code::enter)}, {at(10s), key(' ')}, {at(30s), key('p')}});
  CHECK(end.end == RunEnd::finished);
  CHECK(run.clock.elapsed() == 170s + 20s);
  CHECK(end.paused_total == 20s);
  CHECK(end.active == 170s);
  CHECK(run.sink.of(RunEventKind::paused).size() == 1);
  CHECK(run.sink.of(RunEventKind::resumed).size() == 1);
  const auto paused = run.sink.of(RunEventKind::paused)[0].state;
  CHECK(paused.paused);
  CHECK(paused.segment == 2);  // the first right hold, 5 s in
  CHECK(paused.segment_remaining == 25s);
}

TEST_CASE("while paused there is no deadline: nothing wakes the run") {
  Routine routine = sample();
  Timeline timeline = build_timeline(routine);
  FakeClock clock;
  RecordingSink sink(clock);
  Runner runner(timeline, {.first_segment = 1, .briefing = false, .interactive = true}, sink);
  runner.start(at(0s));
  CHECK(runner.next_deadline() == at(1s));
  runner.on_input(key(' '), at(500ms));
  CHECK_FALSE(runner.next_deadline());
  runner.on_input(key(' '), at(10s));
  CHECK(runner.next_deadline() == at(10s + 500ms));
}

TEST_CASE("skip moves on at once and counts the skip") {
  Run run;
  const RunState end =
      run.go({{at(0s), key(Key::Code::enter)}, {at(8s), key('n')}, {at(9s), key(Key::Code::right)}});
  // At 8 s: the first right hold (5 s..35 s) is skipped; at 9 s the rest after it.
  CHECK(end.skipped == 2);
  CHECK(end.holds_skipped == 1);  // the rest skipped is not a hold
  CHECK(run.clock.elapsed() == 170s - 27s - 9s);
  CHECK(end.held_right == 3s + 30s);
  CHECK(run.sink.of(RunEventKind::skipped)[0].event.segment == 2);
}

TEST_CASE("skip on a check segment passes it without ticking it off") {
  Run run;
  const RunState end = run.go({{at(2s), key('n')}});
  CHECK(end.skipped == 1);
  CHECK(run.sink.of(RunEventKind::checked).empty());
}

TEST_CASE("back restarts the segment, twice within 2 s goes back one segment") {
  Run run;
  SUBCASE("once: the segment starts again") {
    const RunState end = run.go({{at(0s), key(Key::Code::enter)}, {at(15s), key('b')}});
    CHECK(run.clock.elapsed() == 170s + 10s);  // 10 s of the first hold done twice
    CHECK(end.held_right == 60s + 10s);
    CHECK(run.sink.of(RunEventKind::back).size() == 1);
  }
  SUBCASE("twice quickly: the previous segment") {
    const RunState end =
        run.go({{at(0s), key(Key::Code::enter)}, {at(15s), key('b')}, {at(16s), key(Key::Code::left)}});
    const auto backs = run.sink.of(RunEventKind::back);
    REQUIRE(backs.size() == 2);
    CHECK(backs[0].event.segment == 2);
    CHECK(backs[1].event.segment == 1);  // the get-ready before it
    CHECK(backs[1].state.segment_remaining == 5s);
    CHECK(backs[1].state.remaining(run.timeline) == run.timeline.remaining_from(1));
    CHECK(run.clock.elapsed() == 16s + 5s + 30s + (170s - 35s));
    CHECK(end.end == RunEnd::finished);
  }
  SUBCASE("twice slowly: restarted twice") {
    run.go({{at(0s), key(Key::Code::enter)}, {at(15s), key('b')}, {at(18s), key('b')}});
    const auto backs = run.sink.of(RunEventKind::back);
    REQUIRE(backs.size() == 2);
    CHECK(backs[1].event.segment == 2);
  }
}

TEST_CASE("+ and - add and take 10 seconds, taking the last seconds ends the segment") {
  Run run;
  SUBCASE("add") {
    const RunState end = run.go({{at(0s), key(Key::Code::enter)}, {at(6s), key('+')}});
    CHECK(run.clock.elapsed() == 180s);
    CHECK(end.added == 10s);
    CHECK(end.held_right == 70s);
    CHECK(run.sink.of(RunEventKind::time_added)[0].event.delta == 10s);
  }
  SUBCASE("take") {
    run.go({{at(0s), key(Key::Code::enter)}, {at(6s), key('-')}});
    CHECK(run.clock.elapsed() == 160s);
  }
  SUBCASE("take past the end") {
    const RunState end = run.go({{at(0s), key(Key::Code::enter)}, {at(30s), key('-')}});
    // The first hold had 5 s left: it ends at once, as completed.
    CHECK(run.clock.elapsed() == 165s);
    CHECK(end.skipped == 0);
    CHECK(end.completed == run.timeline.segments.size());
    // Only the 5 s left are taken: the hold's length is what was done.
    const auto taken = run.sink.of(RunEventKind::time_added);
    REQUIRE(taken.size() == 1);
    CHECK(taken[0].event.delta == -5s);
    CHECK(taken[0].state.segment_length == 25s);
    CHECK(end.added == -5s);
  }
  SUBCASE("pressed again and again, a segment never has a negative length") {
    run.go({{at(0s), key(Key::Code::enter)}, {at(30s), key('-')}, {at(30s), key('-')}, {at(30s), key('-')}});
    for (const auto& taken : run.sink.of(RunEventKind::time_added)) CHECK(taken.state.segment_length >= 0s);
    CHECK(run.sink.of(RunEventKind::time_added).size() == 3);
  }
  SUBCASE("no effect on a check") {
    run.go({{at(1s), key('+')}, {at(2s), key(Key::Code::enter)}});
    CHECK(run.clock.elapsed() == 172s);
  }
}

TEST_CASE("q quits at once in the first 10 seconds, and asks after that") {
  Run run;
  SUBCASE("early") {
    const RunState end = run.go({{at(0s), key(Key::Code::enter)}, {at(9s), key('q')}});
    CHECK(end.end == RunEnd::quit);
    CHECK(run.clock.elapsed() == 9s);
    CHECK(end.held_right == 4s);
    CHECK(end.remaining(run.timeline) == 161s);  // what was left when quitting, not zero
  }
  SUBCASE("later: y quits") {
    const RunState end = run.go({{at(0s), key(Key::Code::enter)}, {at(20s), key('q')}, {at(21s), key('y')}});
    CHECK(end.end == RunEnd::quit);
    CHECK(run.clock.elapsed() == 21s);
    CHECK(run.sink.of(RunEventKind::quit_asked).size() == 1);
    CHECK(end.remaining(run.timeline) == 149s);
    CHECK(run.sink.of(RunEventKind::quit)[0].state.remaining(run.timeline) == 149s);
  }
  SUBCASE("later: anything else keeps going") {
    const RunState end = run.go({{at(0s), key(Key::Code::enter)}, {at(20s), key('q')}, {at(21s), key('n')}});
    CHECK(end.end == RunEnd::finished);
    CHECK(run.sink.of(RunEventKind::quit_cancelled).size() == 1);
    CHECK(end.skipped == 0);  // that n only answered the question
  }
}

TEST_CASE("a check segment waits for Enter or space, however long") {
  Run run;
  const RunState end = run.go({{at(1h), key(' ')}});
  CHECK(end.end == RunEnd::finished);
  CHECK(run.clock.elapsed() == 1h + 170s);
  CHECK(run.sink.of(RunEventKind::checked).size() == 1);
  SUBCASE("p does not pause a check") {
    Run other;
    other.go({{at(1s), key('p')}, {at(2s), key(Key::Code::enter)}});
    CHECK(other.sink.of(RunEventKind::paused).empty());
  }
}

TEST_CASE("without a keyboard a check passes at once") {
  Run run;
  const RunState end = run.go({}, {.first_segment = 0, .briefing = false, .interactive = false});
  CHECK(end.end == RunEnd::finished);
  CHECK(run.clock.elapsed() == 170s);
  CHECK(run.sink.of(RunEventKind::checked).size() == 1);
}

TEST_CASE("the briefing: Enter ticks each piece of equipment, then starts") {
  Run run;
  const RunState end = run.go({{at(1s), key(Key::Code::enter)},
                               {at(2s), key(' ')},  // only Enter ticks
                               {at(3s), key(Key::Code::enter)},
                               {at(4s), key(Key::Code::enter)},
                               {at(5s), key(Key::Code::enter)}},
                              {.first_segment = 0, .briefing = true, .interactive = true});
  const auto briefings = run.sink.of(RunEventKind::briefing);
  REQUIRE(briefings.size() == 3);
  CHECK(briefings[1].state.equipment_ticked == 1);
  CHECK(briefings[2].state.equipment_ticked == 2);
  CHECK(run.sink.of(RunEventKind::started)[0].at == at(4s));
  CHECK(end.started_at == at(4s));
  CHECK(run.clock.elapsed() == 5s + 170s);  // the check took 1 s, the rest ran to plan
}

TEST_CASE("q in the briefing quits before anything starts") {
  Run run;
  const RunState end =
      run.go({{at(1s), key('q')}}, {.first_segment = 0, .briefing = true, .interactive = true});
  CHECK(end.end == RunEnd::quit);
  CHECK(run.sink.of(RunEventKind::started).empty());
}

TEST_CASE("--speed: a scaled clock runs the routine that many times faster") {
  Run run;
  ScaledClock fast(run.clock, 10.0);
  ScriptedInput input(run.clock, {});
  Runner runner(run.timeline, {.first_segment = 1, .briefing = false, .interactive = false}, run.sink);
  drive(runner, fast, input, 10.0);
  CHECK(runner.state().end == RunEnd::finished);
  CHECK(run.clock.elapsed() >= 17s);
  CHECK(run.clock.elapsed() <= 17s + 1ms);
}

TEST_CASE("--from: the run begins at a step's first segment") {
  Run run;
  const std::size_t fold = run.timeline.steps[2].first_segment;
  const RunState end = run.go({}, {.first_segment = fold, .briefing = false, .interactive = true});
  CHECK(run.clock.elapsed() == 20s);
  CHECK(end.first_segment == fold);
  CHECK(run.sink.of(RunEventKind::segment).size() == 1);
  CHECK(run.sink.of(RunEventKind::segment)[0].state.remaining(run.timeline) == 20s);
}

TEST_CASE("--hold and --reps: overrides reach every timed step of the run") {
  Run run;
  TimingOverrides overrides;
  overrides.hold = Seconds(5);
  overrides.reps = 1;
  run.timeline = build_timeline(run.routine, overrides);
  run.go({{at(0s), key(Key::Code::enter)}});
  // prepare 5 · R 5 · switch 5 · L 5 · fold 5
  CHECK(run.clock.elapsed() == 25s);
}

TEST_CASE("a signal ends the run as interrupted, counting the part of the hold done") {
  Run run;
  const RunState end =
      run.go({{at(0s), key(Key::Code::enter)}, {at(12s), signal_event(InputEvent::Kind::interrupt, 15)}});
  CHECK(end.end == RunEnd::interrupted);
  CHECK(end.signal == 15);
  CHECK(end.held_right == 7s);
  CHECK(run.sink.of(RunEventKind::interrupted).size() == 1);
}

TEST_CASE("Ctrl-Z pauses and suspends, after fg the screen is redrawn and the run is still paused") {
  Run run;
  const RunState end = run.go({{at(0s), key(Key::Code::enter)},
                               {at(10s), signal_event(InputEvent::Kind::suspend)},
                               {at(60s), key(' ')}});
  CHECK(run.suspensions == 1);
  CHECK(run.sink.of(RunEventKind::paused).size() == 1);
  CHECK(run.sink.of(RunEventKind::redraw).size() == 1);
  CHECK(run.sink.of(RunEventKind::redraw)[0].state.paused);
  CHECK(end.paused_total == 50s);
  CHECK(run.clock.elapsed() == 170s + 50s);
}

TEST_CASE("a resize asks for a redraw and changes nothing else") {
  Run run;
  const RunState end =
      run.go({{at(0s), key(Key::Code::enter)}, {at(7s), signal_event(InputEvent::Kind::resize)}});
  CHECK(run.sink.of(RunEventKind::redraw).size() == 1);
  CHECK(run.clock.elapsed() == 170s);
  CHECK(end.end == RunEnd::finished);
}

TEST_CASE("the countdown ticks at 3, 2 and 1 seconds left of each hold, not of pauses") {
  Run run;
  run.go({{at(0s), key(Key::Code::enter)}});
  const auto countdown = run.sink.of(RunEventKind::countdown);
  REQUIRE(countdown.size() == 5 * 3);
  CHECK(countdown[0].event.seconds_left == 3);
  CHECK(countdown[1].event.seconds_left == 2);
  CHECK(countdown[2].event.seconds_left == 1);
  CHECK(countdown[0].at == at(32s));  // the first right hold ends at 35 s
  for (const auto& record : countdown)
    CHECK(run.timeline.segments[record.event.segment].kind == SegmentKind::hold);
}

TEST_CASE("? shows the keys and pauses, any key hides them, without acting, and resumes") {
  Run run;
  const RunState end = run.go({{at(0s), key(Key::Code::enter)}, {at(5s), key('?')}, {at(65s), key('n')}});
  CHECK(run.sink.of(RunEventKind::help).size() == 2);
  CHECK(run.sink.of(RunEventKind::help)[0].state.paused);
  CHECK(end.skipped == 0);
  CHECK(end.paused_total == 60s);
  CHECK(run.clock.elapsed() == 170s + 60s);
  SUBCASE("help while paused stays paused when closed") {
    Run other;
    other.go({{at(0s), key(Key::Code::enter)},
              {at(5s), key(' ')},
              {at(6s), key('?')},
              {at(7s), key('x')},
              {at(9s), key(' ')}});
    CHECK(other.sink.of(RunEventKind::resumed).size() == 1);
    CHECK(other.sink.of(RunEventKind::resumed)[0].at == at(9s));
  }
}

TEST_CASE("the runner settles once per call, so a view draws once per change") {
  Run run;
  run.go({{at(0s), key(Key::Code::enter)}});
  CHECK(run.sink.settled >= run.timed_waits);
  CHECK(run.sink.settled <= run.timed_waits + 3);
}

TEST_CASE("i shows the setup again until the segment ends or i is pressed again") {
  Run run;
  const RunState end = run.go(
      {{at(0s), key(Key::Code::enter)}, {at(10s), key('i')}, {at(12s), key('i')}, {at(20s), key('i')}});
  const auto setups = run.sink.of(RunEventKind::setup);
  REQUIRE(setups.size() == 3);
  CHECK(setups[0].state.showing_setup);
  CHECK_FALSE(setups[1].state.showing_setup);
  CHECK(setups[2].state.showing_setup);
  // The next segment begins without it.
  for (const auto& record : run.sink.of(RunEventKind::segment))
    if (record.at > at(20s)) CHECK_FALSE(record.state.showing_setup);
  CHECK(end.end == RunEnd::finished);
}

TEST_CASE("back never goes before where the run began (--from, --resume)") {
  Run run;
  const std::size_t fold = run.timeline.steps[2].first_segment;
  run.go({{at(3s), key('b')}, {at(4s), key('b')}},
         {.first_segment = fold, .briefing = false, .interactive = true});
  const auto backs = run.sink.of(RunEventKind::back);
  REQUIRE(backs.size() == 2);
  CHECK(backs[0].event.segment == fold);
  CHECK(backs[1].event.segment == fold);  // restarted, not the segment before it
  CHECK(run.clock.elapsed() == 4s + 20s);
}

TEST_CASE("a run that begins at once counts psoas's own start-up, so it ends when asked, but not a longer wait") {
  for (const auto& [launched_before, counted] :
       {std::pair{30ms, true}, std::pair{250ms, true}, std::pair{400ms, false}}) {
    CAPTURE(launched_before.count());
    Run run;
    run.clock.set(at(10s));
    ScriptedInput input(run.clock, {});
    Runner runner(run.timeline, {.first_segment = 1, .briefing = false, .interactive = false}, run.sink);
    drive(runner, run.clock, input, 1.0, at(10s) - launched_before);
    const Nanos start = counted ? 10s - launched_before : 10s;
    CHECK(runner.state().started_at == at(start));
    CHECK(run.clock.elapsed() == start + 170s);  // the segments from 1 on, to plan
  }
}

TEST_CASE("a launch after the clock's now is never taken as the start") {
  Run run;
  run.clock.set(at(10s));
  ScriptedInput input(run.clock, {});
  Runner runner(run.timeline, {.first_segment = 1, .briefing = false, .interactive = false}, run.sink);
  drive(runner, run.clock, input, 1.0, at(11s));
  CHECK(runner.state().started_at == at(10s));
  CHECK(run.clock.elapsed() == 10s + 170s);
}
