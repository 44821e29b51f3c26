#pragma once

#include <string_view>
#include <vector>

#include "load/diagnostic.hpp"
#include "load/source.hpp"
#include "model/figure.hpp"

namespace psoas {

struct ReadFigure {
  Figure figure;  // complete only when `diagnostics` holds no error
  std::vector<Diagnostic> diagnostics;
};

// Reads a figure file (psoas(1), FIGURES): every joint given once, each a
// pair of numbers, no limb of zero length, props and worked parts that name
// real joints. Every error, with its place.
ReadFigure read_figure(const SourceText& source);

// Whether a file's text is a figure rather than a routine: it has a
// `joints:` key at the top level. Cheap enough for `check` to ask.
bool is_figure_text(std::string_view text);

// Coordinates are centimetres of a person; anything further out than this is a slip.
inline constexpr double kMaxFigureCoordinate = 1000;

}  // namespace psoas
