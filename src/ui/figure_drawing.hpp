#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model/figure.hpp"
#include "term/frame.hpp"

namespace psoas {

// How a shape is drawn, back to front: props, the far side's limbs, the
// near side's, then what the pose works, highlighted.
enum class ShapeLayer : std::uint8_t { prop, far, near, worked };

struct Shape {
  enum class Kind : std::uint8_t { line, circle, disc, rectangle };
  Kind kind = Kind::line;
  ShapeLayer layer = ShapeLayer::near;
  Point a;            // line: one end; circle, disc: the centre; rectangle: a corner
  Point b;            // line: the other end; rectangle: the opposite corner
  double radius = 0;  // circle and disc
  double weight = 3;  // the stroke's width, in the figure's centimetres
};

// A figure as shapes in its own coordinates (centimetres, y up), and the box
// they fill: what the braille sketch and the printed card both draw.
struct FigureDrawing {
  std::vector<Shape> shapes;
  Point low;   // the box's lower-left corner
  Point high;  // and its upper-right
  [[nodiscard]] double width() const { return high.x - low.x; }
  [[nodiscard]] double height() const { return high.y - low.y; }
};

FigureDrawing draw_figure(const Figure& figure);

// What a pose works, in a braille sketch: red, and bold, so that it shows
// without colour too.
inline constexpr Attributes kWorkedAttributes = Attributes::bold_in(Color::red);

// A figure in braille dots (U+2800: 2 by 4 dots a cell): `drawing` scaled to
// fit `columns` by `rows` cells, keeping its proportions (a dot is about as
// wide as it is high), centred. Blank cells are spaces; the cells of the
// pose's worked parts are in kWorkedAttributes.
std::vector<FrameLine> braille_sketch(const FigureDrawing& drawing, std::size_t columns, std::size_t rows);

// A grid of braille dots: the encoding, on its own for tests.
class DotGrid {
 public:
  DotGrid(std::size_t columns, std::size_t rows);
  [[nodiscard]] std::size_t dots_wide() const { return columns_ * 2; }
  [[nodiscard]] std::size_t dots_high() const { return rows_ * 4; }
  // Sets the dot at (x, y), from the top-left; outside the grid, nothing.
  void set(long x, long y, bool worked = false);
  [[nodiscard]] std::vector<FrameLine> lines() const;

 private:
  std::size_t columns_;
  std::size_t rows_;
  std::vector<std::uint8_t> cells_;  // the eight dots of each cell, as U+2800 + bits
  std::vector<bool> worked_;
};

}  // namespace psoas
