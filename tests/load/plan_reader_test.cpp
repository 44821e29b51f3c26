#include "load/plan_reader.hpp"

#include <variant>

#include <doctest/doctest.h>

#include "support/inline_source.hpp"

using namespace psoas;
using namespace psoas::testing;

namespace {

ReadPlan read_text(std::string text) {
  return read_plan(inline_source("p.yaml", std::move(text)));
}

std::string errors_of(std::string text) {
  return diagnostics_text(read_text(std::move(text)).diagnostics);
}

}  // namespace

TEST_CASE("a plan file: title, weeks, sides, sessions with days, times and how holds and reps grow") {
  const ReadPlan read = read_text(
      "# a comment first\n"
      "plan:\n"
      "  title: Four weeks\n"
      "  weeks: 4\n"
      "  sides: favour-tighter\n"
      "  notes: [Our choice.]\n"
      "  sessions:\n"
      "    - routine: pigeon-sequence\n"
      "      progress:\n"
      "        hold: {from: 30s, to: 1m, step: 10s, every: week}\n"
      "        reps: {from: 1, to: 3, every: 2 weeks}\n"
      "    - routine: desk-break\n"
      "      days: mon-fri\n"
      "      times: 3\n");
  CHECK(read.diagnostics.empty());
  const Plan& plan = read.plan;
  CHECK(plan.title == "Four weeks");
  CHECK(plan.weeks == 4);
  CHECK(plan.sides == SidePolicy::favour_tighter);
  CHECK(plan.notes == std::vector<std::string>{"Our choice."});
  REQUIRE(plan.sessions.size() == 2);
  CHECK(plan.sessions[0].days == kEveryDay);
  CHECK(plan.sessions[0].hold->from == 30);
  CHECK(plan.sessions[0].hold->to == 60);
  CHECK(plan.sessions[0].hold->step == 10);
  CHECK(plan.sessions[0].hold->every_weeks == 1);
  CHECK(plan.sessions[0].reps->step == 1);
  CHECK(plan.sessions[0].reps->every_weeks == 2);
  CHECK(plan.sessions[1].days == 0x1F);
  CHECK(plan.sessions[1].times_a_day == 3);
  CHECK_FALSE(plan.sessions[1].hold);
  REQUIRE(read.named_routines.size() == 2);
  CHECK(read.named_routines[1].name == "desk-break");
  CHECK(read.named_routines[1].position.line == 12);
}

TEST_CASE("a bad plan file: every error, with its place") {
  CHECK(
      errors_of("plan:\n"
                "  titel: x\n"
                "  weeks: 0\n"
                "  sides: left\n"
                "  sessions:\n"
                "    - routine: Bridge\n"
                "      days: funday\n"
                "      times: 9\n"
                "    - routine: bridge\n"
                "      progress:\n"
                "        hold: {from: 60s, to: 30s, step: 5s}\n"
                "        reps: {from: 0, to: 2, every: fortnight}\n"
                "    - routine: bridge\n") ==
      "p.yaml:2:3: error: unknown key `titel` (did you mean `title`?); a plan has `title`, `summary`, "
      "`weeks`, `sides`, `notes` or `sessions`\n"
      "p.yaml:2:3: error: this plan has no `title`\n"
      "p.yaml:3:10: error: `weeks` is a number of weeks from 1 to 52, not `0`; leave it out for a plan with "
      "no end\n"
      "p.yaml:4:10: error: `sides` is `favour-tighter` or `as-written`, not `left`\n"
      "p.yaml:6:16: error: `routine` must be a routine's name: lowercase letters, digits and dashes, not "
      "`Bridge`\n"
      "p.yaml:7:13: error: `days`: `funday` is not days of the week such as mon-fri, mon,wed,fri, daily, "
      "weekdays or weekends\n"
      "p.yaml:8:14: error: `times` is how many times a day, 1 to 6, not `9`\n"
      "p.yaml:11:15: error: `hold` grows: `to` must not be below `from`\n"
      "p.yaml:12:22: error: `from` of `reps` is a number from 1 to 20, not `0`\n"
      "p.yaml:12:39: error: `every` is `week` or a number of weeks such as `2 weeks`, not `fortnight`\n"
      "p.yaml:13:16: error: `bridge` is in the plan twice (first on line 9); give it `times` instead\n");
  CHECK(errors_of("plan: {title: x}\n") ==
        "p.yaml:1:7: error: this plan has no `sessions`: which routines on which days\n");
  CHECK(errors_of("plan: {title: x, sessions: []}\n") ==
        "p.yaml:1:28: error: `sessions` must be a list, each item with a `routine` and its `days`\n");
  CHECK(errors_of("plan: {title: x, sessions: [{routine: a}]}\nsteps: []\n") ==
        "p.yaml:2:1: error: unknown key `steps`; a plan file has `plan:` only\n");
}

TEST_CASE("a plan is told from a routine by its first line that says something") {
  CHECK(is_plan_text("plan:\n  title: x\n"));
  CHECK(is_plan_text("# a plan\n\n  \nplan:\n"));
  CHECK(is_plan_text("---\nplan: {title: x}\n"));
  CHECK_FALSE(is_plan_text("name: x\nplan: y\n"));
  CHECK_FALSE(is_plan_text("# plan:\ntitle: x\n"));
  CHECK_FALSE(is_plan_text(""));
  CHECK_FALSE(is_plan_text("planner: x\n"));
}
