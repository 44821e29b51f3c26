#include "ui/run_screen.hpp"

#include <algorithm>

#include <doctest/doctest.h>

#include "base/utf8.hpp"
#include "run/key_table.hpp"
#include "ui/big_text.hpp"

using namespace psoas;
using namespace std::chrono_literals;

namespace {

Routine sample() {
  Routine routine;
  routine.title = "Hips";
  routine.cautions = {"Warm up first.", "Never push into sharp pain."};
  routine.equipment = {"mat", "ball"};
  Step lunge;
  lunge.name = "Lunge";
  lunge.hold = Seconds(45);
  lunge.sides = {Side::right, Side::left};
  lunge.reps = 2;
  lunge.cues = {"Back flat", "Breathe out"};
  lunge.setup = {"Kneel on one knee."};
  routine.steps = {lunge};
  return routine;
}

std::string text_of(const FrameLine& line) {
  std::string out;
  for (const Span& span : line) out += span.text;
  return out;
}

std::string screen_text(const Frame& frame) {
  std::string out;
  for (const FrameLine& line : frame.lines) out += text_of(line) + "\n";
  return out;
}

bool contains_block(const Frame& frame, const std::vector<std::string>& block) {
  const std::string text = screen_text(frame);
  for (const std::string& row : block)
    if (text.find(row) == std::string::npos) return false;
  return true;
}

// The scale at which `text` appears in big letters, or 0.
int big_scale(const Frame& frame, std::string_view text) {
  for (int scale = 4; scale >= 1; --scale)
    if (contains_block(frame, big_text(text, scale))) return scale;
  return 0;
}

RunState holding(Nanos remaining) {
  RunState state;
  state.phase = RunPhase::running;
  state.started = true;
  state.segment = 0;
  state.segment_length = 45s;
  state.segment_remaining = remaining;
  state.active = 5s;
  return state;
}

}  // namespace

TEST_CASE(
    "the running screen: step, kind and side, rep, big side, big countdown, cues, progress, next, keys") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  const Frame frame = compose_run_frame(routine, timeline, holding(40s), {80, 30});
  REQUIRE(frame.lines.size() == 30);
  const std::string text = screen_text(frame);
  CHECK(text_of(frame.lines[0]).starts_with("Lunge"));
  CHECK(text_of(frame.lines[0]).ends_with("step 1 of 1"));
  CHECK(text_of(frame.lines[1]).starts_with("HOLD  right side"));
  CHECK(text_of(frame.lines[1]).ends_with("rep 1 of 2"));
  CHECK(big_scale(frame, "RIGHT") == 1);
  CHECK(big_scale(frame, "40") == 3);  // as large as fits beneath the side
  CHECK(text.find("Back flat · Breathe out") != std::string::npos);
  CHECK(text.find("0:05 elapsed · 3:00 left") != std::string::npos);
  CHECK(text.find("Next: Lunge · right · rest") == std::string::npos);  // no rest: the next is the switch
  CHECK(text.find("Next: Lunge · right · hold 45s") != std::string::npos);
  CHECK(text_of(frame.lines[29]).starts_with("space pause"));
  CHECK(frame.title == "0:40 Lunge · 3:00 left · psoas");
}

TEST_CASE("a small terminal keeps the countdown big and drops the side to the header") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  const Frame frame = compose_run_frame(routine, timeline, holding(40s), {60, 16});
  CHECK(big_scale(frame, "40") == 1);
  CHECK(big_scale(frame, "RIGHT") == 0);
  CHECK(text_of(frame.lines[1]).starts_with("HOLD  right side"));
}

TEST_CASE("every line fits the width, at every size down to a tiny terminal") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  for (const TerminalSize size :
       {TerminalSize{200, 60}, TerminalSize{80, 24}, TerminalSize{40, 12}, TerminalSize{20, 6}}) {
    CAPTURE(size.columns);
    const Frame frame = compose_run_frame(routine, timeline, holding(75s), size);
    CHECK(frame.lines.size() == static_cast<std::size_t>(size.rows));
    for (const FrameLine& line : frame.lines)
      CHECK(display_width(text_of(line)) <= static_cast<std::size_t>(size.columns));
  }
}

