#include "ui/text.hpp"

namespace psoas {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string truncate(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  return std::string(fit_width(text, width - 1)) + "…";
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  if (width == 0) width = 1;
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (start == i) break;
    std::string_view word = text.substr(start, i - start);
    std::size_t word_width = display_width(word);
    if (line_width > 0 && line_width + 1 + word_width > width) {
      lines.push_back(std::move(line));
      line.clear();
      line_width = 0;
    }
    while (word_width > width) {  // a word wider than a line is cut
      const std::string_view head = fit_width(word, width);
      if (head.empty()) break;
      lines.emplace_back(head);
      word.remove_prefix(head.size());
      word_width = display_width(word);
    }
    if (line_width > 0) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += word_width;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

void fit_columns(std::vector<std::size_t>& widths, const std::vector<ShrinkableColumn>& shrinkable,
                 std::size_t gap, std::size_t total) {
  std::size_t used = widths.empty() ? 0 : gap * (widths.size() - 1);
  for (const std::size_t width : widths) used += width;
  for (const ShrinkableColumn& column : shrinkable) {
    if (used <= total) return;
    std::size_t& width = widths[column.column];
    if (column.minimum == 0) {  // dropped whole, with its gap
      used -= width + (width > 0 ? gap : 0);
      width = 0;
      continue;
    }
    const std::size_t give = std::min(used - total, width > column.minimum ? width - column.minimum : 0);
    width -= give;
    used -= give;
  }
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t w = display_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string pad_left(std::string_view text, std::size_t width) {
  const std::size_t w = display_width(text);
  std::string out = w < width ? std::string(width - w, ' ') : std::string();
  out += text;
  return out;
}

}  // namespace psoas
