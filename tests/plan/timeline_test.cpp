#include "plan/timeline.hpp"

#include <sstream>

#include <doctest/doctest.h>

using namespace psoas;

namespace {

Step timed_step(std::string name, int hold, std::vector<Side> sides = {Side::none}) {
  Step step;
  step.name = std::move(name);
  step.hold = Seconds(hold);
  step.sides = std::move(sides);
  return step;
}

// "prepare 5 · hold R 30 · ...": a timeline in a line.
std::string notation(const Timeline& timeline) {
  std::ostringstream out;
  for (std::size_t i = 0; i < timeline.segments.size(); ++i) {
    const Segment& segment = timeline.segments[i];
    if (i > 0) out << " · ";
    out << to_string(segment.kind);
    if (segment.kind == SegmentKind::hold && segment.side != Side::none)
      out << ' ' << (segment.side == Side::right ? 'R' : 'L');
    if (segment.kind != SegmentKind::check) out << ' ' << segment.duration.count();
  }
  return out.str();
}

Routine routine_of(std::vector<Step> steps) {
  Routine routine;
  routine.name = "r";
  routine.title = "R";
  routine.steps = std::move(steps);
  return routine;
}

}  // namespace

TEST_CASE("the format's first example: hold 30s, both sides, 2 reps, rest 10s, switch 5s, prepare 5s") {
  Step step = timed_step("S", 30, {Side::right, Side::left});
  step.reps = 2;
  step.rest = Seconds(10);
  step.switch_time = Seconds(5);
  step.prepare = Seconds(5);
  const Timeline timeline = build_timeline(routine_of({step}));
  CHECK(notation(timeline) ==
        "prepare 5 · hold R 30 · rest 10 · hold R 30 · switch 5 · hold L 30 · rest 10 · hold L 30");
  CHECK(timeline.total == Seconds(150));

  // Segment by segment: side, rep numbering and start offsets.
  const auto& s = timeline.segments;
  REQUIRE(s.size() == 8);
  CHECK(s[0].side == Side::right);
  CHECK(s[0].rep == 1);
  CHECK(s[1].start == Seconds(5));
  CHECK(s[1].rep == 1);
  CHECK(s[1].reps == 2);
  CHECK(s[2].kind == SegmentKind::rest);
  CHECK(s[2].rep == 2);  // the rest before rep 2
  CHECK(s[3].rep == 2);
  CHECK(s[3].start == Seconds(45));
  CHECK(s[4].kind == SegmentKind::switch_sides);
  CHECK(s[4].side == Side::left);  // the side being switched to
  CHECK(s[5].side == Side::left);
  CHECK(s[5].rep == 1);
  CHECK(s[7].start == Seconds(120));
  for (const Segment& segment : s) CHECK(segment.step == 0);
}

TEST_CASE("alternate orders reps R, L, R, L with switches between sides and rests between reps") {
  Step step = timed_step("S", 30, {Side::right, Side::left});
  step.reps = 2;
  step.rest = Seconds(10);
  step.switch_time = Seconds(5);
  step.prepare = Seconds(5);
  step.alternate = true;
  const Timeline timeline = build_timeline(routine_of({step}));
  CHECK(notation(timeline) ==
        "prepare 5 · hold R 30 · switch 5 · hold L 30 · rest 10 · hold R 30 · switch 5 · hold L 30");
  CHECK(timeline.total == Seconds(145));
  CHECK(timeline.segments[5].rep == 2);
  CHECK(timeline.segments[5].side == Side::right);
}

TEST_CASE("zero-length prepare, rest and switch segments are left out") {
  Step step = timed_step("S", 20, {Side::right, Side::left});
  step.reps = 2;
  step.switch_time = Seconds(0);
  const Timeline timeline = build_timeline(routine_of({step}));
  CHECK(notation(timeline) == "hold R 20 · hold R 20 · hold L 20 · hold L 20");
  CHECK(timeline.total == Seconds(80));
}

TEST_CASE("the default switch of 5s appears between sides, a sideless step has none") {
  CHECK(notation(build_timeline(routine_of({timed_step("S", 30, {Side::right, Side::left})}))) ==
        "hold R 30 · switch 5 · hold L 30");
  CHECK(notation(build_timeline(routine_of({timed_step("S", 30)}))) == "hold 30");
}

TEST_CASE("an until-done step is a single check segment, ignoring sides and reps") {
  Step check;
  check.name = "Warm up";
  check.sides = {Side::right, Side::left};
  check.reps = 3;
  check.prepare = Seconds(10);
  const Timeline timeline = build_timeline(routine_of({check, timed_step("S", 30)}));
  CHECK(notation(timeline) == "check · hold 30");
  CHECK(timeline.total == Seconds(30));
  CHECK(timeline.segments[1].start == Seconds(0));
  CHECK(timeline.steps[0].segment_count == 1);
}

