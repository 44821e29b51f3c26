#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "term/frame.hpp"

namespace psoas::testing {

// A terminal screen fed the bytes a program writes, as small as psoas's
// output needs: cursor addressing and movement, erasing, SGR attributes, the
// title, line ends, the alternate screen, and wide characters. It notes what
// a real terminal would do differently from what a painter means: writing
// the bottom-right cell (some terminals scroll), writing past a line's end
// (it wraps), and erasing with attributes on (terminals differ).
class ScreenModel {
 public:
  ScreenModel(std::size_t columns, std::size_t rows);

  // The terminal's size changed: rows and columns are cut or added blank.
  void resize(std::size_t columns, std::size_t rows);

  // Bytes may come in any pieces: a sequence cut between two is kept for the next.
  void feed(std::string_view bytes);

  const std::vector<std::vector<Cell>>& cells() const { return cells_; }
  // A row's characters, as a person reads them.
  std::string row_text(std::size_t row) const;
  // Whether a row last written at or after byte `from` of everything fed holds `text`.
  bool shows(std::string_view text, std::size_t from = 0) const;
  const std::string& title() const { return title_; }
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::size_t parse(std::string_view bytes);  // returns the bytes used
  void control(std::string_view parameters, char final);
  void print(std::string_view character, std::size_t width);
  void blank_half_before(std::size_t column);
  void line_feed();
  void touch() { written_at_[row_] = fed_; }

  std::size_t columns_;
  std::size_t rows_;
  std::vector<std::vector<Cell>> cells_;
  std::vector<std::size_t> written_at_;  // per row, the byte of the stream that last changed it
  std::size_t row_ = 0;
  std::size_t column_ = 0;
  bool wrap_pending_ = false;
  Attributes pen_;
  std::string title_;
  std::string pending_;  // a sequence cut short at the end of the last piece
  std::size_t fed_ = 0;  // bytes parsed so far
  std::vector<std::string> problems_;
};

}  // namespace psoas::testing
