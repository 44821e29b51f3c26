#include "ui/canvas.hpp"

#include <algorithm>

#include "base/utf8.hpp"
#include "ui/text.hpp"

namespace psoas {

Canvas::Canvas(TerminalSize size)
    : size_(size), width_(static_cast<std::size_t>(std::max(size.columns, 0))) {}

void Canvas::insert_blanks(std::size_t at, int count) {
  at = std::min(at, lines_.size());
  lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(at),
                static_cast<std::size_t>(std::max(count, 0)), FrameLine{});
}

void Canvas::line(FrameLine spans) {
  std::size_t used = 0;
  for (Span& span : spans) {
    const FittedText fitted = fit_text(span.text, used < width_ ? width_ - used : 0);
    span.text.resize(fitted.text.size());  // the fitted text is a prefix: cut in place
    used += fitted.width;
  }
  lines_.push_back(std::move(spans));
}

void Canvas::text(std::string text, Attributes attributes) {
  line({{std::move(text), attributes}});
}

void Canvas::split(FrameLine left, FrameLine right) {
  std::size_t left_width = 0;
  std::size_t right_width = 0;
  for (const Span& span : left) left_width += display_width(span.text);
  for (const Span& span : right) right_width += display_width(span.text);
  FrameLine joined = std::move(left);
  if (right_width > 0 && left_width + 2 + right_width > width_) {
    if (left_width > width_) {
      // Keep the first span's attributes; the rest would be cut away anyway.
      std::string text;
      for (const Span& span : joined) text += span.text;
      joined = {{truncate(text, width_), joined.front().attributes}};
    }
    line(std::move(joined));
    return;
  }
  const std::size_t used = left_width + right_width;
  if (used < width_) joined.push_back({std::string(width_ - used, ' '), {}});
  for (Span& span : right) joined.push_back(std::move(span));
  line(std::move(joined));
}

void Canvas::centered(const std::vector<std::string>& block, Attributes attributes) {
  std::size_t block_width = 0;
  for (const std::string& row : block) block_width = std::max(block_width, display_width(row));
  const std::string pad(block_width < width_ ? (width_ - block_width) / 2 : 0, ' ');
  for (const std::string& row : block) line({{pad, {}}, {row, attributes}});
}

Frame Canvas::finish(std::string title) {
  lines_.resize(static_cast<std::size_t>(std::max(size_.rows, 0)));
  return Frame{std::move(lines_), std::move(title)};
}

}  // namespace psoas
