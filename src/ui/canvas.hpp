#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "term/frame.hpp"
#include "term/output.hpp"

namespace psoas {

// Builds a frame line by line, each line cut to the width: what the run
// screen draws on, so that no text it is given can run past the edge.
class Canvas {
 public:
  explicit Canvas(TerminalSize size);

  [[nodiscard]] std::size_t width() const { return width_; }
  [[nodiscard]] int rows_left() const { return size_.rows - static_cast<int>(lines_.size()); }
  [[nodiscard]] std::size_t line_count() const { return lines_.size(); }

  void blank() { lines_.emplace_back(); }
  // `count` blank lines at line `at`.
  void insert_blanks(std::size_t at, int count);
  // Every line goes through here, and is cut to the width.
  void line(FrameLine spans);
  void text(std::string text, Attributes attributes = {});
  // `left` at the left edge and `right` at the right edge; without room for
  // both and a gap, `left` alone, cut with "…" if it must be.
  void split(FrameLine left, FrameLine right);
  // Each row of `block` centred as one block.
  void centered(const std::vector<std::string>& block, Attributes attributes);
  // The lines so far, for a canvas drawn beside another.
  std::vector<FrameLine> take_lines() { return std::move(lines_); }
  // The frame, padded with blank lines to the screen's height.
  Frame finish(std::string title);

 private:
  TerminalSize size_;
  std::size_t width_;
  std::vector<FrameLine> lines_;
};

}  // namespace psoas
