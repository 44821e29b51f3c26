#include "ui/json.hpp"

#include <sstream>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "run/drive.hpp"
#include "support/fake_run.hpp"
#include "support/routines.hpp"

using namespace psoas;
using namespace psoas::testing;
using Json = nlohmann::json;

namespace {

Routine sample() {
  Step lunge = timed_step("Lunge", {.hold = 30, .sides = kBothSides, .prepare = 5});
  lunge.cues = {"Breathe"};
  Routine routine = routine_of("Sample", {check_step("Warm up"), lunge});
  routine.tags = {"hips"};
  routine.equipment = {"mat"};
  routine.cautions = {"Warm up first."};
  routine.file = "/r/sample.yaml";
  return routine;
}

}  // namespace

TEST_CASE("card --json: the routine, its steps and its timeline with start offsets") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  const Json card = Json::parse(card_json(routine, timeline, {}));
  CHECK(card["name"] == "sample");
  CHECK(card["title"] == "Sample");
  CHECK(card["summary"].is_null());
  CHECK(card["equipment"] == Json::array({"mat"}));
  CHECK(card["cautions"] == Json::array({"Warm up first."}));
  CHECK(card["file"] == "/r/sample.yaml");
  CHECK(card["total_seconds"] == 70);
  REQUIRE(card["steps"].size() == 2);
  CHECK(card["steps"][0]["until_done"] == true);
  CHECK(card["steps"][0]["hold_seconds"].is_null());
  CHECK(card["steps"][1]["number"] == 2);
  CHECK(card["steps"][1]["hold_seconds"] == 30);
  CHECK(card["steps"][1]["sides"] == Json::array({"right", "left"}));
  CHECK(card["steps"][1]["cues"] == Json::array({"Breathe"}));
  CHECK(card["steps"][1]["start_seconds"] == 0);
  CHECK(card["steps"][1]["duration_seconds"] == 70);
  const Json& segments = card["segments"];
  REQUIRE(segments.size() == 5);
  CHECK(segments[0]["kind"] == "check");
  CHECK(segments[0]["duration_seconds"].is_null());
  CHECK(segments[1] == Json{{"index", 1},
                            {"kind", "prepare"},
                            {"step", 2},
                            {"side", "right"},
                            {"rep", 1},
                            {"reps", 1},
                            {"start_seconds", 0},
                            {"duration_seconds", 5}});
  CHECK(segments[3]["kind"] == "switch");
  CHECK(segments[4]["start_seconds"] == 40);
  CHECK(Json::parse(card_json(routine, timeline, {1}))["segments"].size() == 4);
}

TEST_CASE("list --json: valid and broken routines") {
  Diagnostic error{"/u/bad.yaml", {3, 5}, Severity::error, "oops"};
  std::vector<RoutineRow> rows = {
      {"good",
       "Good",
       Seconds(90),
       true,
       3,
       {"hips"},
       "daily",
       Origin::builtin,
       false,
       "/b/good.yaml",
       std::nullopt},
      {"bad", "", std::nullopt, false, 0, {}, "", Origin::user, true, "/u/bad.yaml", error}};
  const Json list = Json::parse(list_json(rows));
  REQUIRE(list.size() == 2);
  CHECK(list[0]["total_seconds"] == 90);
  CHECK(list[0]["untimed_steps"] == true);
  CHECK(list[0]["origin"] == "built-in");
  CHECK(list[0]["often"] == "daily");
  CHECK(list[1]["often"].is_null());
  CHECK(list[0]["valid"] == true);
  CHECK(list[0]["error"].is_null());
  CHECK(list[1]["valid"] == false);
  CHECK(list[1]["title"].is_null());
  CHECK(list[1]["shadows_builtin"] == true);
  CHECK(
      list[1]["error"] ==
      Json{{"file", "/u/bad.yaml"}, {"line", 3}, {"column", 5}, {"severity", "error"}, {"message", "oops"}});
}

TEST_CASE("check --json: every file and the verdict") {
  const Json out = Json::parse(check_json(
      {{"a.yaml", 2, Seconds(60), {}},
       {"b.yaml", std::nullopt, std::nullopt, {{"b.yaml", {1, 1}, Severity::error, "file is empty"}}}}));
  CHECK(out["valid"] == false);
  CHECK(out["files"][0]["valid"] == true);
  CHECK(out["files"][0]["steps"] == 2);
  CHECK(out["files"][0]["untimed_steps"] == false);
  CHECK(out["files"][1]["diagnostics"][0]["message"] == "file is empty");
  const Json checklist = Json::parse(check_json({{"a.yaml", 2, Seconds(60), {}, true}}));
  CHECK(checklist["valid"] == true);
  CHECK(checklist["files"][0]["untimed_steps"] == true);
}

TEST_CASE("run --events jsonl: one object per line, for the events scripts follow") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  FakeClock clock;
  std::ostringstream out;
  JsonEventsView view(routine, timeline, out, [] { return WallTime{1'790'000'000'000, 60}; });
  ScriptedInput input(clock, {{at(2s), key(Key::Code::enter)},
                              {at(10s), key(' ')},
                              {at(15s), key(' ')},
                              {at(20s), key('+')},
                              {at(21s), key('n')}});
  Runner runner(timeline, {.first_segment = 0, .briefing = false, .interactive = true}, view);
  drive(runner, clock, input);

  std::vector<Json> events;
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) events.push_back(Json::parse(line));
  std::vector<std::string> names;
  for (const Json& event : events) names.push_back(event["event"]);
  CHECK(names == std::vector<std::string>{"started", "segment", "checked", "segment", "segment", "paused",
                                          "resumed", "time-added", "skipped", "segment", "segment",
                                          "finished"});
  CHECK(events[0]["routine"] == "sample");
  CHECK(events[0]["title"] == "Sample");
  CHECK(events[0]["total_seconds"] == 70);
  CHECK(events[0]["total_seconds"].is_number_float());  // seconds are fractional everywhere in the events
  CHECK(events[0]["time"] == "2026-09-21T15:13:20.000+01:00");
  const Json& hold = events[4];
  CHECK(hold["kind"] == "hold");
  CHECK(hold["step"] == 2);
  CHECK(hold["step_name"] == "Lunge");
  CHECK(hold["side"] == "right");
  CHECK(hold["rep"] == 1);
  CHECK(hold["duration_seconds"] == 30.0);
  CHECK(hold["elapsed_seconds"] == 7.0);
  CHECK(hold["remaining_seconds"] == 65.0);
  CHECK(events[7]["delta_seconds"] == 10.0);
  const Json& finished = events.back();
  CHECK(finished["skipped"] == 1);
  CHECK(finished["paused_seconds"] == 5.0);
  CHECK(finished["held_right_seconds"] == 9.0);  // 3 s, a pause, 6 s
  CHECK(finished["held_left_seconds"] == 30.0);
  CHECK(finished.at("held_unsided_seconds") == 0.0);  // a checklist step holds nothing
}
