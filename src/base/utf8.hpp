#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// UTF-8 for every layer: validity, code points, and the columns text takes
// on a terminal. Widths and character boundaries come from utf8proc, as in
// tmux, so that they follow the Unicode tables rather than a hand-kept copy.
namespace psoas {

// The length of the valid UTF-8 sequence at `i`, or 0 when it is invalid
// (overlong, a surrogate, beyond U+10FFFF, or cut short).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// Whether all of `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

// `text` with every byte that does not begin a valid sequence read as the
// Latin-1 character it would be, and encoded in UTF-8. yaml-cpp turns the
// escapes "\N" and "\_" into the single bytes 0x85 and 0xA0; this makes them
// the characters U+0085 and U+00A0 they stand for.
std::string repair_utf8(std::string_view text);

// Decodes the code point at `i` and moves `i` past it. A byte that does not
// begin a valid sequence is U+FFFD and one byte long.
char32_t next_code_point(std::string_view text, std::size_t& i);

// Columns a code point takes on a terminal: two for wide East Asian
// characters and emoji, none for combining marks, one for the rest.
std::size_t code_point_width(char32_t code_point);

// Columns a UTF-8 string takes on a terminal.
std::size_t display_width(std::string_view text);

// The longest prefix of `text` that fits in `width` columns, cut between
// characters as a reader sees them (grapheme clusters): never inside a
// UTF-8 sequence, nor between a letter and its accent.
std::string_view fit_width(std::string_view text, std::size_t width);

// fit_width()'s prefix, and its display_width(), measured once.
struct FittedText {
  std::string_view text;
  std::size_t width = 0;
};
FittedText fit_text(std::string_view text, std::size_t width);

// One character as a reader sees it (a grapheme cluster): where its bytes
// are in the text, and the columns it takes.
struct TextCluster {
  std::size_t begin = 0;
  std::size_t size = 0;
  std::size_t width = 0;
};

// `text` cut into grapheme clusters, in order.
std::vector<TextCluster> clusters_of(std::string_view text);

// The number of characters (code points) in valid UTF-8.
std::size_t count_code_points(std::string_view text);

}  // namespace psoas
