#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace psoas {

// Columns a UTF-8 string takes on a terminal: wide East Asian characters and
// emoji take two, combining marks none.
std::size_t display_width(std::string_view text);

// Words of `text` filled into lines of at most `width` columns; runs of
// whitespace, line breaks included, become single spaces. A word longer than
// `width` is cut.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

// `text` cut to `width` columns, ending in "…" when cut.
std::string truncate(std::string_view text, std::size_t width);

// `text` padded with spaces to `width` columns (never cut).
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

}  // namespace psoas
