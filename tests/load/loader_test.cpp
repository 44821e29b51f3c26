#include "load/loader.hpp"

#include <algorithm>
#include <chrono>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "support/temp_dir.hpp"

using namespace psoas;
using psoas::testing::TempDir;

namespace {

// Every diagnostic of loading `yaml` as test.yaml, one per line.
std::string diagnostics_of(std::string yaml, const SearchPath& search_path = SearchPath({})) {
  RoutineLoader loader(search_path);
  std::string out;
  for (const Diagnostic& diagnostic : loader.load_text("test.yaml", std::move(yaml)).diagnostics)
    out += to_string(diagnostic) + "\n";
  return out;
}

std::shared_ptr<const Routine> load_valid(std::string yaml, const SearchPath& search_path = SearchPath({})) {
  RoutineLoader loader(search_path);
  LoadResult result = loader.load_text("test.yaml", std::move(yaml));
  for (const Diagnostic& diagnostic : result.diagnostics) FAIL_CHECK(to_string(diagnostic));
  REQUIRE(result.routine);
  return result.routine;
}

}  // namespace

TEST_CASE("a complete routine reads into the model, with defaults applied") {
  const auto routine = load_valid(R"(name: test
title: Hips
summary: >
  Two lines
  folded.
tags: [hips, psoas]
equipment: [mat]
cautions:
  - Warm up first.
defaults:
  hold: 40s
  rest: 10s
  switch: 3s
  prepare: 5s
steps:
  - name: Pigeon
    sides: both
    reps: 2
    alternate: true
    setup: Kneel down.
    cues: [Breathe, Soften]
    caution: Knees!
  - name: Lunge
    hold: 1:30
    sides: [left, right]
    rest: 0
    switch: 0s
    prepare: 0
    setup:
      - One
      - Two
  - name: Check
    hold: until-done
)");
  CHECK(routine->name == "test");
  CHECK(routine->title == "Hips");
  CHECK(routine->summary == "Two lines folded.");
  CHECK(routine->tags == std::vector<std::string>{"hips", "psoas"});
  CHECK(routine->equipment == std::vector<std::string>{"mat"});
  CHECK(routine->cautions == std::vector<std::string>{"Warm up first."});
  REQUIRE(routine->steps.size() == 3);

  const Step& pigeon = routine->steps[0];
  CHECK(pigeon.name == "Pigeon");
  CHECK(pigeon.hold == Seconds(40));
  CHECK(pigeon.sides == std::vector{Side::right, Side::left});
  CHECK(pigeon.reps == 2);
  CHECK(pigeon.alternate);
  CHECK(pigeon.rest == Seconds(10));
  CHECK(pigeon.switch_time == Seconds(3));
  CHECK(pigeon.prepare == Seconds(5));
  CHECK(pigeon.setup == std::vector<std::string>{"Kneel down."});
  CHECK(pigeon.cues == std::vector<std::string>{"Breathe", "Soften"});
  CHECK(pigeon.caution == "Knees!");

  const Step& lunge = routine->steps[1];
  CHECK(lunge.hold == Seconds(90));
  CHECK(lunge.sides == std::vector{Side::left, Side::right});
  CHECK(lunge.rest == Seconds(0));
  CHECK(lunge.switch_time == Seconds(0));
  CHECK(lunge.prepare == Seconds(0));
  CHECK(lunge.setup == std::vector<std::string>{"One", "Two"});
  CHECK_FALSE(lunge.alternate);

  CHECK(routine->steps[2].is_check());
}

TEST_CASE("without defaults a step has no sides, one rep, no rest, a 5s switch and no prepare") {
  const auto routine = load_valid("title: T\nsteps:\n  - name: S\n    hold: 30\n");
  const Step& step = routine->steps.at(0);
  CHECK(step.sides == std::vector{Side::none});
  CHECK(step.reps == 1);
  CHECK(step.rest == Seconds(0));
  CHECK(step.switch_time == Seconds(5));
  CHECK(step.prepare == Seconds(0));
  CHECK(routine->name == "test");  // the file's stem when `name` is absent
}

