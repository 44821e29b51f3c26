#include "ui/big_text.hpp"

#include <array>

namespace psoas {
namespace {

struct Glyph {
  char character;
  std::array<std::string_view, 5> rows;
};

// clang-format off
constexpr std::array<Glyph, 24> kGlyphs = {{
    {'0', {"###", "#.#", "#.#", "#.#", "###"}},
    {'1', {".#.", "##.", ".#.", ".#.", "###"}},
    {'2', {"###", "..#", "###", "#..", "###"}},
    {'3', {"###", "..#", "###", "..#", "###"}},
    {'4', {"#.#", "#.#", "###", "..#", "..#"}},
    {'5', {"###", "#..", "###", "..#", "###"}},
    {'6', {"###", "#..", "###", "#.#", "###"}},
    {'7', {"###", "..#", "..#", "..#", "..#"}},
    {'8', {"###", "#.#", "###", "#.#", "###"}},
    {'9', {"###", "#.#", "###", "..#", "###"}},
    {':', {".", "#", ".", "#", "."}},
    {'A', {"###", "#.#", "###", "#.#", "#.#"}},
    {'D', {"##.", "#.#", "#.#", "#.#", "##."}},
    {'E', {"###", "#..", "###", "#..", "###"}},
    {'F', {"###", "#..", "###", "#..", "#.."}},
    {'G', {"###", "#..", "#.#", "#.#", "###"}},
    {'H', {"#.#", "#.#", "###", "#.#", "#.#"}},
    {'I', {"###", ".#.", ".#.", ".#.", "###"}},
    {'L', {"#..", "#..", "#..", "#..", "###"}},
    {'P', {"###", "#.#", "###", "#..", "#.."}},
    {'R', {"##.", "#.#", "##.", "#.#", "#.#"}},
    {'S', {"###", "#..", "###", "..#", "###"}},
    {'T', {"###", ".#.", ".#.", ".#.", ".#."}},
    {'U', {"#.#", "#.#", "#.#", "#.#", "###"}},
}};
// clang-format on

constexpr std::array<std::string_view, 5> kSpace = {"..", "..", "..", "..", ".."};

const std::array<std::string_view, 5>& glyph(char c) {
  for (const Glyph& g : kGlyphs)
    if (g.character == c) return g.rows;
  return kSpace;
}

}  // namespace

std::vector<std::string> big_text(std::string_view text, int scale) {
  const auto s = static_cast<std::size_t>(scale);
  std::vector<std::string> rows(5 * s);
  for (std::size_t row = 0; row < 5; ++row) {
    std::string line;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (i > 0) line.append(2 * s, ' ');  // one pixel between glyphs
      for (const char pixel : glyph(text[i])[row]) {
        for (std::size_t k = 0; k < 2 * s; ++k) line += pixel == '#' ? "█" : " ";
      }
    }
    for (std::size_t k = 0; k < s; ++k) rows[row * s + k] = line;
  }
  return rows;
}

std::size_t big_text_width(std::string_view text, int scale) {
  std::size_t pixels = 0;
  for (std::size_t i = 0; i < text.size(); ++i) pixels += glyph(text[i])[0].size() + (i > 0 ? 1 : 0);
  return pixels * 2 * static_cast<std::size_t>(scale);
}

}  // namespace psoas
