#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace psoas {

// Decodes the UTF-8 code point at `i` and moves `i` past it.
char32_t next_code_point(std::string_view text, std::size_t& i);

// Columns a code point takes on a terminal: wide East Asian characters and
// emoji take two, combining marks none.
std::size_t code_point_width(char32_t code_point);

// Columns a UTF-8 string takes on a terminal.
std::size_t display_width(std::string_view text);

// The same, for text that may hold colour and style codes (SGR sequences),
// which take no columns.
std::size_t visible_width(std::string_view text);

// The longest prefix of `text` that fits in `width` columns.
std::string_view fit_width(std::string_view text, std::size_t width);

}  // namespace psoas