TEST_CASE(
    "an unknown key is an error with a suggestion when one is close, and the key it misspells is not "
    "also missing") {
  // The misspelling is the error to fix: "no hold" would only hide it, being reported first.
  CHECK(diagnostics_of("title: T\nsteps:\n  - name: S\n    hodl: 30s\n") ==
        "test.yaml:4:5: error: unknown key `hodl`; did you mean `hold`?\n");
  CHECK(diagnostics_of("title: T\nsteps:\n  - nmae: S\n    hold: 30s\n") ==
        "test.yaml:3:5: error: unknown key `nmae`; did you mean `name`?\n");
  CHECK(diagnostics_of("titel: T\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:1:1: error: unknown key `titel`; did you mean `title`?\n");
  CHECK(diagnostics_of("title: T\nstesp: [{name: S, hold: 1}]\n") ==
        "test.yaml:2:1: error: unknown key `stesp`; did you mean `steps`?\n");
  // A key that suggests something else leaves the missing one reported.
  CHECK(diagnostics_of("title: T\nsteps:\n  - name: S\n    reest: 30s\n") ==
        "test.yaml:3:5: error: step 1 has no `hold`, and there is no `defaults.hold`\n"
        "test.yaml:4:5: error: unknown key `reest`; did you mean `rest`?\n");
  CHECK(diagnostics_of("title: T\ndefaults: {reest: 5}\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:2:12: error: unknown key `reest`; did you mean `rest`?\n");
}

TEST_CASE("an unknown key with nothing close lists the keys that are allowed") {
  CHECK(diagnostics_of("title: T\ncolour: red\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:2:1: error: unknown key `colour` (a routine's keys are name, title, summary, tags, "
        "equipment, cautions, notes, often, tracks, defaults, steps, rate)\n");
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 1, music: loud}]\n") ==
        "test.yaml:2:28: error: unknown key `music` (a step's keys are name, hold, min-hold, max-hold, "
        "sides, reps, "
        "rest, "
        "switch, prepare, alternate, setup, cues, caution, side-label, source, use, figure)\n");
}

TEST_CASE("a key given twice is an error at its second occurrence") {
  CHECK(diagnostics_of("title: T\nsteps:\n  - name: S\n    hold: 30s\n    hold: 40s\n") ==
        "test.yaml:5:5: error: duplicate key `hold` (first given on line 4)\n");
  CHECK(diagnostics_of("title: A\ntitle: B\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:2:1: error: duplicate key `title` (first given on line 1)\n");
}

TEST_CASE("wrong types are errors at the value") {
  CHECK(diagnostics_of("title: [a, b]\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:1:8: error: `title` must be text, not a list\n");
  CHECK(diagnostics_of("title: T\ntags: hips\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:2:7: error: `tags` must be a list of text, not `hips` (one item is written [hips])\n");
  CHECK(
      diagnostics_of("title: T\ncues: x\nsteps: [{name: S, hold: 1, cues: [a, [b]]}]\n") ==
      "test.yaml:2:1: error: unknown key `cues` (a routine's keys are name, title, summary, tags, equipment, "
      "cautions, notes, often, tracks, defaults, steps, rate)\n"
      "test.yaml:3:38: error: each item of `cues` must be text, not a list\n");
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 1, reps: two}]\n") ==
        "test.yaml:2:34: error: `reps` must be a whole number of at least 1, not `two`\n");
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 1, reps: 0}]\n") ==
        "test.yaml:2:34: error: `reps` must be a whole number of at least 1, not `0`\n");
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 1, reps: 1000}]\n").empty());
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 1, reps: 1000001}]\n") ==
        "test.yaml:2:34: error: `reps` must be at most 1000000, not `1000001`\n");
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 1, reps: 99999999999999999999999}]\n") ==
        "test.yaml:2:34: error: `reps` must be at most 1000000, not `99999999999999999999999`\n");
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 1, reps: \"3\"}]\n") ==
        "test.yaml:2:34: error: `reps` must be a whole number of at least 1, not the text \"3\"\n");
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 1, alternate: yes}]\n") ==
        "test.yaml:2:39: error: `alternate` must be true or false, not `yes`\n");
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 1, sides: up}]\n") ==
        "test.yaml:2:35: error: `sides` must be none, left, right, both, or a list of left and right, "
        "not `up`\n");
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 1, sides: bothh}]\n") ==
        "test.yaml:2:35: error: `sides` must be none, left, right, both, or a list of left and right, "
        "not `bothh`; did you mean `both`?\n");
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 1, sides: [left, both]}]\n") ==
        "test.yaml:2:42: error: each item of `sides` must be left or right, not `both`\n");
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 1, sides: []}]\n") ==
        "test.yaml:2:35: error: `sides` must not be an empty list\n");
  CHECK(diagnostics_of("title: T\nsteps: {name: S}\n") ==
        "test.yaml:2:8: error: `steps` must be a list of steps, not a map\n");
  CHECK(diagnostics_of("title: T\nsteps: [just words]\n") ==
        "test.yaml:2:9: error: step 1 must be a map of step keys (name, hold, ...), not `just words`\n");
  CHECK(diagnostics_of("title: T\ndefaults: 5s\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:2:11: error: `defaults` must be a map of hold, min-hold, max-hold, rest, switch and "
        "prepare, not "
        "`5s`\n");
}

