#include "load/figure_library.hpp"

#include <doctest/doctest.h>

#include "load/loader.hpp"
#include "support/temp_dir.hpp"

using namespace psoas;
using psoas::testing::TempDir;

namespace {

// A valid figure titled `title`, working the left side.
std::string figure_file(const std::string& title) {
  return "title: " + title +
         "\nside: left\njoints:\n"
         "  head: [0, 160]\n  neck: [0, 148]\n  left-shoulder: [0, 145]\n  right-shoulder: [1, 145]\n"
         "  left-elbow: [5, 120]\n  right-elbow: [6, 120]\n  left-wrist: [10, 100]\n  right-wrist: [11, "
         "100]\n"
         "  left-hip: [0, 98]\n  right-hip: [1, 98]\n  left-knee: [-30, 70]\n  right-knee: [40, 90]\n"
         "  left-ankle: [-60, 60]\n  right-ankle: [40, 50]\n  left-toe: [-70, 50]\n  right-toe: [55, 50]\n";
}

// Routine folders as psoas builds them: PSOAS_PATH, the user's, the built-ins.
struct Folders {
  TempDir root;
  SearchPath path{{{root.path() / "path", Origin::path},
                   {root.path() / "config/psoas/routines", Origin::user},
                   {root.path() / "share/psoas/routines", Origin::builtin}}};
};

std::string diagnostics_text(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics) out += to_string(diagnostic) + "\n";
  return out;
}

}  // namespace

TEST_CASE("figures are found beside the routine, then in PSOAS_PATH, the user's folder, the built-ins") {
  Folders f;
  f.root.write("share/psoas/figures/lunge.yaml", figure_file("built-in lunge"));
  f.root.write("share/psoas/figures/bridge.yaml", figure_file("built-in bridge"));
  f.root.write("share/psoas/figures/cobra.yaml", figure_file("built-in cobra"));
  f.root.write("config/psoas/figures/lunge.yaml", figure_file("user lunge"));
  f.root.write("config/psoas/figures/bridge.yaml", figure_file("user bridge"));
  f.root.write("path/figures/lunge.yaml", figure_file("path lunge"));
  f.root.write("elsewhere/figures/lunge.yaml", figure_file("beside lunge"));
  FigureLibrary library(f.path);
  const auto title_of = [&](std::string_view name, const std::filesystem::path& routine = {}) {
    const auto found = library.find(name, routine);
    REQUIRE(found);
    return library.load(found->file).figure->title;
  };
  CHECK(title_of("lunge") == "path lunge");
  CHECK(title_of("bridge") == "user bridge");
  CHECK(title_of("cobra") == "built-in cobra");
  CHECK(title_of("lunge", f.root.path() / "elsewhere/hips.yaml") == "beside lunge");
  CHECK(title_of("cobra", f.root.path() / "elsewhere/hips.yaml") == "built-in cobra");
  CHECK(library.list().size() == 3);
  CHECK_FALSE(library.find("pigeon"));
  CHECK(library.not_found("lnge").find("did you mean `lunge`?") != std::string::npos);
}

TEST_CASE("a loader with a library links each step to its figures, one per side where the step says so") {
  Folders f;
  f.root.write("share/psoas/figures/lunge.yaml", figure_file("lunge"));
  f.root.write("share/psoas/figures/lunge-right.yaml", figure_file("lunge, drawn for the right"));
  FigureLibrary library(f.path);
  RoutineLoader loader(f.path, library);
  const LoadResult result =
      loader.load_text((f.root.path() / "hips.yaml").string(),
                       "title: Hips\nsteps:\n  - {name: A, hold: 30s, figure: lunge}\n"
                       "  - {name: B, hold: 30s, sides: both, figure: {left: lunge, right: lunge-right}}\n"
                       "  - {name: C, hold: 30s}\n");
  REQUIRE(result.routine);
  const auto& steps = result.routine->steps;
  REQUIRE(steps[0].figure.figure);
  CHECK(steps[0].figure.figure->title == "lunge");
  CHECK(steps[1].figure.loaded_for(Side::left)->title == "lunge");
  CHECK(steps[1].figure.loaded_for(Side::right)->title == "lunge, drawn for the right");
  CHECK_FALSE(steps[2].figure.named());
  CHECK(steps[2].figure.loaded_for(Side::left) == nullptr);

  // Without a library the names are kept and nothing is loaded, as `list` wants it.
  RoutineLoader plain(f.path);
  const LoadResult unlinked =
      plain.load_text("hips.yaml", "title: Hips\nsteps:\n  - {name: A, hold: 30s, figure: nowhere}\n");
  REQUIRE(unlinked.routine);
  CHECK(unlinked.routine->steps[0].figure.name == "nowhere");
  CHECK_FALSE(unlinked.routine->steps[0].figure.figure);
}

TEST_CASE(
    "a missing figure is an error at its name, and a broken one's errors are listed once however often used") {
  Folders f;
  f.root.write("share/psoas/figures/lunge.yaml", figure_file("lunge"));
  const auto broken = f.root.write("share/psoas/figures/bent.yaml", "title: Bent\njoints: {}\n");
  FigureLibrary library(f.path);
  RoutineLoader loader(f.path, library);
  const LoadResult result = loader.load_text("hips.yaml",
                                             "title: Hips\nsteps:\n"
                                             "  - {name: A, hold: 30s, figure: lnge}\n"
                                             "  - {name: B, hold: 30s, figure: bent}\n"
                                             "  - {name: C, hold: 30s, figure: {left: bent}}\n");
  CHECK_FALSE(result.routine);
  const std::string text = diagnostics_text(result.diagnostics);
  CHECK(text.find("hips.yaml:3:34: error: no figure named `lnge`") != std::string::npos);
  CHECK(text.find("did you mean `lunge`?") != std::string::npos);
  CHECK(text.find("hips.yaml:4:34: error: the figure `bent`") != std::string::npos);
  CHECK(text.find("hips.yaml:5:41: error: the figure `bent`") != std::string::npos);
  const std::string lacks = broken.string() + ":2:9: error: `joints` lacks";
  const auto first = text.find(lacks);
  REQUIRE(first != std::string::npos);
  CHECK(text.find(lacks, first + 1) == std::string::npos);
}

TEST_CASE("a step's figure key: a name, or a map of sides with at least one") {
  const auto errors = [](const std::string& figure) {
    RoutineLoader loader(SearchPath({}));
    return diagnostics_text(
        loader
            .load_text("t.yaml", "title: T\nsteps:\n  - name: A\n    hold: 30s\n    figure: " + figure + "\n")
            .diagnostics);
  };
  CHECK(errors("{}") ==
        "t.yaml:5:13: error: `figure` names a figure, or one for `left:` and one for `right:`\n");
  CHECK(
      errors("{left: a, up: b}") ==
      "t.yaml:5:23: error: `figure` names one figure, or one per side with `left:` and `right:`, not `up`\n");
  CHECK(errors("My Pose") ==
        "t.yaml:5:13: error: `figure` must name a figure (lowercase letters, digits and dashes), not `My "
        "Pose`\n");
  CHECK(errors("pigeon").empty());
}
