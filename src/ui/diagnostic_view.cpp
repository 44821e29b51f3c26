#include "ui/diagnostic_view.hpp"

#include <fmt/format.h>

#include "base/printable.hpp"
#include "ui/text.hpp"

namespace psoas {

std::string render_diagnostic(const Diagnostic& diagnostic, std::optional<std::string_view> source_line,
                              const Style& style) {
  const bool is_error = diagnostic.severity == Severity::error;
  std::string out = fmt::format("{}: {} {}\n", style.bold(place_of(diagnostic)),
                                is_error ? style.error("error:") : style.warning("warning:"),
                                escape_line(diagnostic.message));
  // A line of a binary file, or one with escape codes, is not shown: its
  // bytes would reach the terminal, and the caret could not line up.
  if (!source_line || has_controls(*source_line) || diagnostic.position == kNowhere) return out;

  // The caret lines up under the column: tabs stay tabs, every other
  // character before it becomes as many spaces as it is wide.
  std::string pad;
  std::size_t characters = 0;
  for (std::size_t i = 0;
       i < source_line->size() && characters + 1 < static_cast<std::size_t>(diagnostic.position.column);) {
    std::size_t next = i + 1;
    while (next < source_line->size() && (static_cast<unsigned char>((*source_line)[next]) & 0xC0) == 0x80)
      ++next;
    const std::string_view character = source_line->substr(i, next - i);
    pad += character == "\t" ? std::string("\t") : std::string(display_width(character), ' ');
    ++characters;
    i = next;
  }
  const std::string number = fmt::format("{}", diagnostic.position.line);
  out += fmt::format(" {} | {}\n", number, *source_line);
  out += fmt::format(" {} | {}{}\n", std::string(number.size(), ' '), pad,
                     is_error ? style.error("^") : style.warning("^"));
  return out;
}

}  // namespace psoas