TEST_CASE("text that YAML reads as a map because of a colon gets a hint") {
  CHECK(diagnostics_of("title: T\ncautions:\n  - Careful: knees\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:3:5: error: each item of `cautions` must be text, not a map (text with `: ` in it needs "
        "quotes)\n");
}

TEST_CASE("an empty value is reported at its key") {
  CHECK(diagnostics_of("title:\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:1:1: error: `title` must be text, not empty\n");
  CHECK(diagnostics_of("title: \"  \"\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:1:8: error: `title` must not be empty\n");
}

TEST_CASE("bad durations are errors naming the forms that work, and the rule broken when it is clear") {
  for (const auto& [bad, mistake] : std::vector<std::pair<std::string, std::string>>{
           {"30 secs", ""},
           {"abc", ""},
           {"-5s", "; a duration cannot be negative"},
           {"1.5m", "; use whole seconds, such as 1m30s for a minute and a half"},
           {"1:60", "; after a colon come two digits from 00 to 59, as in 1:30 or 1:02:03"}}) {
    CAPTURE(bad);
    CHECK(diagnostics_of("title: T\nsteps:\n  - name: S\n    hold: " + bad + "\n") ==
          "test.yaml:4:11: error: `hold` must be a duration such as 45s, 2m, 1m30s or 1:30, or until-done, "
          "not `" +
              bad + "`" + mistake + "\n");
  }
  CHECK(
      diagnostics_of("title: T\nsteps: [{name: S, hold: 1, rest: until-done}]\n") ==
      "test.yaml:2:34: error: `rest` must be a duration such as 45s, 2m, 1m30s or 1:30, not `until-done`\n");
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 0}]\n") ==
        "test.yaml:2:25: error: `hold` must be more than zero\n");
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 24h1s}]\n") ==
        "test.yaml:2:25: error: `hold` must be at most 24 hours, not `24h1s`\n");
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 24h}]\n").empty());
  CHECK(diagnostics_of("title: T\ndefaults: {switch: abc}\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:2:20: error: `defaults.switch` must be a duration such as 45s, 2m, 1m30s or 1:30, not "
        "`abc`\n");
}

TEST_CASE("missing required keys are errors at the map that lacks them") {
  CHECK(diagnostics_of("summary: nothing else\n") ==
        "test.yaml:1:1: error: missing required key `title`\n"
        "test.yaml:1:1: error: missing required key `steps`\n");
  CHECK(diagnostics_of("title: T\nsteps:\n  - hold: 30s\n") ==
        "test.yaml:3:5: error: step 1 has no `name`\n");
  CHECK(diagnostics_of("title: T\nsteps: []\n") == "test.yaml:2:8: error: `steps` must not be empty\n");
}

TEST_CASE("a step without hold takes defaults.hold, and until-done may be the default") {
  const auto routine =
      load_valid("title: T\ndefaults: {hold: until-done}\nsteps: [{name: A}, {name: B, hold: 5}]\n");
  CHECK(routine->steps[0].is_check());
  CHECK(routine->steps[1].hold == Seconds(5));
}

