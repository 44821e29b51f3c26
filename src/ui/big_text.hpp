#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace psoas {

// Text drawn in block characters, big enough to read from across a room:
// digits, ':', and the letters of LEFT, RIGHT and PAUSED.
//
// Glyphs are 3 by 5 pixels (':' is 1 by 5); a pixel is `scale` rows high
// and 2 * `scale` columns wide, so that it looks square.
std::vector<std::string> big_text(std::string_view text, int scale);

// The columns big_text(text, scale) takes.
std::size_t big_text_width(std::string_view text, int scale);

// Rows big_text takes at `scale`.
inline int big_text_height(int scale) {
  return 5 * scale;
}

}  // namespace psoas
