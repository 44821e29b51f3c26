#pragma once

#include <cstdint>
#include <string_view>

namespace psoas {

enum class Side : std::uint8_t { none, left, right };

// "left", "right", or "" for Side::none.
std::string_view to_string(Side side);

// The other side of the body: left for right and right for left; none stays none.
Side opposite(Side side);

}  // namespace psoas
