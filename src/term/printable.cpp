#include "term/printable.hpp"

#include <fmt/format.h>

#include "load/utf8.hpp"

namespace psoas {
namespace {

// Whether the valid sequence of `length` bytes at `i` is a control character.
bool is_control(std::string_view text, std::size_t i, std::size_t length) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (length == 1) return (lead < 0x20 && lead != '\t' && lead != '\n') || lead == 0x7F;
  return length == 2 && lead == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;  // C1
}

}  // namespace

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0 || is_control(text, i, length)) {
      // A C1 character is shown by its code point (its second byte), anything else byte by byte.
      if (length == 2) {
        out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));
      } else {
        out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
      }
      i += length == 0 ? 1 : length;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

bool has_controls(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0 || is_control(text, i, length)) return true;
    i += length;
  }
  return false;
}

}  // namespace psoas
