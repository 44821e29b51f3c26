#include "ui/card.hpp"

#include <doctest/doctest.h>

#include "support/routines.hpp"
#include "ui/text.hpp"

using namespace psoas;
using namespace psoas::testing;

namespace {

Routine sample_routine() {
  Routine routine;
  routine.name = "sample";
  routine.title = "Sample hip routine";
  routine.summary = "A short routine to show every part of a card.";
  routine.tags = {"hips", "demo"};
  routine.equipment = {"mat", "folded blanket"};
  routine.cautions = {"Warm up first.",
                      "Never push into sharp pain; stop and see a clinician if pain persists."};
  Step check = check_step("Warm up");
  check.setup = {"March on the spot."};
  Step lunge =
      timed_step("Kneeling lunge", {.hold = 30, .sides = kBothSides, .reps = 2, .rest = 10, .prepare = 5});
  lunge.setup = {"Kneel on one knee, the other foot flat in front.", "Front knee at 90 degrees."};
  lunge.cues = {"Back flat", "Breathe out"};
  lunge.caution = "Pad the knee.";
  routine.steps = {check, lunge};
  return routine;
}

}  // namespace

TEST_CASE("the text card: title and total, facts, equipment, cautions, numbered steps") {
  const Routine routine = sample_routine();
  const Timeline timeline = build_timeline(routine);
  CardOptions options;
  options.width = 60;
  CHECK(render_card(routine, timeline, options) ==
        R"(Sample hip routine                              total 2m30s+
============================================================
A short routine to show every part of a card.

2 steps · 4 holds · 1 to tick off · tags: hips, demo

Equipment
  [ ] mat
  [ ] folded blanket

Before you start
  ! Warm up first.
  ! Never push into sharp pain; stop and see a clinician if
    pain persists.

Steps (2)

  1 [ ] Warm up                                   until done
        untimed: tick it off when done
        Setup
        - March on the spot.

  2 [ ] Kneeling lunge                                 2m30s
        right, then left · 2 × 30s · rest 10s · switch 5s ·
        get ready 5s
        Setup
        - Kneel on one knee, the other foot flat in front.
        - Front knee at 90 degrees.
        Cues: Back flat · Breathe out
        ! Pad the knee.
)");
}

TEST_CASE("one step's card alone") {
  const Routine routine = sample_routine();
  const Timeline timeline = build_timeline(routine);
  CardOptions options;
  options.width = 60;
  options.only_steps = {1};
  const std::string card = render_card(routine, timeline, options);
  CHECK(card.starts_with("Sample hip routine · step 2 of 2\n\n  2 [ ] Kneeling lunge"));
  CHECK(card.find("Warm up") == std::string::npos);
  CHECK(card.find("Before you start") == std::string::npos);
}

TEST_CASE("several steps' cards, each with its own heading, a blank line apart") {
  const Routine routine = sample_routine();
  const Timeline timeline = build_timeline(routine);
  CardOptions options;
  options.width = 60;
  options.only_steps = {0, 1};
  const std::string card = render_card(routine, timeline, options);
  CHECK(card.starts_with("Sample hip routine · step 1 of 2\n\n  1 [ ] Warm up"));
  CHECK(card.find("\n\nSample hip routine · step 2 of 2\n\n  2 [ ] Kneeling lunge") != std::string::npos);
  options.format = CardFormat::markdown;
  const std::string markdown = render_card(routine, timeline, options);
  CHECK(markdown.starts_with("*Sample hip routine · step 1 of 2*\n\n"));
  CHECK(markdown.find("\n*Sample hip routine · step 2 of 2*\n\n") != std::string::npos);
}

TEST_CASE("the Markdown card: checkboxes for equipment and steps") {
  const Routine routine = sample_routine();
  CardOptions options;
  options.format = CardFormat::markdown;
  CHECK(render_card(routine, build_timeline(routine), options) == R"(# Sample hip routine

**Total:** 2m30s+ · **Steps:** 2 · **Tags:** hips, demo

A short routine to show every part of a card.

## Equipment

- [ ] mat
- [ ] folded blanket

## Before you start

- Warm up first.
- Never push into sharp pain; stop and see a clinician if pain persists.

## Steps

- [ ] **1. Warm up** (until done)
  - March on the spot.

- [ ] **2. Kneeling lunge** (2m30s): right, then left · 2 × 30s · rest 10s · switch 5s · get ready 5s
  - Kneel on one knee, the other foot flat in front.
  - Front knee at 90 degrees.
  - *Cues:* Back flat · Breathe out
  - **Caution:** Pad the knee.
)");
}

TEST_CASE("text wraps to the width given, and never below 40 columns") {
  const Routine routine = sample_routine();
  const Timeline timeline = build_timeline(routine);
  for (const std::size_t width : {40UL, 50UL, 100UL}) {
    CardOptions options;
    options.width = width;
    const std::string card = render_card(routine, timeline, options);
    std::size_t start = 0;
    while (start < card.size()) {
      const std::size_t end = card.find('\n', start);
      CHECK(display_width(std::string_view(card).substr(start, end - start)) <= width);
      start = end + 1;
    }
  }
}

