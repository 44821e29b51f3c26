#include "ui/printed_card.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <cairo.h>
#include <doctest/doctest.h>

#include "load/builtin_folder.hpp"
#include "load/figure_library.hpp"
#include "load/loader.hpp"
#include "plan/timeline.hpp"
#include "support/temp_dir.hpp"

using namespace psoas;

namespace {

Routine many_steps(std::size_t count) {
  Routine routine;
  routine.name = "long";
  routine.title = "A long routine";
  routine.cautions = {"Go gently.", "Stop at sharp pain."};
  for (std::size_t i = 0; i < count; ++i) {
    Step step;
    step.name = "Step number " + std::to_string(i + 1);
    step.hold = Seconds(30);
    step.cues = {"Breathe slowly and steadily", "Keep the back long"};
    routine.steps.push_back(step);
  }
  return routine;
}

bool overlap(const CardBox& a, const CardBox& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

SearchPath builtins() {
  return SearchPath({{builtin_routines_folder(), Origin::builtin}});
}

}  // namespace

TEST_CASE(
    "a routine of 100 steps takes several pages, every step once, no box over another or off the page") {
  const Routine routine = many_steps(100);
  const Timeline timeline = build_timeline(routine);
  for (const Paper paper : {Paper::a4, Paper::letter}) {
    const CardLayout layout = layout_printed_card(routine, timeline, paper);
    CHECK(layout.pages.size() > 1);
    std::vector<int> seen(100, 0);
    for (const CardPage& page : layout.pages) {
      CHECK(page.full_header == (&page == &layout.pages.front()));
      for (std::size_t i = 0; i < page.boxes.size(); ++i) {
        const CardBox& box = page.boxes[i];
        CHECK(box.x >= kCardMargin - 0.01);
        CHECK(box.y >= kCardMargin + page.header_height - 0.01);
        CHECK(box.x + box.width <= layout.page.width - kCardMargin + 0.01);
        CHECK(box.y + box.height <= layout.page.height - kCardMargin + 0.01);
        for (std::size_t j = 0; j < i; ++j) CHECK_FALSE(overlap(box, page.boxes[j]));
        for (const std::size_t step : layout.entries[page.entries[i]].steps) ++seen[step];
      }
    }
    CHECK(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
  }
}

TEST_CASE("every built-in routine's card fits one page, A4 and letter") {
  const SearchPath path = builtins();
  FigureLibrary figures(path);
  RoutineLoader loader(path, figures);
  for (const FoundRoutine& found : path.list()) {
    const LoadResult loaded = loader.load_file(found.file);
    if (!loaded.routine) continue;  // a plan
    CAPTURE(found.name);
    const Timeline timeline = build_timeline(*loaded.routine);
    for (const Paper paper : {Paper::a4, Paper::letter})
      CHECK(layout_printed_card(*loaded.routine, timeline, paper).pages.size() == 1);
  }
}

TEST_CASE("the same pose on the other side later shares a box that names both steps") {
  Routine routine = many_steps(0);
  for (const Side side : {Side::left, Side::right}) {
    for (const char* name : {"Pigeon", "Fold"}) {
      Step step;
      step.name = name;
      step.hold = Seconds(45);
      step.sides = {side};
      routine.steps.push_back(step);
    }
  }
  const CardLayout layout = layout_printed_card(routine, build_timeline(routine), Paper::a4);
  REQUIRE(layout.entries.size() == 2);
  CHECK(layout.entries[0].steps == std::vector<std::size_t>{0, 2});
  CHECK(layout.entries[1].steps == std::vector<std::size_t>{1, 3});
}

TEST_CASE("a figure renders as the checked-in reference picture, within a few pixels") {
  const std::filesystem::path data = std::filesystem::path(PSOAS_SOURCE_DIR) / "tests" / "data" / "figures";
  const LoadedFigure loaded = load_figure_file(data / "reference.yaml");
  REQUIRE(loaded.figure);
  const std::string png = CairoPictures().figure(draw_figure(*loaded.figure), PictureFormat::png, 400, 300);
  // PSOAS_UPDATE_REFERENCE=1 writes a new reference, after a change meant to move the drawing.
  if (std::getenv("PSOAS_UPDATE_REFERENCE")) {
    std::ofstream(data / "reference.png", std::ios::binary) << png;
    return;
  }
  psoas::testing::TempDir dir;
  const auto made = dir.write("made.png", png);
  cairo_surface_t* mine = cairo_image_surface_create_from_png(made.c_str());
  cairo_surface_t* reference = cairo_image_surface_create_from_png((data / "reference.png").c_str());
  REQUIRE(cairo_surface_status(mine) == CAIRO_STATUS_SUCCESS);
  REQUIRE(cairo_surface_status(reference) == CAIRO_STATUS_SUCCESS);
  REQUIRE(cairo_image_surface_get_width(mine) == cairo_image_surface_get_width(reference));
  REQUIRE(cairo_image_surface_get_height(mine) == cairo_image_surface_get_height(reference));
  const int width = cairo_image_surface_get_width(mine);
  const int height = cairo_image_surface_get_height(mine);
  const int stride = cairo_image_surface_get_stride(mine);
  const unsigned char* a = cairo_image_surface_get_data(mine);
  const unsigned char* b = cairo_image_surface_get_data(reference);
  int differing = 0;
  int inked = 0;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width * 4; x += 4) {
      const int offset = y * stride + x;
      int most = 0;
      for (int channel = 0; channel < 3; ++channel)
        most = std::max(most, std::abs(a[offset + channel] - b[offset + channel]));
      if (most > 48) ++differing;
      if (b[offset] < 128) ++inked;
    }
  }
  cairo_surface_destroy(mine);
  cairo_surface_destroy(reference);
  CHECK(inked > 1000);                       // the reference is a drawing, not a blank page
  CHECK(differing <= width * height / 500);  // 0.2%: antialiasing, not a moved limb
}
