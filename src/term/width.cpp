#include "term/width.hpp"

#include <string>

#include "base/utf8.hpp"

namespace psoas {

std::size_t visible_width(std::string_view text) {
  std::string plain;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b') {  // ESC [ parameters m
      while (i < text.size() && text[i] != 'm') ++i;
      continue;
    }
    plain += text[i];
  }
  return display_width(plain);
}

}  // namespace psoas
