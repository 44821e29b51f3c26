#include "ui/figure_drawing.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace psoas {
namespace {

constexpr double kLimbWeight = 3;
constexpr double kWorkedWeight = 4.5;
constexpr double kPropWeight = 1.5;
constexpr double kMatThickness = 1.5;
constexpr double kChairWidth = 44;
constexpr double kChairBack = 45;
constexpr double kFloorOverhang = 12;

double distance(Point a, Point b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

// The floor's height, for things that stand on it.
double floor_of(const Figure& figure) {
  for (const Prop& prop : figure.props)
    if (prop.kind == PropKind::floor) return prop.at.y;
  return 0;
}

void add_line(FigureDrawing& drawing, Point a, Point b, ShapeLayer layer, double weight) {
  drawing.shapes.push_back({Shape::Kind::line, layer, a, b, 0, weight});
}

// Lines that span the drawing (floor, wall) are added once the rest is measured.
void measure(FigureDrawing& drawing) {
  Point low{std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
  Point high{std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  const auto take = [&](Point p, double pad) {
    low = {std::min(low.x, p.x - pad), std::min(low.y, p.y - pad)};
    high = {std::max(high.x, p.x + pad), std::max(high.y, p.y + pad)};
  };
  for (const Shape& shape : drawing.shapes) {
    const double pad = shape.weight / 2;
    switch (shape.kind) {
      case Shape::Kind::line:
      case Shape::Kind::rectangle:
        take(shape.a, pad);
        take(shape.b, pad);
        break;
      case Shape::Kind::circle:
      case Shape::Kind::disc:
        take(shape.a, shape.radius + pad);
        break;
    }
  }
  drawing.low = low;
  drawing.high = high;
}

}  // namespace

FigureDrawing draw_figure(const Figure& figure) {
  FigureDrawing drawing;
  const double floor_y = floor_of(figure);
  const auto far_side = [&](Joint joint) {
    return figure.view == FigureView::side && side_of(joint) != Side::none && side_of(joint) != figure.near;
  };

  for (const Prop& prop : figure.props) {
    switch (prop.kind) {
      case PropKind::floor:
      case PropKind::wall:
        break;  // after the rest is measured
      case PropKind::mat:
        drawing.shapes.push_back({Shape::Kind::rectangle,
                                  ShapeLayer::prop,
                                  {prop.at.x, floor_y},
                                  {prop.to.x, floor_y + kMatThickness},
                                  0,
                                  kPropWeight});
        break;
      case PropKind::ball:
        drawing.shapes.push_back(
            {Shape::Kind::circle, ShapeLayer::prop, prop.at, {}, prop.radius, kPropWeight});
        break;
      case PropKind::roller:
        drawing.shapes.push_back(
            {Shape::Kind::circle, ShapeLayer::prop, prop.at, {}, prop.radius, kLimbWeight});
        drawing.shapes.push_back(
            {Shape::Kind::circle, ShapeLayer::prop, prop.at, {}, prop.radius * 0.35, kPropWeight});
        break;
      case PropKind::block:
        drawing.shapes.push_back({Shape::Kind::rectangle,
                                  ShapeLayer::prop,
                                  prop.at,
                                  {prop.at.x + prop.size.x, prop.at.y + prop.size.y},
                                  0,
                                  kPropWeight});
        break;
      case PropKind::chair: {
        const double front = prop.facing == Side::right ? 1 : -1;
        const Point seat_front{prop.at.x + front * kChairWidth / 2, prop.at.y};
        const Point seat_back{prop.at.x - front * kChairWidth / 2, prop.at.y};
        add_line(drawing, seat_back, seat_front, ShapeLayer::prop, kLimbWeight);
        add_line(drawing, seat_front, {seat_front.x, floor_y}, ShapeLayer::prop, kPropWeight);
        add_line(drawing, {seat_back.x, seat_back.y + kChairBack}, {seat_back.x, floor_y}, ShapeLayer::prop,
                 kPropWeight);
        break;
      }
      case PropKind::strap:
        add_line(drawing, figure.at(prop.ends[0]), figure.at(prop.ends[1]), ShapeLayer::prop, kPropWeight);
        break;
    }
  }

  // The far side first, so that the near side is drawn over it.
  const Point head = figure.at(Joint::head);
  const Point neck = figure.at(Joint::neck);
  for (const bool far : {true, false}) {
    for (const Bone& bone : figure_bones()) {
      if (bone.from == Joint::neck && bone.to == Joint::head) continue;  // with the head
      if (far_side(bone.to) != far) continue;
      add_line(drawing, figure.at(bone.from), figure.at(bone.to), far ? ShapeLayer::far : ShapeLayer::near,
               kLimbWeight);
    }
  }
  add_line(drawing, neck, mid_hip(figure), ShapeLayer::near, kLimbWeight);
  const double head_neck = distance(head, neck);
  const double radius = head_neck * kHeadRadiusShare;
  drawing.shapes.push_back({Shape::Kind::circle, ShapeLayer::near, head, {}, radius, kLimbWeight});
  const double share = head_neck > 0 ? radius / head_neck : 0;
  add_line(drawing, neck, {head.x + (neck.x - head.x) * share, head.y + (neck.y - head.y) * share},
           ShapeLayer::near, kLimbWeight);

  for (const WorkedPart& part : figure.worked) {
    switch (part.kind) {
      case WorkedPart::Kind::bone: {
        // The spine to a hip is worked down to the middle of the hips.
        const auto end = [&](Joint joint, Joint other) {
          const bool spine = (joint == Joint::left_hip || joint == Joint::right_hip) && other == Joint::neck;
          return spine ? mid_hip(figure) : figure.at(joint);
        };
        add_line(drawing, end(part.from, part.to), end(part.to, part.from), ShapeLayer::worked,
                 kWorkedWeight);
        break;
      }
      case WorkedPart::Kind::joint:
        drawing.shapes.push_back(
            {Shape::Kind::disc, ShapeLayer::worked, figure.at(part.from), {}, kSpotRadius, kPropWeight});
        break;
      case WorkedPart::Kind::spot:
        drawing.shapes.push_back(
            {Shape::Kind::disc, ShapeLayer::worked, part.at, {}, part.radius, kPropWeight});
        break;
    }
  }

  measure(drawing);
  for (const Prop& prop : figure.props) {
    if (prop.kind == PropKind::floor) {
      add_line(drawing, {drawing.low.x - kFloorOverhang, prop.at.y},
               {drawing.high.x + kFloorOverhang, prop.at.y}, ShapeLayer::prop, kPropWeight);
    } else if (prop.kind == PropKind::wall) {
      add_line(drawing, {prop.at.x, floor_y}, {prop.at.x, std::max(drawing.high.y, floor_y + 50)},
               ShapeLayer::prop, kPropWeight);
    }
  }
  // Props go behind everything: a stable sort keeps each layer's order.
  std::stable_sort(drawing.shapes.begin(), drawing.shapes.end(),
                   [](const Shape& a, const Shape& b) { return a.layer < b.layer; });
  measure(drawing);
  return drawing;
}

DotGrid::DotGrid(std::size_t columns, std::size_t rows)
    : columns_(columns), rows_(rows), cells_(columns * rows, 0), worked_(columns * rows, false) {}

void DotGrid::set(long x, long y, bool worked) {
  if (x < 0 || y < 0 || static_cast<std::size_t>(x) >= dots_wide() ||
      static_cast<std::size_t>(y) >= dots_high())
    return;
  const auto column = static_cast<std::size_t>(x);
  const auto row = static_cast<std::size_t>(y);
  // Braille's dot numbering: 1 2 3 7 down the left, 4 5 6 8 down the right.
  static constexpr std::uint8_t kBits[2][4] = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};
  const std::size_t cell = (row / 4) * columns_ + column / 2;
  cells_[cell] = static_cast<std::uint8_t>(cells_[cell] | kBits[column % 2][row % 4]);
  if (worked) worked_[cell] = true;
}

std::vector<FrameLine> DotGrid::lines() const {
  std::vector<FrameLine> out(rows_);
  for (std::size_t row = 0; row < rows_; ++row) {
    for (std::size_t column = 0; column < columns_; ++column) {
      const std::size_t cell = row * columns_ + column;
      const Attributes attributes = worked_[cell] ? kWorkedAttributes : Attributes{};
      if (out[row].empty() || out[row].back().attributes != attributes) out[row].push_back({"", attributes});
      std::string& text = out[row].back().text;
      if (cells_[cell] == 0) {
        text += ' ';
      } else {
        // U+2800 + bits, as UTF-8: E2, A0 + the top two bits, 80 + the low six.
        text += '\xE2';
        text += static_cast<char>(0xA0 | (cells_[cell] >> 6));
        text += static_cast<char>(0x80 | (cells_[cell] & 0x3F));
      }
    }
  }
  return out;
}

std::vector<FrameLine> braille_sketch(const FigureDrawing& drawing, std::size_t columns, std::size_t rows) {
  DotGrid grid(columns, rows);
  if (columns == 0 || rows == 0 || drawing.width() <= 0 || drawing.height() <= 0) return grid.lines();
  const double wide = static_cast<double>(grid.dots_wide() - 1);
  const double high = static_cast<double>(grid.dots_high() - 1);
  const double scale = std::min(wide / drawing.width(), high / drawing.height());
  const double left = (wide - drawing.width() * scale) / 2;
  const double top = (high - drawing.height() * scale) / 2;
  const auto dot_x = [&](double x) { return left + (x - drawing.low.x) * scale; };
  const auto dot_y = [&](double y) { return top + (drawing.high.y - y) * scale; };
  const auto plot = [&](double x, double y, bool worked) {
    grid.set(std::lround(x), std::lround(y), worked);
  };
  const auto line = [&](double x0, double y0, double x1, double y1, bool worked) {
    const double steps = std::max({std::abs(x1 - x0), std::abs(y1 - y0), 1.0});
    const auto count = static_cast<long>(std::ceil(steps));
    for (long i = 0; i <= count; ++i) {
      const double t = static_cast<double>(i) / static_cast<double>(count);
      plot(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, worked);
    }
  };
  for (const Shape& shape : drawing.shapes) {
    const bool worked = shape.layer == ShapeLayer::worked;
    const double ax = dot_x(shape.a.x), ay = dot_y(shape.a.y);
    switch (shape.kind) {
      case Shape::Kind::line:
        line(ax, ay, dot_x(shape.b.x), dot_y(shape.b.y), worked);
        // A worked line is drawn twice as thick, so that it shows without colour too.
        if (worked) line(ax + 1, ay, dot_x(shape.b.x) + 1, dot_y(shape.b.y), true);
        break;
      case Shape::Kind::rectangle: {
        const double bx = dot_x(shape.b.x), by = dot_y(shape.b.y);
        line(ax, ay, bx, ay, worked);
        line(bx, ay, bx, by, worked);
        line(bx, by, ax, by, worked);
        line(ax, by, ax, ay, worked);
        break;
      }
      case Shape::Kind::circle: {
        const double r = shape.radius * scale;
        const auto count = std::max(8L, static_cast<long>(std::ceil(r * 2 * 3.14159265358979 * 1.5)));
        for (long i = 0; i < count; ++i) {
          const double angle = 2 * 3.14159265358979 * static_cast<double>(i) / static_cast<double>(count);
          plot(ax + r * std::cos(angle), ay + r * std::sin(angle), worked);
        }
        break;
      }
      case Shape::Kind::disc: {
        const double r = std::max(shape.radius * scale, 1.0);
        for (double y = std::floor(ay - r); y <= ay + r; ++y)
          for (double x = std::floor(ax - r); x <= ax + r; ++x)
            if (std::hypot(x - ax, y - ay) <= r) plot(x, y, worked);
        break;
      }
    }
  }
  return grid.lines();
}

}  // namespace psoas