TEST_CASE("a narrow screen: text left out ends in one ellipsis, the time left stays whole") {
  Routine routine = sample();
  routine.steps[0].setup = {"Kneel on one knee with a folded blanket under it, the other foot flat in front.",
                            "Tuck the tailbone under and shift the hips forward until the front of the hip "
                            "stretches, keeping the front knee over the ankle."};
  routine.steps[0].prepare = Seconds(10);  // segment 0 gets ready: the setup is shown
  const Timeline timeline = build_timeline(routine);
  REQUIRE(timeline.segments[0].kind == SegmentKind::prepare);
  for (const TerminalSize size : {TerminalSize{30, 10}, TerminalSize{50, 15}, TerminalSize{60, 20}}) {
    CAPTURE(size.columns);
    const Frame frame = compose_run_frame(routine, timeline, holding(40s), size);
    const std::string text = screen_text(frame);
    CHECK(text.find("……") == std::string::npos);
    CHECK(text.find("… …") == std::string::npos);
    CHECK(text.find(" 3:45 left\n") != std::string::npos);  // 40 s of getting ready, then 3:05
  }
  // Too narrow for the step's name and "step 1 of 1" with a gap: the name alone.
  const Frame tiny = compose_run_frame(routine, build_timeline(routine), holding(40s), {15, 8});
  CHECK(text_of(tiny.lines[0]).starts_with("Lunge"));
  CHECK(text_of(tiny.lines[0]).find("step") == std::string::npos);
}

TEST_CASE("a minute or more shows as m:ss, under a minute as seconds") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  CHECK(big_scale(compose_run_frame(routine, timeline, holding(75s), {100, 40}), "1:15") == 3);
  CHECK(big_scale(compose_run_frame(routine, timeline, holding(9'200ms), {100, 40}), "10") == 4);
}

TEST_CASE("mid-second, elapsed and left still add up to the total, and left agrees with the countdown") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  RunState state = holding(39'600ms);
  state.active = 5'400ms;
  const Frame frame = compose_run_frame(routine, timeline, state, {80, 30});
  CHECK(screen_text(frame).find("0:05 elapsed · 3:00 left") != std::string::npos);
  CHECK(frame.title.starts_with("0:40 Lunge · 3:00 left"));
}

TEST_CASE("paused: the screen says PAUSED, big and in the footer") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  RunState state = holding(40s);
  state.paused = true;
  const Frame frame = compose_run_frame(routine, timeline, state, {80, 30});
  CHECK(contains_block(frame, big_text("PAUSED", 1)));
  CHECK(screen_text(frame).find("PAUSED  space to resume") != std::string::npos);
  CHECK(frame.title.starts_with("paused "));
}

TEST_CASE("asking to quit, and the key help") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  RunState state = holding(40s);
  state.confirming_quit = true;
  CHECK(screen_text(compose_run_frame(routine, timeline, state, {80, 30})).find("Quit?  y = yes") !=
        std::string::npos);
  state.confirming_quit = false;
  state.showing_help = true;
  const std::string help = screen_text(compose_run_frame(routine, timeline, state, {80, 30}));
  CHECK(help.find("add or take 10 seconds") != std::string::npos);
  // Every row of the key table is there, and nothing else says what keys do.
  for (const KeyBinding& binding : run_key_table()) {
    CHECK(help.find(binding.keys_text) != std::string::npos);
    CHECK(help.find(binding.description) != std::string::npos);
  }
  state.showing_help = false;
  const std::string footer = screen_text(compose_run_frame(routine, timeline, state, {80, 30}));
  CHECK(footer.find("space pause · n skip · b back · +/- 10s · i setup · q quit · ? keys") !=
        std::string::npos);
}

TEST_CASE("the briefing: title, total, cautions, the equipment checklist and how to start") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  RunState state;
  state.equipment_ticked = 1;
  const std::string text = screen_text(compose_run_frame(routine, timeline, state, {80, 24}));
  CHECK(text.starts_with("Hips"));
  CHECK(text.find("3m5s · 1 step") != std::string::npos);
  CHECK(text.find("  ! Never push into sharp pain.") != std::string::npos);
  CHECK(text.find("  [x] mat") != std::string::npos);
  CHECK(text.find("  [ ] ball") != std::string::npos);
  CHECK(text.find("Press Enter to tick off each item.") != std::string::npos);
  state.equipment_ticked = 2;
  CHECK(screen_text(compose_run_frame(routine, timeline, state, {80, 24})).find("Press Enter to start.") !=
        std::string::npos);
  state.equipment_ticked = 0;  // a narrow screen says it shorter, never cut
  CHECK(screen_text(compose_run_frame(routine, timeline, state, {40, 12}))
            .find("Enter ticks an item · q quits\n") != std::string::npos);
}

