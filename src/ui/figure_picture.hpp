#pragma once

#include <string>

#include <cairo.h>

#include "ui/figure_drawing.hpp"

namespace psoas {

// Draws `drawing` fitted and centred in the box at (x, y), `width` by
// `height`, of a cairo context: the near side dark, the far side grey, what
// the pose works in red.
void paint_figure(cairo_t* cr, const FigureDrawing& drawing, double x, double y, double width, double height);

// A cairo write function that appends to the std::string `closure` points at.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

}  // namespace psoas
