// Every built-in routine is valid and carries its safety notes.
#include <algorithm>
#include <cctype>
#include <filesystem>

#include <doctest/doctest.h>

#include "load/loader.hpp"
#include "load/plan_reader.hpp"
#include "plan/timeline.hpp"

using namespace psoas;

namespace {

const std::filesystem::path kRoutines = std::filesystem::path(PSOAS_SOURCE_DIR) / "routines";

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool mentions(const std::vector<std::string>& cautions, std::initializer_list<const char*> words) {
  return std::any_of(cautions.begin(), cautions.end(), [&](const std::string& caution) {
    const std::string text = lowercase(caution);
    return std::any_of(words.begin(), words.end(),
                       [&](const char* word) { return text.find(word) != std::string::npos; });
  });
}

}  // namespace

TEST_CASE("every built-in routine passes check with no warning, and carries the five cautions") {
  const SearchPath search_path({{kRoutines, Origin::builtin}});
  const auto found = search_path.list();
  REQUIRE(found.size() >= 12);
  RoutineLoader loader(search_path);
  for (const FoundRoutine& routine_file : found) {
    CAPTURE(routine_file.file);
    if (file_is_plan(routine_file.file)) continue;  // the next test's
    const LoadResult result = loader.load_file(routine_file.file);
    for (const Diagnostic& diagnostic : result.diagnostics) FAIL_CHECK(to_string(diagnostic));
    REQUIRE(result.routine);
    const Routine& routine = *result.routine;
    CHECK(routine.name == routine_file.name);
    CHECK(mentions(routine.cautions, {"warm"}));
    CHECK(mentions(routine.cautions, {"breath", "breathe"}));
    CHECK(mentions(routine.cautions, {"control"}));
    CHECK(mentions(routine.cautions, {"sharp pain", "pain means stop", "never push"}));
    CHECK(mentions(routine.cautions, {"doctor", "physio", "clinician"}));
    CHECK(build_timeline(routine).total > Seconds(0));
    // Read on the floor, in the seconds the screen gives: short lines, and no word the sources call for left
    // out.
    for (const Step& step : routine.steps)
      for (const std::string& line : step.setup)
        CHECK_MESSAGE(std::count(line.begin(), line.end(), ' ') < 16, routine.name, ": ", line);
    CHECK(mentions(routine.cautions, {"before you start", "before starting"}));
    CHECK(mentions(routine.cautions, {"snap", "tear", "tendinitis"}));
    CHECK_MESSAGE(!routine.notes.empty(), routine.name);
    // One meaning of a side: each sided step says what its side names, and the routine what its sides track.
    bool sided = false;
    for (const Step& step : routine.steps) {
      if (step.is_use() || step.sides == std::vector{Side::none}) continue;
      sided = true;
      CHECK_MESSAGE(!step.side_label.empty(), routine.name, ": ", step.name);
    }
    if (sided) CHECK_MESSAGE(routine.tracks == "hip flexor", routine.name);
    for (const Step& step : routine.steps)
      if (!step.is_use() && !step.is_check())
        CHECK_MESSAGE(!step.source.empty(), routine.name, ": ", step.name);
  }
}

TEST_CASE("the core built-ins exist, and the pigeon routine holds each side at least 30s") {
  const SearchPath search_path({{kRoutines, Origin::builtin}});
  for (const char* name : {"pigeon-routine", "butterfly", "seated-hip-stretch", "bridge",
                           "kneeling-hip-flexor", "psoas-ball-release", "trigger-point-pressure",
                           "heat-therapy", "supine-leg-raise", "yoga-hips", "desk-break", "psoas-release"}) {
    CAPTURE(name);
    CHECK(search_path.find(name));
  }
  RoutineLoader loader(search_path);
  const auto pigeon = loader.load_file(kRoutines / "pigeon-routine.yaml").routine;
  REQUIRE(pigeon);
  const Timeline timeline = build_timeline(*pigeon);
  CHECK(timeline.segments.front().kind == SegmentKind::check);  // the warm-up check comes first
  Seconds left{0}, right{0};
  for (const Segment& segment : timeline.segments) {
    if (segment.kind != SegmentKind::hold) continue;
    if (timeline.steps[segment.step].step.name == "Pigeon pose") {
      CHECK(segment.duration >= Seconds(30));
      (segment.side == Side::left ? left : right) += segment.duration;
    }
  }
  CHECK(left >= Seconds(30));
  CHECK(right >= Seconds(30));
}

TEST_CASE("psoas-release composes other routines with use") {
  RoutineLoader loader(SearchPath({{kRoutines, Origin::builtin}}));
  const auto routine = loader.load_file(kRoutines / "psoas-release.yaml").routine;
  REQUIRE(routine);
  const auto uses =
      std::count_if(routine->steps.begin(), routine->steps.end(), [](const Step& s) { return s.is_use(); });
  CHECK(uses >= 4);
}

TEST_CASE("the leg raise routine says that the sources disagree about leg raises") {
  RoutineLoader loader(SearchPath({{kRoutines, Origin::builtin}}));
  const auto routine = loader.load_file(kRoutines / "supine-leg-raise.yaml").routine;
  REQUIRE(routine);
  CHECK(mentions(routine->cautions, {"disagree", "contradict"}));
}

TEST_CASE("every built-in plan reads clean, names built-in routines, and says where its numbers come from") {
  const SearchPath search_path({{kRoutines, Origin::builtin}});
  int plans = 0;
  for (const FoundRoutine& file : search_path.list()) {
    if (!file_is_plan(file.file)) continue;
    CAPTURE(file.file);
    ++plans;
    auto source = read_source(file.file);
    REQUIRE(std::holds_alternative<SourceText>(source));
    const ReadPlan read = read_plan(std::get<SourceText>(source));
    for (const Diagnostic& diagnostic : read.diagnostics) FAIL_CHECK(to_string(diagnostic));
    for (const auto& named : read.named_routines) {
      CHECK_MESSAGE(search_path.find(named.name), named.name);
      CHECK_FALSE(file_is_plan(search_path.find(named.name)->file));
    }
    CHECK_FALSE(read.plan.notes.empty());
    CHECK_FALSE(read.plan.summary.empty());
  }
  CHECK(plans == 2);
}