TEST_CASE(
    "a hold shows its setup for its first seconds, then the cues — both when there is room — i brings the "
    "setup back") {
  Routine routine = sample();
  routine.steps[0].setup = {"Kneel on one knee.", "Front knee over the ankle.", "Tuck the pelvis under.",
                            "Ease the hips forward.", "Keep the chest up."};
  routine.steps[0].cues = {"Back flat", "Breathe out", "Squeeze the glute of the kneeling leg",
                           "Let the front of the hip open a little more with each breath out",
                           "Shoulders soft, jaw soft, eyes ahead"};
  const Timeline timeline = build_timeline(routine);
  const auto text_at = [&](Nanos remaining, TerminalSize size, bool asked = false) {
    RunState state = holding(remaining);
    state.showing_setup = asked;
    return screen_text(compose_run_frame(routine, timeline, state, size));
  };
  const std::string start = text_at(40s, {80, 24});  // 5 s into a 45 s hold
  CHECK(start.find("Kneel on one knee.") != std::string::npos);
  CHECK(start.find("Back flat · Breathe out") == std::string::npos);  // no room for both at 80×24
  const std::string later = text_at(30s, {80, 24});                   // 15 s in: the cues
  CHECK(later.find("Kneel on one knee.") == std::string::npos);
  CHECK(later.find("Back flat · Breathe out") != std::string::npos);
  const std::string asked = text_at(30s, {80, 24}, true);
  CHECK(asked.find("Kneel on one knee.") != std::string::npos);
  const std::string roomy = text_at(30s, {100, 60});  // room for both, all through the hold
  CHECK(roomy.find("Kneel on one knee.") != std::string::npos);
  CHECK(roomy.find("Back flat · Breathe out") != std::string::npos);
}

TEST_CASE("a notice, such as a missing voice, is on the briefing and in the footer for the first seconds") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  const std::vector<std::string> notices = {"--voice needs espeak-ng"};
  RunState briefing;
  CHECK(screen_text(compose_run_frame(routine, timeline, briefing, {80, 24}, true, notices))
            .find("--voice needs") != std::string::npos);
  RunState running = holding(40s);
  running.active = 3s;
  CHECK(text_of(compose_run_frame(routine, timeline, running, {80, 24}, true, notices).lines[23]) ==
        "--voice needs espeak-ng");
  running.active = 30s;
  CHECK(text_of(compose_run_frame(routine, timeline, running, {80, 24}, true, notices).lines[23])
            .starts_with("space pause"));
}

namespace {

// The sample's lunge with a figure: a kneeling lunge, its left thigh worked.
Routine with_figure() {
  Routine routine = sample();
  auto figure = std::make_shared<Figure>();
  figure->side = Side::left;
  const std::vector<Point> places = {{0, 160},  {0, 148},  {0, 145},  {1, 145}, {5, 120},  {6, 120},
                                     {10, 100}, {11, 100}, {0, 98},   {1, 98},  {-30, 70}, {40, 90},
                                     {-60, 60}, {40, 50},  {-70, 50}, {55, 50}};
  for (std::size_t i = 0; i < kJointCount; ++i) figure->joints[i] = places[i];
  figure->worked.push_back({WorkedPart::Kind::bone, Joint::left_hip, Joint::left_knee, {}, 4});
  routine.steps[0].figure.name = "lunge";
  routine.steps[0].figure.figure = figure;
  return routine;
}

bool has_braille(const Frame& frame) {
  return screen_text(frame).find("\xE2\xA0") != std::string::npos ||
         screen_text(frame).find("\xE2\xA1") != std::string::npos ||
         screen_text(frame).find("\xE2\xA2") != std::string::npos ||
         screen_text(frame).find("\xE2\xA3") != std::string::npos;
}

bool has_worked_span(const Frame& frame) {
  for (const FrameLine& line : frame.lines)
    for (const Span& span : line)
      if (span.attributes == kWorkedAttributes) return true;
  return false;
}

}  // namespace

