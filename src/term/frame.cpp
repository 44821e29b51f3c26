#include "term/frame.hpp"

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

}  // namespace

std::string encode_line(const FrameLine& line, std::size_t width, bool color) {
  std::string out;
  std::size_t used = 0;
  for (const Span& span : line) {
    if (used >= width) break;
    const std::string_view text = fit_width(span.text, width - used);
    used += display_width(text);
    const Attributes& a = span.attributes;
    const bool styled = a.bold || a.reverse || (color && (a.dim || a.color != Color::none));
    if (!styled) {
      out += text;
      continue;
    }
    std::string codes;
    const auto add = [&](std::string_view code) {
      if (!codes.empty()) codes += ';';
      codes += code;
    };
    if (a.bold) add("1");
    if (a.reverse) add("7");
    if (color && a.dim) add("2");
    if (color && a.color != Color::none) add(color_code(a.color));
    out += fmt::format("\x1b[{}m{}\x1b[0m", codes, text);
  }
  return out;
}

std::string FramePainter::paint(const Frame& frame, TerminalSize size) {
  const auto rows = static_cast<std::size_t>(size.rows);
  const auto columns = static_cast<std::size_t>(size.columns);
  std::string out;
  if (full_) {
    out += "\x1b[0m\x1b[H\x1b[2J";
    painted_.assign(rows, std::string());
  }
  painted_.resize(rows);
  lines_.resize(rows);
  static const FrameLine kEmpty;
  for (std::size_t row = 0; row < rows; ++row) {
    const FrameLine& spans = row < frame.lines.size() ? frame.lines[row] : kEmpty;
    if (!full_ && spans == lines_[row]) continue;  // most lines stay as they were
    lines_[row] = spans;
    // The last cell of the screen is left alone: writing it scrolls some terminals.
    const std::size_t width = row + 1 == rows ? columns - 1 : columns;
    std::string line = encode_line(spans, width, color_);
    if (line == painted_[row] && (!full_ || line.empty())) continue;
    out += fmt::format("\x1b[{};1H{}\x1b[K", row + 1, line);
    painted_[row] = std::move(line);
  }
  if (frame.title != title_ || full_) {
    title_ = frame.title;
    out += fmt::format("\x1b]2;{}\x07", title_);
  }
  full_ = false;
  return out;
}

}  // namespace psoas
