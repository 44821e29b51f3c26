#include "base/printable.hpp"

#include <fmt/format.h>

#include "base/utf8.hpp"

namespace psoas {
namespace {

// Whether the valid sequence of `length` bytes at `i` is a control character.
bool is_control(std::string_view text, std::size_t i, std::size_t length, bool line_feed_allowed) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (length == 1)
    return (lead < 0x20 && lead != '\t' && !(lead == '\n' && line_feed_allowed)) || lead == 0x7F;
  return length == 2 && lead == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;  // C1
}

std::string escaped(std::string_view text, bool line_feed_allowed) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0 || is_control(text, i, length, line_feed_allowed)) {
      // A C1 character is shown by its code point (its second byte), anything else byte by byte.
      if (length == 2) {
        out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));
      } else if (text[i] == '\n') {
        out += "\\n";
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

}  // namespace

std::optional<unsigned> find_control_character(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte < 0x20 && byte != '\t' && byte != '\n') || byte == 0x7F) return byte;
    // U+0080..U+009F, the C1 controls, are C2 80..C2 9F in UTF-8.
    if (byte == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return next;
    }
  }
  return std::nullopt;
}

std::string escape_controls(std::string_view text) {
  return escaped(text, true);
}

std::string escape_line(std::string_view text) {
  return escaped(text, false);
}

bool has_controls(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0 || is_control(text, i, length, true)) return true;
    i += length;
  }
  return false;
}

}  // namespace psoas
