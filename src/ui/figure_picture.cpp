#include "ui/figure_picture.hpp"

#include <algorithm>
#include <cmath>

namespace psoas {
namespace {

struct Rgb {
  double r, g, b;
};

Rgb colour_of(ShapeLayer layer) {
  switch (layer) {
    case ShapeLayer::prop:
      return {0.55, 0.55, 0.58};
    case ShapeLayer::far:
      return {0.62, 0.62, 0.62};
    case ShapeLayer::near:
      return {0.1, 0.1, 0.12};
    case ShapeLayer::worked:
      return {0.85, 0.2, 0.1};
  }
  return {0, 0, 0};
}

}  // namespace

void paint_figure(cairo_t* cr, const FigureDrawing& drawing, double x, double y, double width,
                  double height) {
  if (drawing.width() <= 0 || drawing.height() <= 0 || width <= 0 || height <= 0) return;
  const double scale = std::min(width / drawing.width(), height / drawing.height());
  const double left = x + (width - drawing.width() * scale) / 2;
  const double top = y + (height - drawing.height() * scale) / 2;
  const auto at = [&](Point point) {
    return Point{left + (point.x - drawing.low.x) * scale, top + (drawing.high.y - point.y) * scale};
  };
  cairo_save(cr);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  for (const Shape& shape : drawing.shapes) {
    const Rgb colour = colour_of(shape.layer);
    cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
    cairo_set_line_width(cr, std::max(shape.weight * scale, 0.6));
    const Point a = at(shape.a);
    switch (shape.kind) {
      case Shape::Kind::line: {
        const Point b = at(shape.b);
        cairo_move_to(cr, a.x, a.y);
        cairo_line_to(cr, b.x, b.y);
        cairo_stroke(cr);
        break;
      }
      case Shape::Kind::rectangle: {
        const Point b = at(shape.b);
        cairo_rectangle(cr, std::min(a.x, b.x), std::min(a.y, b.y), std::abs(b.x - a.x), std::abs(b.y - a.y));
        cairo_set_source_rgb(cr, 0.88, 0.88, 0.9);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
        cairo_stroke(cr);
        break;
      }
      case Shape::Kind::circle:
        cairo_new_sub_path(cr);
        cairo_arc(cr, a.x, a.y, shape.radius * scale, 0, 2 * M_PI);
        cairo_stroke(cr);
        break;
      case Shape::Kind::disc:
        cairo_new_sub_path(cr);
        cairo_arc(cr, a.x, a.y, shape.radius * scale, 0, 2 * M_PI);
        cairo_set_source_rgba(cr, colour.r, colour.g, colour.b, 0.85);
        cairo_fill(cr);
        break;
    }
  }
  cairo_restore(cr);
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace psoas
