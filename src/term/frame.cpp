#include "term/frame.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "base/utf8.hpp"

namespace psoas {
namespace {

std::string_view color_code(Color color) {
  switch (color) {
    case Color::red:
      return "31";
    case Color::green:
      return "32";
    case Color::yellow:
      return "33";
    case Color::blue:
      return "34";
    case Color::magenta:
      return "35";
    case Color::cyan:
      return "36";
    case Color::white:
      return "37";
    case Color::none:
      break;
  }
  return "";
}

// The SGR parameters that show `a`, without a reset: "1;32".
std::string sgr_parameters(const Attributes& a) {
  std::string codes;
  const auto add = [&](std::string_view code) {
    if (!codes.empty()) codes += ';';
    codes += code;
  };
  if (a.bold) add("1");
  if (a.reverse) add("7");
  if (a.dim) add("2");
  if (a.color != Color::none) add(color_code(a.color));
  return codes;
}

// What a screen shows of `a`: bold and reverse always, colours and dim only with `color`.
Attributes shown_attributes(Attributes a, bool color) {
  if (!color) {
    a.color = Color::none;
    a.dim = false;
  }
  return a;
}

const Cell kBlank{" ", {}};

const Cell& cell_at(const std::vector<Cell>& line, std::size_t column) {
  return column < line.size() ? line[column] : kBlank;
}

// Unchanged cells up to this many bytes are rewritten rather than stepped over:
// moving the cursor forward ("\x1b[5C") costs about as much.
constexpr std::size_t kStepOverBytes = 4;

}  // namespace

std::string encode_line(const FrameLine& line, std::size_t width, bool color) {
  std::string out;
  std::size_t used = 0;
  for (const Span& span : line) {
    const auto [text, text_width] = fit_text(span.text, width - used);
    used += text_width;
    const std::string codes = sgr_parameters(shown_attributes(span.attributes, color));
    if (codes.empty()) {
      out += text;
    } else {
      out += fmt::format("\x1b[{}m{}\x1b[0m", codes, text);
    }
    if (text.size() < span.text.size()) break;  // what follows a character cut off is cut off too
  }
  return out;
}

std::vector<Cell> FramePainter::cells_of(const FrameLine& line, std::size_t width) const {
  std::vector<Cell> cells;
  cells.reserve(width);  // filled once, never moved while it grows
  for (const Span& span : line) {
    const Attributes attributes = shown_attributes(span.attributes, color_);
    const std::string_view text = span.text;
    for (const TextCluster& cluster : clusters_of(text)) {
      const std::string_view character = text.substr(cluster.begin, cluster.size);
      if (cluster.width == 0) {  // a mark that begins a span goes with the character before it
        const auto last =
            std::find_if(cells.rbegin(), cells.rend(), [](const Cell& c) { return !c.text.empty(); });
        if (last != cells.rend()) last->text += character;
        continue;
      }
      if (cells.size() + cluster.width > width) return cells;
      cells.push_back({std::string(character), attributes});
      for (std::size_t column = 1; column < cluster.width; ++column)
        cells.push_back({std::string(), attributes});
    }
  }
  return cells;
}

void FramePainter::write_changes(std::string& out, std::size_t row, const std::vector<Cell>& now,
                                 std::size_t columns) {
  const std::vector<Cell>& was = shown_[row];
  const std::size_t end = std::max(was.size(), now.size());
  std::vector<unsigned char> changed(end);  // flags as bytes: vector<bool> costs a shift and mask each
  for (std::size_t column = 0; column < end; ++column)
    changed[column] = cell_at(was, column) != cell_at(now, column);
  // A wide character is one run, written whole, so the cursor is known to stand after it.
  for (bool spreading = true; spreading;) {
    spreading = false;
    for (std::size_t column = 0; column < end; ++column) {
      if (!changed[column]) continue;
      for (const std::vector<Cell>* line : {&was, &now}) {
        if (column > 0 && column < line->size() && (*line)[column].text.empty() && !changed[column - 1])
          changed[column - 1] = spreading = true;
        if (column + 1 < line->size() && (*line)[column + 1].text.empty() && !changed[column + 1])
          changed[column + 1] = spreading = true;
      }
    }
  }

  std::optional<std::size_t> cursor;  // the column the cursor is at on this row, when known
  const auto set_pen = [&](const Attributes& attributes) {
    if (attributes == pen_) return;
    const std::string codes = sgr_parameters(attributes);
    out += pen_ == Attributes{} ? fmt::format("\x1b[{}m", codes)
           : codes.empty()      ? std::string("\x1b[0m")
                                : fmt::format("\x1b[0;{}m", codes);
    pen_ = attributes;
  };
  for (std::size_t first = 0; first < end;) {
    if (!changed[first]) {
      ++first;
      continue;
    }
    // The run of cells to write: the changed ones, and short unchanged gaps between them.
    std::size_t stop = first + 1;
    for (;;) {
      while (stop < end && changed[stop]) ++stop;
      std::size_t next = stop;
      std::size_t gap_bytes = 0;
      while (next < end && !changed[next] && gap_bytes <= kStepOverBytes)
        gap_bytes += cell_at(now, next++).text.size();
      if (next >= end || !changed[next] || gap_bytes > kStepOverBytes) break;
      stop = next;
    }
    if (cursor && *cursor < first) {
      out += fmt::format("\x1b[{}C", first - *cursor);
    } else if (cursor != first) {
      out += fmt::format("\x1b[{};{}H", row + 1, first + 1);
    }
    const std::size_t drawn = std::min(stop, now.size());
    for (std::size_t column = first; column < drawn; ++column) {
      if (now[column].text.empty()) continue;  // the second column of a wide character
      set_pen(now[column].attributes);
      out += now[column].text;
    }
    if (stop > std::max(first, drawn)) {  // beyond the line's end: blank
      set_pen({});
      if (stop == end) {
        out += "\x1b[K";
      } else {
        out.append(stop - std::max(first, drawn), ' ');
      }
    }
    // At the last column the terminal waits to wrap: the cursor's place is then unknown.
    cursor = stop < columns ? std::optional(stop) : std::nullopt;
    first = stop;
  }
}

std::string FramePainter::paint(const Frame& frame, TerminalSize size) {
  const auto rows = static_cast<std::size_t>(size.rows);
  const auto columns = static_cast<std::size_t>(size.columns);
  std::string out;
  if (full_) {
    out += "\x1b[0m\x1b[H\x1b[2J";
    pen_ = {};
    lines_.assign(rows, FrameLine());
    shown_.assign(rows, std::vector<Cell>());
  }
  lines_.resize(rows);
  shown_.resize(rows);
  static const FrameLine kEmpty;
  for (std::size_t row = 0; row < rows; ++row) {
    const FrameLine& spans = row < frame.lines.size() ? frame.lines[row] : kEmpty;
    if (spans == lines_[row]) continue;  // most lines stay as they were
    lines_[row] = spans;
    // The last cell of the screen is left alone: writing it scrolls some terminals.
    std::vector<Cell> cells = cells_of(spans, row + 1 == rows ? columns - 1 : columns);
    write_changes(out, row, cells, columns);
    shown_[row] = std::move(cells);
  }
  if (pen_ != Attributes{}) {
    out += "\x1b[0m";  // whatever is written between frames is written plain
    pen_ = {};
  }
  if (frame.title != title_ || full_) {
    title_ = frame.title;
    out += fmt::format("\x1b]2;{}\x07", title_);
  }
  full_ = false;
  return out;
}

}  // namespace psoas
