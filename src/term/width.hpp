#pragma once

#include <cstddef>
#include <string_view>

namespace psoas {

// Columns text takes on a terminal when it may hold colour and style codes
// (SGR sequences), which take none.
std::size_t visible_width(std::string_view text);

}  // namespace psoas
