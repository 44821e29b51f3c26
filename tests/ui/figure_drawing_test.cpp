#include "ui/figure_drawing.hpp"

#include <doctest/doctest.h>

using namespace psoas;

namespace {

std::string cell_text(const std::vector<FrameLine>& rows) {
  std::string out;
  for (const FrameLine& row : rows) {
    for (const Span& span : row) out += span.text;
    out += "\n";
  }
  return out;
}

std::size_t cells_of(const std::string& text) {
  std::size_t cells = 0;
  for (const char c : text) cells += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return cells;
}

// A figure whose joints all sit on one horizontal line but its head and feet.
Figure lying() {
  Figure figure;
  for (std::size_t i = 0; i < kJointCount; ++i) figure.joints[i] = {static_cast<double>(i * 10), 10};
  figure.at(Joint::head) = {-12, 10};
  figure.at(Joint::neck) = {0, 10};
  return figure;
}

}  // namespace

TEST_CASE("braille: each of a cell's eight dots has its own bit of U+2800") {
  // Dots 1 2 3 7 run down the left column, 4 5 6 8 down the right.
  const std::vector<std::pair<std::pair<long, long>, std::string>> dots = {
      {{0, 0}, "⠁"}, {{0, 1}, "⠂"}, {{0, 2}, "⠄"}, {{0, 3}, "⡀"},
      {{1, 0}, "⠈"}, {{1, 1}, "⠐"}, {{1, 2}, "⠠"}, {{1, 3}, "⢀"}};
  for (const auto& [place, glyph] : dots) {
    DotGrid grid(1, 1);
    grid.set(place.first, place.second);
    CHECK(cell_text(grid.lines()) == glyph + "\n");
  }
  DotGrid full(1, 1);
  for (long x = 0; x < 2; ++x)
    for (long y = 0; y < 4; ++y) full.set(x, y);
  CHECK(cell_text(full.lines()) == "⣿\n");
}

TEST_CASE("braille: empty cells are spaces, dots outside the grid are dropped, worked cells are marked") {
  DotGrid grid(3, 1);
  grid.set(-1, 0);
  grid.set(6, 0);
  grid.set(2, 0, true);
  const auto rows = grid.lines();
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0].size() == 3);
  CHECK(rows[0][0].text == " ");
  CHECK(rows[0][0].attributes == Attributes{});
  CHECK(rows[0][1].text == "⠁");
  CHECK(rows[0][1].attributes == kWorkedAttributes);
  CHECK(rows[0][2].text == " ");
}

TEST_CASE("a sketch fits the grid, keeps its proportions and is centred") {
  FigureDrawing square;
  square.shapes.push_back({Shape::Kind::rectangle, ShapeLayer::near, {0, 0}, {10, 10}, 0, 0});
  square.low = {0, 0};
  square.high = {10, 10};
  // 10 cells by 2: 20 by 8 dots. A square takes 8 by 8 dots, centred: 6 blank dots each side.
  DotGrid expected(10, 2);
  for (long i = 0; i < 8; ++i) {
    expected.set(6 + i, 0);
    expected.set(6 + i, 7);
    expected.set(6, i);
    expected.set(13, i);
  }
  const auto sketch = braille_sketch(square, 10, 2);
  CHECK(cell_text(sketch) == cell_text(expected.lines()));
  // Every row is the grid's width, in cells.
  for (const FrameLine& row : sketch) {
    std::size_t cells = 0;
    for (const Span& span : row) cells += cells_of(span.text);
    CHECK(cells == 10);
  }
}

TEST_CASE("a figure's drawing: the far side behind the near one, worked parts last") {
  Figure figure = lying();
  figure.near = Side::left;
  figure.worked.push_back({WorkedPart::Kind::bone, Joint::left_hip, Joint::left_knee, {}, 4});
  const FigureDrawing drawing = draw_figure(figure);
  REQUIRE_FALSE(drawing.shapes.empty());
  ShapeLayer last = ShapeLayer::prop;
  std::size_t far_lines = 0;
  for (const Shape& shape : drawing.shapes) {
    CHECK(shape.layer >= last);
    last = shape.layer;
    if (shape.layer == ShapeLayer::far) ++far_lines;
  }
  CHECK(far_lines == 7);  // the right arm and leg, and the girdles out to the right shoulder and hip
  CHECK(drawing.shapes.back().layer == ShapeLayer::worked);
  // The head is a circle 0.65 of the head-neck distance across, inside the box.
  CHECK(drawing.low.x <= -12 - 12 * kHeadRadiusShare);
}

TEST_CASE("the worked part of a sketch is marked, and follows the side when mirrored") {
  Figure figure = lying();
  figure.side = Side::left;
  figure.at(Joint::left_knee) = {80, 40};
  figure.at(Joint::left_hip) = {80, 10};
  figure.worked.push_back({WorkedPart::Kind::bone, Joint::left_hip, Joint::left_knee, {}, 4});
  const auto worked_columns = [](const std::vector<FrameLine>& rows) {
    std::vector<std::size_t> columns;
    for (const FrameLine& row : rows) {
      std::size_t column = 0;
      for (const Span& span : row) {
        if (span.attributes == kWorkedAttributes) columns.push_back(column);
        column += cells_of(span.text);
      }
    }
    return columns;
  };
  const auto left = worked_columns(braille_sketch(draw_figure(figure), 40, 10));
  const auto right = worked_columns(braille_sketch(draw_figure(for_side(figure, Side::right)), 40, 10));
  REQUIRE_FALSE(left.empty());
  REQUIRE_FALSE(right.empty());
  // The worked thigh sits right of the middle as drawn, left of it mirrored.
  CHECK(left.front() > 20);
  CHECK(right.front() < 20);
}

TEST_CASE("a sketch on a terminal: worked cells bold and red, bold alone without colour") {
  DotGrid grid(2, 1);
  grid.set(0, 0);
  grid.set(2, 0, true);
  const FrameLine row = grid.lines().front();
  CHECK(encode_line(row, 80, true) == "⠁\x1b[1;31m⠁\x1b[0m");
  CHECK(encode_line(row, 80, false) == "⠁\x1b[1m⠁\x1b[0m");
}
