#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.hpp"
#include "term/width.hpp"

namespace psoas {

// Words of `text` filled into lines of at most `width` columns; runs of
// whitespace, line breaks included, become single spaces. A word longer than
// `width` is cut.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

// `text` on one line: every run of whitespace, line breaks included, a single space.
std::string one_line(std::string_view text);

// `text` cut to `width` columns, ending in "…" when cut.
std::string truncate(std::string_view text, std::size_t width);

// Narrows the columns of a table whose `widths` (and a gap of `gap` between
// each two) would pass `total`: the `shrinkable` ones, in order, each down to
// its minimum, until the table fits or none can give more. A minimum of 0
// drops the column whole; a column may be listed twice, to narrow it first
// and drop it later.
struct ShrinkableColumn {
  std::size_t column;
  std::size_t minimum;
};
void fit_columns(std::vector<std::size_t>& widths, const std::vector<ShrinkableColumn>& shrinkable,
                 std::size_t gap, std::size_t total);

// `text` padded with spaces to `width` columns (never cut).
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

}  // namespace psoas