TEST_CASE("a large screen draws the step's figure beside a countdown as big as without it") {
  const Routine routine = with_figure();
  const Timeline timeline = build_timeline(routine);
  const Frame with = compose_run_frame(routine, timeline, holding(40s), {120, 40});
  const Routine plain = sample();
  const Frame without = compose_run_frame(plain, build_timeline(plain), holding(40s), {120, 40});
  CHECK(has_braille(with));
  CHECK(has_worked_span(with));
  CHECK_FALSE(has_braille(without));
  CHECK(big_scale(with, "40") == big_scale(without, "40"));
  CHECK(big_scale(with, "40") >= kReadableScale);
  CHECK(screen_text(with).find("Back flat · Breathe out") != std::string::npos);
  for (const FrameLine& line : with.lines) CHECK(display_width(text_of(line)) <= 120);
}

TEST_CASE("at 80x24 and at 99 columns there is no figure: the countdown keeps the whole screen") {
  const Routine routine = with_figure();
  const Timeline timeline = build_timeline(routine);
  for (const TerminalSize size : {TerminalSize{80, 24}, TerminalSize{99, 40}, TerminalSize{140, 29}}) {
    const Frame with = compose_run_frame(routine, timeline, holding(40s), size);
    const Routine plain = sample();
    const Frame without = compose_run_frame(plain, build_timeline(plain), holding(40s), size);
    CHECK_FALSE(has_braille(with));
    CHECK(screen_text(with) == screen_text(without));
  }
}

TEST_CASE("the figure is drawn once per segment and size, not once a second") {
  const Routine routine = with_figure();
  const Timeline timeline = build_timeline(routine);
  FigureSketches sketches;
  Frame first;
  for (int left = 45; left > 5; --left) {
    const Frame frame = compose_run_frame(routine, timeline, holding(std::chrono::seconds(left)), {120, 40},
                                          true, {}, &sketches);
    if (left == 45) first = frame;
  }
  CHECK(sketches.drawn() == 1);
  CHECK(has_braille(first));
  compose_run_frame(routine, timeline, holding(30s), {130, 40}, true, {}, &sketches);
  CHECK(sketches.drawn() == 2);
}

TEST_CASE("each side's hold shows that side's figure: the mirror image for the other side") {
  const Routine routine = with_figure();
  const Timeline timeline = build_timeline(routine);
  // The sample works the right side first, then the left.
  RunState right = holding(40s);
  RunState left = holding(40s);
  for (std::size_t i = 0; i < timeline.segments.size(); ++i)
    if (timeline.segments[i].kind == SegmentKind::hold && timeline.segments[i].side == Side::left) {
      left.segment = i;
      break;
    }
  REQUIRE(timeline.segments[left.segment].side == Side::left);
  REQUIRE(timeline.segments[right.segment].side == Side::right);
  // At 120 by 40 the figure takes 48 columns and the 34 rows between the two header lines and the bottom.
  const auto sketch_of = [&](Side side) {
    return braille_sketch(draw_figure(for_side(*routine.steps[0].figure.figure, side)), 48, 34);
  };
  // Whether each line of the screen's middle starts with the sketch's line.
  const auto shows = [&](const RunState& state, const std::vector<FrameLine>& sketch) {
    const Frame frame = compose_run_frame(routine, timeline, state, {120, 40});
    for (std::size_t i = 0; i < sketch.size(); ++i) {
      const FrameLine& line = frame.lines[2 + i];
      if (line.size() < sketch[i].size() || !std::equal(sketch[i].begin(), sketch[i].end(), line.begin()))
        return false;
    }
    return true;
  };
  CHECK(shows(left, sketch_of(Side::left)));
  CHECK(shows(right, sketch_of(Side::right)));
  CHECK_FALSE(shows(right, sketch_of(Side::left)));
  CHECK(sketch_of(Side::left) != sketch_of(Side::right));
}

TEST_CASE("a checklist step shows its figure beside its words: there is no countdown to keep") {
  Routine routine = with_figure();
  routine.steps[0].hold.reset();
  routine.steps[0].sides = {Side::none};
  const Timeline timeline = build_timeline(routine);
  RunState state = holding(0s);
  state.segment_length = 0s;
  const Frame frame = compose_run_frame(routine, timeline, state, {120, 40});
  CHECK(has_braille(frame));
  CHECK(screen_text(frame).find("When you are done, press Enter.") != std::string::npos);
}