TEST_CASE("a use step expands into the used routine's timeline, with its overrides") {
  auto inner =
      std::make_shared<Routine>(routine_of({timed_step("A", 20, {Side::right, Side::left}), Step{}}));
  inner->name = "inner";
  inner->title = "Inner";
  inner->steps[1].name = "Check";  // an until-done step: overrides leave it alone
  inner->steps[0].rest = Seconds(3);

  Step use;
  use.use = "inner";
  use.used = inner;
  use.overrides.hold = Seconds(45);
  use.overrides.reps = 2;
  Routine outer = routine_of({timed_step("First", 10), use});

  const Timeline timeline = build_timeline(outer);
  CHECK(notation(timeline) ==
        "hold 10 · hold R 45 · rest 3 · hold R 45 · switch 5 · hold L 45 · rest 3 · hold L 45 · check");
  REQUIRE(timeline.steps.size() == 3);
  CHECK(timeline.steps[1].routine == "inner");
  CHECK(timeline.steps[1].routine_title == "Inner");
  CHECK(timeline.steps[1].depth == 1);
  CHECK(timeline.steps[1].step.hold == Seconds(45));
  CHECK(timeline.steps[1].first_segment == 1);
  CHECK(timeline.steps[1].segment_count == 7);
  CHECK(timeline.steps[0].depth == 0);
  CHECK(timeline.total == Seconds(10 + 4 * 45 + 3 + 3 + 5));

  SUBCASE("run overrides win over those of use steps, and reach every timed step") {
    TimingOverrides run;
    run.hold = Seconds(5);
    const Timeline overridden = build_timeline(outer, run);
    CHECK(notation(overridden) ==
          "hold 5 · hold R 5 · rest 3 · hold R 5 · switch 5 · hold L 5 · rest 3 · hold L 5 · check");
  }
}

TEST_CASE("nested use steps: the outermost override wins") {
  auto leaf = std::make_shared<Routine>(routine_of({timed_step("Leaf", 20)}));
  Step middle_use;
  middle_use.use = "leaf";
  middle_use.used = leaf;
  middle_use.overrides.hold = Seconds(30);
  middle_use.overrides.prepare = Seconds(2);
  auto middle = std::make_shared<Routine>(routine_of({middle_use}));
  Step outer_use;
  outer_use.use = "middle";
  outer_use.used = middle;
  outer_use.overrides.hold = Seconds(40);
  const Timeline timeline = build_timeline(routine_of({outer_use}));
  CHECK(notation(timeline) == "prepare 2 · hold 40");
  CHECK(timeline.steps[0].depth == 2);
}

TEST_CASE("remaining_from sums the segments from a point to the end") {
  Step step = timed_step("S", 30, {Side::right, Side::left});
  const Timeline timeline = build_timeline(routine_of({step}));
  CHECK(timeline.remaining_from(0) == Seconds(65));
  CHECK(timeline.remaining_from(2) == Seconds(30));
  CHECK(timeline.remaining_from(3) == Seconds(0));
}

TEST_CASE("a step's duration is the sum of its segments, and the first side held is the one worked first") {
  Routine routine =
      routine_of({Step{}, timed_step("Lunge", 30, {Side::left, Side::right}), timed_step("Fold", 20)});
  routine.steps[0].name = "Warm up";  // until-done: no time, no side
  routine.steps[1].prepare = Seconds(5);
  const Timeline timeline = build_timeline(routine);
  CHECK(timeline.step_duration(0) == Seconds(0));
  CHECK(timeline.step_duration(1) == Seconds(5 + 30 + 5 + 30));
  CHECK(timeline.step_duration(2) == Seconds(20));
  CHECK(timeline.first_side() == Side::left);
  CHECK_FALSE(build_timeline(routine_of({timed_step("Fold", 20)})).first_side());
}

TEST_CASE("a plan's favoured side holds half as long again, the other side as written") {
  Step step = timed_step("S", 30, {Side::right, Side::left});
  step.reps = 2;
  Step unsided = timed_step("U", 31, {Side::none});
  TimingOverrides overrides;
  overrides.favoured = Side::left;
  const Timeline timeline = build_timeline(routine_of({step, unsided}), overrides);
  std::vector<std::pair<Side, long>> holds;
  for (const Segment& s : timeline.segments)
    if (s.kind == SegmentKind::hold) holds.emplace_back(s.side, s.duration.count());
  CHECK(holds ==
        std::vector<std::pair<Side, long>>{
            {Side::right, 30}, {Side::right, 30}, {Side::left, 45}, {Side::left, 45}, {Side::none, 31}});
  overrides.hold = Seconds(41);  // with a plan's hold too: rounded up to the second
  const Timeline longer = build_timeline(routine_of({step}), overrides);
  CHECK(longer.segments.back().duration == Seconds(62));
}