TEST_CASE("Markdown special characters in routine text are escaped") {
  Routine routine = sample_routine();
  routine.title = "Hips *and* [knees]";
  const std::string card = render_card(
      routine, build_timeline(routine),
      {.format = CardFormat::markdown, .width = 80, .color = false, .compact = false, .only_steps = {}});
  CHECK(card.starts_with("# Hips \\*and\\* \\[knees\\]\n"));
}

TEST_CASE(
    "card: each `use` under its routine's heading, the same routine used twice apart, then back to the "
    "routine's own") {
  auto inner = std::make_shared<Routine>(routine_of("Inner", {timed_step("Lunge", {.hold = 20})}));
  inner->name = "inner";
  Step use;
  use.use = "inner";
  use.used = inner;
  Routine outer = routine_of(
      "Outer", {timed_step("Mine first", {.hold = 10}), use, use, timed_step("Mine after", {.hold = 10})});
  outer.name = "outer";
  const Timeline timeline = build_timeline(outer);
  CardOptions options;
  options.width = 60;
  const std::string card = render_card(outer, timeline, options);
  const auto first = card.find("-- Inner (inner) --");
  REQUIRE(first != std::string::npos);
  const auto second = card.find("-- Inner (inner) --", first + 1);
  REQUIRE(second != std::string::npos);  // two uses, two headings
  const auto back = card.find("-- Outer (outer) --", second);
  REQUIRE(back != std::string::npos);
  CHECK(back < card.find("Mine after"));
  CHECK(card.find("-- Outer (outer) --") == back);  // none before the first `use`

  options.format = CardFormat::markdown;
  const std::string markdown = render_card(outer, timeline, options);
  CHECK(markdown.find("*Outer (outer)*") != std::string::npos);
  CHECK(markdown.find("*Outer (outer)*") < markdown.find("Mine after"));
}

TEST_CASE("the card says how often, each step's source, and the notes of the routine and of those it uses") {
  Routine used = sample_routine();
  used.name = "inner";
  used.title = "Inner";
  used.notes = {"Source B says a minute."};
  Routine routine = sample_routine();
  routine.often = "twice a day";
  routine.notes = {"Source A says 30 s; this routine holds 30 s.", "The rests are this program's choice."};
  routine.steps[1].source = "program's choice";
  routine.steps[1].side_label = "kneeling leg";
  Step use;
  use.use = "inner";
  use.used = std::make_shared<const Routine>(used);
  routine.steps.push_back(use);
  const Timeline timeline = build_timeline(routine);
  CardOptions options;
  options.width = 60;
  const std::string card = render_card(routine, timeline, options);
  CHECK(card.find("\nHow often: twice a day\n") != std::string::npos);
  CHECK(card.find("        right, then left (kneeling leg) · 2 × 30s") != std::string::npos);
  CHECK(card.find("        Source: program's choice\n") != std::string::npos);
  CHECK(
      card.ends_with("Notes and sources\n"
                     "  - Source A says 30 s; this routine holds 30 s.\n"
                     "  - The rests are this program's choice.\n"
                     "\n"
                     "  Inner (inner)\n"
                     "  - Source B says a minute.\n"));
  options.format = CardFormat::markdown;
  const std::string markdown = render_card(routine, timeline, options);
  CHECK(markdown.find(" · **How often:** twice a day") != std::string::npos);
  CHECK(markdown.find("  - *Source:* program's choice\n") != std::string::npos);
  CHECK(markdown.find("## Notes and sources\n\n- Source A says 30 s; this routine holds 30 s.\n") !=
        std::string::npos);
}

TEST_CASE(
    "the compact card: one line per step with its sides, side label, hold and first cue, under the "
    "cautions") {
  Routine routine = sample_routine();
  routine.steps[1].side_label = "kneeling leg";
  CardOptions options;
  options.width = 72;
  options.compact = true;
  const std::string head =
      "Sample hip routine · 2m30s+\n"
      "Have at hand: mat, folded blanket\n"
      "! Warm up first.\n"
      "! Never push into sharp pain; stop and see a clinician if pain persists.\n"
      "\n";
  // Too narrow for the cues to be read beside the steps: each on a line of its own.
  CHECK(render_card(routine, build_timeline(routine), options) ==
        head +
            "1 [ ] Warm up         -                                until done\n"
            "      March on the spot.\n"
            "2 [ ] Kneeling lunge  right, then left (kneeling leg)  2 × 30s\n"
            "      Back flat\n");
  options.width = 90;
  CHECK(render_card(routine, build_timeline(routine), options) ==
        head +
            "1 [ ] Warm up         -                                until done  March on the spot.\n"
            "2 [ ] Kneeling lunge  right, then left (kneeling leg)  2 × 30s     Back flat\n");
  options.only_steps = {1};
  CHECK(render_card(routine, build_timeline(routine), options)
            .ends_with("\n2 [ ] Kneeling lunge  right, then left (kneeling leg)  2 × 30s  Back flat\n"));
}
