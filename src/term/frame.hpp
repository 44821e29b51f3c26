#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "term/output.hpp"

namespace psoas {

enum class Color : std::uint8_t { none, red, green, yellow, blue, magenta, cyan, white };

struct Attributes {
  Color color = Color::none;
  bool bold = false;
  bool dim = false;
  bool reverse = false;
  friend bool operator==(const Attributes&, const Attributes&) = default;

  static constexpr Attributes bold_in(Color color) { return {color, true, false, false}; }
  static constexpr Attributes in(Color color) { return {color, false, false, false}; }
};

struct Span {
  std::string text;
  Attributes attributes;
  friend bool operator==(const Span&, const Span&) = default;
};

using FrameLine = std::vector<Span>;

// A whole screen of text with attributes, and the terminal's title: what a
// view draws, without a single escape code.
struct Frame {
  std::vector<FrameLine> lines;
  std::string title;
};

// A line's spans as the bytes that show them, cut to `width` columns: bold
// and reverse always, colours and dim only with `color` (NO_COLOR keeps bold).
std::string encode_line(const FrameLine& line, std::size_t width, bool color);

// One column of the screen as painted: a character (grapheme cluster) and
// the attributes it shows with. A wide character's second column has no text.
struct Cell {
  std::string text;
  Attributes attributes;
  friend bool operator==(const Cell&, const Cell&) = default;
};

// Turns frames into the bytes that draw them. Only the cells that changed
// since the last frame are written, cursor-addressed, with attributes set
// once per run of cells; lines are cut to the screen's width, so a frame
// never scrolls the screen.
class FramePainter {
 public:
  explicit FramePainter(bool color) : color_(color) {}

  // The bytes that turn the last frame painted into `frame`.
  std::string paint(const Frame& frame, TerminalSize size);
  // The screen was cleared or resized: the next paint draws everything.
  void invalidate() { full_ = true; }

 private:
  std::vector<Cell> cells_of(const FrameLine& line, std::size_t width) const;
  void write_changes(std::string& out, std::size_t row, const std::vector<Cell>& now, std::size_t columns);

  bool color_;
  bool full_ = true;
  std::vector<FrameLine> lines_;          // the last frame painted, line by line
  std::vector<std::vector<Cell>> shown_;  // and its cells as the screen shows them
  std::string title_;
  Attributes pen_;  // the attributes the terminal writes with now
};

}  // namespace psoas
