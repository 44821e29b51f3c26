#include "term/width.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace psoas {

char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (i + length > s.size()) length = 1;
  char32_t cp = length == 1 ? lead : static_cast<char32_t>(lead & (0xFF >> (length + 1)));
  for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  i += length;
  return cp;
}

std::size_t code_point_width(char32_t cp) {
  // Most text, and all of psoas's own (block elements, bullets, dashes), is
  // one column wide and outside every range below: say so at once.
  if (cp < 0x0300 || (cp >= 0x2100 && cp < 0x2E80)) return 1;
  using Range = std::pair<char32_t, char32_t>;
  static constexpr std::array<Range, 6> kZero = {{{0x0300, 0x036F},
                                                  {0x200B, 0x200F},
                                                  {0x20D0, 0x20FF},
                                                  {0xFE00, 0xFE0F},
                                                  {0xFE20, 0xFE2F},
                                                  {0xE0100, 0xE01EF}}};
  static constexpr std::array<Range, 11> kWide = {{{0x1100, 0x115F},
                                                   {0x2E80, 0x303E},
                                                   {0x3041, 0x33FF},
                                                   {0x3400, 0x4DBF},
                                                   {0x4E00, 0x9FFF},
                                                   {0xA000, 0xA4CF},
                                                   {0xAC00, 0xD7A3},
                                                   {0xF900, 0xFAFF},
                                                   {0xFF00, 0xFF60},
                                                   {0x1F300, 0x1FAFF},
                                                   {0x20000, 0x3FFFD}}};
  for (const auto& [low, high] : kZero)
    if (cp >= low && cp <= high) return 0;
  for (const auto& [low, high] : kWide)
    if (cp >= low && cp <= high) return 2;
  return 1;
}

std::size_t display_width(std::string_view text) {
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return text.size();
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) width += code_point_width(next_code_point(text, i));
  return width;
}

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

std::string_view fit_width(std::string_view text, std::size_t width) {
  // No character takes more columns than it has bytes.
  if (text.size() <= width) return text;
  std::size_t used = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t next = i;
    const std::size_t w = code_point_width(next_code_point(text, next));
    if (used + w > width) break;
    used += w;
    i = next;
  }
  return text.substr(0, i);
}

}  // namespace psoas