TEST_CASE("names must match the name pattern, a name unlike the file's stem is a warning") {
  CHECK(diagnostics_of("name: Pigeon Routine\ntitle: T\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:1:7: error: `name` must be lowercase letters, digits and dashes, starting with a letter "
        "or digit, at most 64 characters; not `Pigeon Routine`\n");
  CHECK(diagnostics_of("name: -x\ntitle: T\nsteps: [{name: S, hold: 1}]\n").find("error: `name` must") !=
        std::string::npos);
  CHECK(diagnostics_of("name: " + std::string(65, 'a') + "\ntitle: T\nsteps: [{name: S, hold: 1}]\n")
            .find("error: `name` must") != std::string::npos);
  CHECK(diagnostics_of("name: other\ntitle: T\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:1:7: warning: `name` is `other` but the file is named `test.yaml`; `test` finds it by its "
        "file name\n");
  RoutineLoader loader{SearchPath({})};
  CHECK(loader.load_text("test.yaml", "name: other\ntitle: T\nsteps: [{name: S, hold: 1}]\n").routine);
}

TEST_CASE("a file whose stem is not a name needs a `name`") {
  RoutineLoader loader{SearchPath({})};
  const LoadResult result = loader.load_text("My Hips.yaml", "title: T\nsteps: [{name: S, hold: 1}]\n");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(to_string(result.diagnostics[0]) ==
        "My Hips.yaml:1:1: error: the file name `My Hips` is not a routine name (lowercase letters, digits "
        "and dashes), and psoas finds routines by file name: rename the file, to `my-hips.yaml` say");
}

TEST_CASE("titles and step names are one line, no text may hold control characters") {
  CHECK(diagnostics_of("title: |\n  two\n  lines\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:1:8: error: `title` must be one line\n");
  CHECK(diagnostics_of("title: \"clear \\e[2J\"\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:1:8: error: `title` contains a control character (U+001B)\n");
  CHECK(diagnostics_of("title: T\ncautions: [\"a\\u0085b\"]\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:2:12: error: each item of `cautions` contains a control character (U+0085)\n");
  // Line breaks are fine where text may run over several lines.
  CHECK(diagnostics_of("title: T\nsummary: |\n  one\n  two\nsteps: [{name: S, hold: 1}]\n").empty());
}

TEST_CASE("YAML escapes that yaml-cpp turns into stray bytes become the characters they mean") {
  // "\N" is U+0085, a control character; "\_" is U+00A0, a no-break space.
  CHECK(diagnostics_of("title: \"a\\Nb\"\nsteps: [{name: S, hold: 1}]\n") ==
        "test.yaml:1:8: error: `title` contains a control character (U+0085)\n");
  const auto routine = load_valid("title: \"a\\_b\"\nsteps: [{name: S, hold: 1}]\n");
  CHECK(routine->title ==
        "a\xC2\xA0"
        "b");
}

TEST_CASE("the whole file is checked: every error is reported, in file order") {
  CHECK(diagnostics_of(
            "title: [x]\nsteps:\n  - name: A\n    hold: soon\n  - name: B\n    reps: -1\n    hold: 1\n") ==
        "test.yaml:1:8: error: `title` must be text, not a list\n"
        "test.yaml:4:11: error: `hold` must be a duration such as 45s, 2m, 1m30s or 1:30, or until-done, not "
        "`soon`\n"
        "test.yaml:6:11: error: `reps` must be a whole number of at least 1, not `-1`\n");
}

TEST_CASE("after 100 errors a file's report stops") {
  std::string yaml = "title: T\nsteps:\n";
  for (int i = 0; i < 150; ++i) yaml += "  - {name: S, hold: bad}\n";
  const std::string report = diagnostics_of(yaml);
  CHECK(std::count(report.begin(), report.end(), '\n') == 101);
  CHECK(report.ends_with("test.yaml:103:21: error: too many errors; stopping after 100\n"));
}

TEST_CASE("the byte checks come first: encoding, NUL, emptiness, the top-level map") {
  CHECK(diagnostics_of("") == "test.yaml:1:1: error: file is empty\n");
  CHECK(diagnostics_of("# only a comment\n\n") == "test.yaml:1:1: error: file is empty\n");
  CHECK(diagnostics_of("title: caf\xE9\n") ==
        "test.yaml:1:11: error: invalid UTF-8 (byte 0xE9); psoas reads UTF-8 only\n");
  CHECK(diagnostics_of("title: ok\nsteps: \xC0\xAF\n") ==
        "test.yaml:2:8: error: invalid UTF-8 (byte 0xC0); psoas reads UTF-8 only\n");
  CHECK(diagnostics_of(std::string("title: a\0b\n", 11)) ==
        "test.yaml:1:9: error: file contains a NUL byte\n");
  CHECK(
      diagnostics_of("- a\n- b\n") ==
      "test.yaml:1:1: error: a routine file must be a map of routine keys (title, steps, ...), not a list\n");
  CHECK(diagnostics_of("just text\n") ==
        "test.yaml:1:1: error: a routine file must be a map of routine keys (title, steps, ...), not `just "
        "text`\n");
  CHECK(diagnostics_of("\xEF\xBB\xBFtitle: T\nsteps: [{name: S, hold: 1}]\n").empty());  // a BOM is fine
}

TEST_CASE("YAML syntax errors take the same form, with 1-based places") {
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 1}\n") ==
        "test.yaml:2:8: error: invalid YAML: the list that begins here is never closed: a `]` is missing at "
        "its end\n");
  CHECK(diagnostics_of("title: T: x\n") ==
        "test.yaml:1:9: error: invalid YAML: illegal map value: text with `: ` in it needs quotes, as in "
        "title: "
        "\"T: x\"\n");
  // A line indented unlike its neighbours: which line, and where it starts.
  CHECK(diagnostics_of("title: T\nsteps:\n  - name: A\n    hold: 5\n   - name: B\n    hold: 5\n") ==
        "test.yaml:5:4: error: invalid YAML: end of sequence not found; line 5 has its `-` at column 4, and "
        "line 3 "
        "at column 3: what belongs together lines up\n");
  CHECK(diagnostics_of("title: T\nsteps:\n  - name: A\n      cues: [a]\n") ==
        "test.yaml:4:11: error: invalid YAML: illegal map value; line 4 starts at column 7, and line 3 at "
        "column 5: "
        "what belongs together lines up\n");
  CHECK(diagnostics_of("title: T\nsteps:\n\t- name: S\n") ==
        "test.yaml:3:1: error: a tab indents this line; YAML indents with spaces only\n");
  CHECK(diagnostics_of("title: T\n---\ntitle: U\n") ==
        "test.yaml:2:1: error: a routine file holds one YAML document, this is a second\n");
  CHECK(diagnostics_of("title: *nothing\n") ==
        "test.yaml:1:8: error: invalid YAML: the referenced anchor is not defined\n");
}

TEST_CASE("columns count characters, not bytes") {
  CHECK(diagnostics_of("title: Ünïcödé\nsteps: [{name: Ü, hold: wöw}]\n") ==
        "test.yaml:2:25: error: `hold` must be a duration such as 45s, 2m, 1m30s or 1:30, or until-done, not "
        "`wöw`\n");
}

TEST_CASE("aliases are read through, without being expanded") {
  const auto routine = load_valid(
      "title: T\nsteps:\n  - name: A\n    hold: 1\n    cues: &c [Breathe, Soften]\n"
      "  - name: B\n    hold: 1\n    cues: *c\n");
  CHECK(routine->steps[1].cues == std::vector<std::string>{"Breathe", "Soften"});
}

TEST_CASE("a self-referencing alias and an alias bomb end at once with an error") {
  const auto start = std::chrono::steady_clock::now();
  CHECK(diagnostics_of("title: &a [x, *a]\nsteps: []\n") ==
        "test.yaml:1:15: error: alias `*a` refers to a node that contains it\n");
  std::string bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char level = 'b'; level <= 'z'; ++level) {
    bomb += std::string(1, level) + ": &" + level + " [";
    for (int i = 0; i < 9; ++i) bomb += std::string(i ? ", *" : "*") + static_cast<char>(level - 1);
    bomb += "]\n";
  }
  const std::string report =
      diagnostics_of("title: T\n" + bomb + "steps:\n  - {name: S, hold: 1, cues: *z}\n");
  CHECK(report.find("error: unknown key `a`") != std::string::npos);
  CHECK(report.find("error: each item of `cues` must be text, not a list") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("deep nesting ends with an error rather than a crash") {
  const std::string deep = "title: T\nsteps: " + std::string(100, '[') + std::string(100, ']') + "\n";
  CHECK(diagnostics_of(deep) == "test.yaml:2:71: error: nesting deeper than 64 levels\n");
  const std::string unclosed = "title: T\nsteps: " + std::string(500'000, '[') + "\n";
  CHECK(diagnostics_of(unclosed).find("error: nesting deeper than 64 levels") != std::string::npos);
  std::string deep_maps = "title: T\nsteps:\n";
  for (int i = 0; i < 200; ++i) deep_maps += std::string(2 * static_cast<std::size_t>(i) + 2, ' ') + "- a:\n";
  CHECK(diagnostics_of(deep_maps).find("error: nesting deeper than 64 levels") != std::string::npos);
}

TEST_CASE("a huge flow sequence is refused early, in little memory") {
  std::string huge = "title: T\nsteps: [";
  while (huge.size() < 1'000'000) huge += "1,";
  huge += "1]\n";
  CHECK(diagnostics_of(huge) ==
        "test.yaml:2:399999: error: more than 200000 YAML nodes; routine files are small\n");
  CHECK(diagnostics_of(huge + std::string(100'000, '#')) ==
        "test.yaml:1:1: error: file is larger than 1 MiB (1100004 bytes)\n");
}

TEST_CASE("`use` steps resolve on the search path, with overrides and cycle detection") {
  TempDir dir;
  dir.write("a/inner.yaml", "title: Inner\ndefaults: {hold: 20s}\nsteps: [{name: I, sides: both}]\n");
  dir.write("a/loop-a.yaml", "title: A\nsteps: [{use: loop-b}]\n");
  dir.write("a/loop-b.yaml", "title: B\nsteps: [{use: loop-a}]\n");
  dir.write("a/self.yaml", "title: S\nsteps: [{use: self}]\n");
  dir.write("a/broken.yaml", "title: B\nsteps: [{name: X, hold: never}]\n");
  const SearchPath search_path({{dir.path() / "a", Origin::path}});

  SUBCASE("a use step stands for the used routine, keeping that routine's defaults") {
    const auto routine =
        load_valid("title: T\ndefaults: {hold: 99}\nsteps:\n  - use: inner\n    reps: 2\n", search_path);
    const Step& use = routine->steps.at(0);
    CHECK(use.is_use());
    REQUIRE(use.used);
    CHECK(use.used->steps.at(0).hold == Seconds(20));
    CHECK(use.overrides.reps == 2);
    CHECK_FALSE(use.overrides.hold);
  }
  SUBCASE("a use step takes only timing keys") {
    CHECK(diagnostics_of("title: T\nsteps:\n  - use: inner\n    name: X\n    hodl: 3\n", search_path) ==
          "test.yaml:4:5: error: `name` is not allowed in a `use` step, which takes only hold, reps, rest, "
          "switch "
          "and prepare\n"
          "test.yaml:5:5: error: unknown key `hodl`; did you mean `hold`?\n");
    CHECK(diagnostics_of("title: T\nsteps: [{use: inner, hold: until-done}]\n", search_path) ==
          "test.yaml:2:28: error: `hold` must be a duration such as 45s, 2m, 1m30s or 1:30, not "
          "`until-done`\n");
  }
  SUBCASE("a name found nowhere lists the folders and suggests close names") {
    CHECK(diagnostics_of("title: T\nsteps: [{use: iner}]\n", search_path) ==
          "test.yaml:2:15: error: no routine named `iner` (searched " + (dir.path() / "a").string() +
              "); did you mean `inner`?\n");
  }
  SUBCASE("a cycle is one error, at the use that starts it, naming the whole cycle") {
    RoutineLoader loader(search_path);
    const LoadResult result = loader.load_file(dir.path() / "a/loop-a.yaml");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].message == "`use` cycle: loop-a -> loop-b -> loop-a");
    CHECK(result.diagnostics[0].file == (dir.path() / "a/loop-a.yaml").string());
    CHECK(result.diagnostics[0].position == SourcePosition{2, 15});
    CHECK_FALSE(result.routine);
    const LoadResult self = loader.load_file(dir.path() / "a/self.yaml");
    REQUIRE(self.diagnostics.size() == 1);
    CHECK(self.diagnostics[0].message == "`use` cycle: self -> self");
  }
  SUBCASE("a routine that uses a cycle it is not part of says so, and where") {
    RoutineLoader loader(search_path);
    const LoadResult result = loader.load_text("outer.yaml", "title: T\nsteps: [{use: loop-a}]\n");
    REQUIRE(result.diagnostics.size() == 2);
    CHECK(to_string(result.diagnostics[0]) ==
          "outer.yaml:2:15: error: the routine `loop-a` used here has errors");
    CHECK(result.diagnostics[1].message == "`use` cycle: loop-a -> loop-b -> loop-a");
    CHECK(result.diagnostics[1].file == (dir.path() / "a/loop-a.yaml").string());
  }
  SUBCASE("a broken used routine is reported at the use and in its own file") {
    const std::string report =
        diagnostics_of("title: T\nsteps: [{use: broken}, {use: broken}]\n", search_path);
    CHECK(report ==
          "test.yaml:2:15: error: the routine `broken` used here has errors\n"
          "test.yaml:2:30: error: the routine `broken` used here has errors\n" +
              (dir.path() / "a/broken.yaml").string() +
              ":2:25: error: `hold` must be a duration such as 45s, 2m, 1m30s or 1:30, or until-done, "
              "not `never`\n");
  }
}

TEST_CASE("a routine that would expand past the size limit is refused, use steps multiplied out") {
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 1, reps: 60000, sides: both}]\n") ==
        "test.yaml:2:1: error: the routine expands to more than 100000 steps and holds\n");
  CHECK(diagnostics_of("title: T\nsteps: [{name: S, hold: 1, reps: 49999, sides: both}]\n").empty());
  TempDir dir;
  std::string thousand_checks = "title: C\nsteps:\n";
  for (int i = 0; i < 1000; ++i) thousand_checks += "  - {name: C, hold: until-done}\n";
  dir.write("c.yaml", thousand_checks);
  std::string hundred_uses = "title: B\nsteps:\n";
  for (int i = 0; i < 100; ++i) hundred_uses += "  - use: c\n";
  dir.write("b.yaml", hundred_uses);
  const SearchPath search_path({{dir.path(), Origin::path}});
  CHECK(diagnostics_of("title: T\nsteps: [{use: b}]\n", search_path).empty());  // 100,000 steps
  CHECK(diagnostics_of("title: T\nsteps: [{use: b}, {name: X, hold: until-done}]\n", search_path) ==
        "test.yaml:2:1: error: the routine expands to more than 100000 steps and holds\n");
}

TEST_CASE(
    "timing that would surprise its author is a warning: until-done timing, a side twice, alternate without "
    "rest") {
  CHECK(
      diagnostics_of("title: T\nsteps:\n  - name: S\n    hold: until-done\n    reps: 4\n    prepare: 5s\n") ==
      "test.yaml:5:5: warning: `reps` does nothing on an until-done step, which is ticked off, not timed\n"
      "test.yaml:6:5: warning: `prepare` does nothing on an until-done step, which is ticked off, not "
      "timed\n");
  CHECK(diagnostics_of("title: T\ndefaults: {hold: until-done}\nsteps:\n  - {name: S, sides: both}\n") ==
        "test.yaml:4:15: warning: `sides` does nothing on an until-done step, which is ticked off, not "
        "timed\n");
  CHECK(
      diagnostics_of("title: T\nsteps:\n  - {name: S, hold: 5s, sides: [left, left]}\n") ==
      "test.yaml:3:32: warning: `sides` has left twice in a row, so a switch from left to left; `reps` gives "
      "several holds on one side\n");
  CHECK(
      diagnostics_of("title: T\nsteps:\n  - {name: S, hold: 5s, sides: both, alternate: true, reps: 2}\n") ==
      "test.yaml:3:38: warning: with `alternate` and no `rest`, each new rep starts on the first side at "
      "once, "
      "with no time to change sides; give `rest` some time\n");
  // What is meant raises nothing: the same steps, well formed.
  CHECK(diagnostics_of(
            "title: T\nsteps:\n  - {name: S, hold: 5s, sides: both, alternate: true, reps: 2, rest: 5s}\n"
            "  - {name: C, hold: until-done, setup: [Tick it]}\n  - {name: L, hold: 5s, sides: [left, right, "
            "left]}\n")
            .empty());
}

TEST_CASE("a chain of 4,000 routines each using the next is one error naming the chain, not a crash") {
  TempDir dir;
  constexpr int kChain = 4000;
  for (int i = 0; i < kChain; ++i)
    dir.write(fmt::format("r{}.yaml", i), i + 1 < kChain
                                              ? fmt::format("title: R\nsteps: [{{use: r{}}}]\n", i + 1)
                                              : std::string("title: R\nsteps: [{name: S, hold: 1}]\n"));
  const SearchPath search_path({{dir.path(), Origin::path}});
  RoutineLoader loader(search_path);
  const LoadResult result = loader.load_file(dir.path() / "r0.yaml");
  CHECK_FALSE(result.routine);
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(to_string(result.diagnostics[0]) ==
        (dir.path() / "r0.yaml").string() +
            ":2:15: error: `use` steps nest more than 64 routines deep: r0 -> r1 -> r2 -> ... -> r63 -> r64");
  // Exactly as deep as allowed loads.
  RoutineLoader fresh(search_path);
  CHECK(fresh.load_file(dir.path() / fmt::format("r{}.yaml", kChain - 64)).routine);
  CHECK_FALSE(fresh.load_file(dir.path() / fmt::format("r{}.yaml", kChain - 65)).routine);
}

TEST_CASE("whether a routine nests too deep does not depend on where the loader met it first") {
  TempDir dir;
  constexpr int kChain = 300;  // past two loading depths, so the first load is cut off
  std::vector<std::filesystem::path> files;
  for (int i = 0; i < kChain; ++i) {
    files.push_back(dir.write(fmt::format("r{}.yaml", i),
                              i + 1 < kChain ? fmt::format("title: R\nsteps: [{{use: r{}}}]\n", i + 1)
                                             : std::string("title: R\nsteps: [{name: S, hold: 1}]\n")));
  }
  const auto loads = [&](int i) { return i >= kChain - static_cast<int>(kMaxUseDepth); };
  const SearchPath search_path({{dir.path(), Origin::path}});
  RoutineLoader loader(search_path);
  // Each of these starts inside a chain an earlier one has already loaded, or cut off.
  for (const int start : {kChain - 70, kChain - 64, kChain - 65, 0, 6, 100, 170, kChain - 1}) {
    CAPTURE(start);
    CHECK((loader.load_file(files[static_cast<std::size_t>(start)]).routine != nullptr) == loads(start));
  }
  const LoadResult inner = loader.load_file(dir.path() / "r100.yaml");
  REQUIRE(inner.diagnostics.size() == 1);
  CHECK(inner.diagnostics[0].message ==
        "`use` steps nest more than 64 routines deep: r100 -> r101 -> r102 -> ... -> r163 -> r164");
  for (int i = 0; i < kChain; ++i) {
    CAPTURE(i);
    CHECK((loader.load_file(files[static_cast<std::size_t>(i)]).routine != nullptr) == loads(i));
  }
  const std::vector<LoadResult> parallel = load_files(search_path, files);
  for (int i = 0; i < kChain; ++i) {
    CAPTURE(i);
    CHECK((parallel[static_cast<std::size_t>(i)].routine != nullptr) == loads(i));
    CHECK(parallel[static_cast<std::size_t>(i)].diagnostics.size() == (loads(i) ? 0U : 1U));
  }
}

TEST_CASE("a chain that forks at every step, far deeper than allowed, is refused quickly") {
  TempDir dir;
  constexpr int kChain = 400;
  for (int i = 0; i < kChain; ++i)
    dir.write(fmt::format("d{}.yaml", i),
              i + 1 < kChain ? fmt::format("title: D\nsteps: [{{use: d{0}}}, {{use: d{0}}}]\n", i + 1)
                             : std::string("title: D\nsteps: [{name: S, hold: 1}]\n"));
  const SearchPath search_path({{dir.path(), Origin::path}});
  RoutineLoader loader(search_path);
  const auto started = std::chrono::steady_clock::now();
  for (const int start : {70, 0, 200}) {
    CAPTURE(start);
    const LoadResult result = loader.load_file(dir.path() / fmt::format("d{}.yaml", start));
    CHECK_FALSE(result.routine);
    REQUIRE_FALSE(result.diagnostics.empty());
    CHECK(result.diagnostics[0].message.starts_with("`use` steps nest more than 64 routines deep"));
  }
  CHECK(loader.load_file(dir.path() / fmt::format("d{}.yaml", kChain - 1)).routine);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(15));
}

TEST_CASE("a bad chain found by an earlier load is still reported by the next routine that meets it") {
  TempDir dir;
  dir.write("loop-a.yaml", "title: A\nsteps: [{use: loop-b}]\n");
  dir.write("loop-b.yaml", "title: B\nsteps: [{use: loop-a}]\n");
  dir.write("outer.yaml", "title: O\nsteps: [{use: loop-b}]\n");
  const SearchPath search_path({{dir.path(), Origin::path}});
  RoutineLoader loader(search_path);
  CHECK_FALSE(loader.load_file(dir.path() / "loop-a.yaml").routine);
  const LoadResult outer = loader.load_file(dir.path() / "outer.yaml");
  CHECK_FALSE(outer.routine);
  REQUIRE(outer.diagnostics.size() == 1);
  CHECK(outer.diagnostics[0].message == "`use` cycle: loop-a -> loop-b -> loop-a");
}

TEST_CASE("sixty-six thousand uses of a broken routine are refused quickly, with at most 100 errors") {
  TempDir dir;
  dir.write("b.yaml", "title: B\nsteps: [{name: X, hold: never}]\n");
  std::string many = "title: M\nsteps:\n";
  while (many.size() < 590'000) many += "- use: b\n";
  const SearchPath search_path({{dir.path(), Origin::path}});
  RoutineLoader loader(search_path);
  const auto started = std::chrono::steady_clock::now();
  const LoadResult result = loader.load_text("many.yaml", many);
  const auto took = std::chrono::steady_clock::now() - started;
  CHECK_FALSE(result.routine);
  CHECK(result.diagnostics.size() == 102);  // 100, "too many", and b's own error
  CHECK(result.diagnostics[100].message == "too many errors; stopping after 100");
  // Only a guard against the quadratic loop this was: 0.5 s here, 2.7 s under ASan on a loaded machine.
  CHECK(took < std::chrono::seconds(15));
}

TEST_CASE("a setup too long to read in the time it is on screen is a warning — the new keys are read") {
  const std::string twenty = "one two three four five six seven eight nine ten";
  CHECK(diagnostics_of("title: T\nsteps:\n  - name: S\n    hold: 20s\n    setup: [" + twenty + ", " + twenty +
                       "]\n")
            .empty());  // 20 words in the hold's first 10 s
  CHECK(diagnostics_of("title: T\nsteps:\n  - name: S\n    hold: 20s\n    setup: [" + twenty + ", " + twenty +
                       ", extra]\n") ==
        "test.yaml:5:5: warning: `setup` has 21 words, more than can be read in the 10s it is on screen "
        "(about 2 "
        "words a second); shorten it, or give `prepare` more time\n");
  CHECK(diagnostics_of("title: T\nsteps:\n  - name: S\n    hold: 8s\n    prepare: 5s\n    sides: both\n"
                       "    switch: 2s\n    setup: [" +
                       twenty + " a b c]\n") ==
        "test.yaml:8:5: warning: `setup` has 13 words, more than can be read in the 6s it is on screen "
        "(about 2 "
        "words a second); shorten it, or give `switch` more time\n");
  const auto routine = load_valid(
      "title: T\noften: twice a day\ntracks: hip flexor\nnotes: [Source A says 30 s.]\nsteps:\n"
      "  - {name: S, hold: 30s, sides: both, side-label: back leg, source: program's choice}\n");
  CHECK(routine->often == "twice a day");
  CHECK(routine->tracks == "hip flexor");
  CHECK(routine->notes == std::vector<std::string>{"Source A says 30 s."});
  CHECK(routine->steps[0].side_label == "back leg");
  CHECK(routine->steps[0].source == "program's choice");
  CHECK(diagnostics_of("title: T\nsteps:\n  - {name: S, hold: 30s, side-label: left leg}\n") ==
        "test.yaml:3:26: warning: `side-label` says what a side means, and this step has no `sides`\n");
}

TEST_CASE("files loaded in parallel give what loading them one by one gives, in their order") {
  TempDir dir;
  dir.write("a/inner.yaml", "title: Inner\ndefaults: {hold: 20s}\nsteps: [{name: I, sides: both}]\n");
  dir.write("a/loop-a.yaml", "title: A\nsteps: [{use: loop-b}]\n");
  dir.write("a/loop-b.yaml", "title: B\nsteps: [{use: loop-a}]\n");
  std::vector<std::filesystem::path> files;
  for (int i = 0; i < 40; ++i) {
    const std::string name = fmt::format("a/r{:02}.yaml", i);
    // Every fifth is broken, every third uses another file.
    dir.write(name,
              i % 5 == 0 ? fmt::format("title: R{}\nsteps: [{{name: X, hold: never}}]\n", i)
              : i % 3 == 0
                  ? fmt::format("title: R{}\nsteps: [{{use: inner}}, {{name: S{}, hold: {}s}}]\n", i, i, i)
                  : fmt::format("title: R{}\nsteps: [{{name: S{}, hold: {}s}}]\n", i, i, i + 1));
    files.push_back(dir.path() / name);
  }
  files.push_back(dir.path() / "a/loop-a.yaml");
  files.push_back(dir.path() / "a/missing.yaml");
  const SearchPath search_path({{dir.path() / "a", Origin::path}});
  const std::vector<LoadResult> parallel = load_files(search_path, files);
  REQUIRE(parallel.size() == files.size());
  RoutineLoader loader(search_path);
  for (std::size_t i = 0; i < files.size(); ++i) {
    CAPTURE(files[i]);
    const LoadResult one = loader.load_file(files[i]);
    REQUIRE((parallel[i].routine == nullptr) == (one.routine == nullptr));
    if (one.routine) {
      CHECK(parallel[i].routine->title == one.routine->title);
      CHECK(parallel[i].routine->steps.size() == one.routine->steps.size());
      CHECK(parallel[i].routine->content_hash == one.routine->content_hash);
    }
    REQUIRE(parallel[i].diagnostics.size() == one.diagnostics.size());
    for (std::size_t d = 0; d < one.diagnostics.size(); ++d)
      CHECK(parallel[i].diagnostics[d].message == one.diagnostics[d].message);
    CHECK(parallel[i].chain_error.has_value() == one.chain_error.has_value());
  }
  CHECK(load_files(search_path, {}).empty());
}
