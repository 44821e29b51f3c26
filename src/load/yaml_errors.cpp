#include "load/yaml_errors.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

namespace psoas {
namespace {

// Where a tab indents a line at or before `line` (0-based): yaml-cpp reports
// such a file with a puzzling message at a later place.
std::optional<std::size_t> indenting_tab(std::string_view text, int line) {
  std::size_t start = 0;
  for (int n = 0; n <= line && start < text.size(); ++n) {
    for (std::size_t i = start; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i)
      if (text[i] == '\t') return i;
    const auto end = text.find('\n', start);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return std::nullopt;
}

// Where a line's content starts, past its indentation and any list dashes:
// the column of a key, 0-based.
std::size_t content_column(std::string_view line) {
  std::size_t i = 0;
  for (;;) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i + 1 < line.size() && line[i] == '-' && line[i + 1] == ' ') {
      ++i;
      continue;
    }
    return i;
  }
}

bool is_blank_or_comment(std::string_view line) {
  const auto first = line.find_first_not_of(' ');
  return first == std::string_view::npos || line[first] == '#' || line[first] == '\r';
}

// yaml-cpp's terse message, with the likeliest cause when one is known: a
// value with `: ` in it, or a line indented unlike the one it belongs with.
std::string explained_yaml_error(const SourceText& source, const YamlError& error) {
  const int line_number = error.mark.line + 1;
  const std::string_view line = source.line_text(line_number);
  const bool map_trouble = error.message.ends_with("illegal map value") ||
                           error.message.ends_with("end of map not found") ||
                           error.message.ends_with("end of sequence not found");
  if (!map_trouble) return error.message;
  const std::size_t start = content_column(line);
  const auto first_colon = line.find(": ", start);
  const auto column = static_cast<std::size_t>(std::max(error.mark.byte_column, 0));
  if (error.message.ends_with("illegal map value") && first_colon != std::string_view::npos &&
      first_colon < column && line.find(": ", first_colon + 2) != std::string_view::npos)
    return fmt::format("{}: text with `: ` in it needs quotes, as in {}\"{}\"", error.message,
                       line.substr(start, first_colon + 2 - start), line.substr(first_colon + 2));
  // The nearest line above that holds something, and how it lines up.
  for (int above = line_number - 1; above >= 1; --above) {
    const std::string_view other = source.line_text(above);
    if (is_blank_or_comment(other)) continue;
    const bool item = line.find_first_not_of(' ') != std::string_view::npos &&
                      line.substr(line.find_first_not_of(' ')).starts_with("- ");
    const std::size_t here = item ? line.find_first_not_of(' ') : start;
    const std::size_t there = item ? other.find_first_not_of(' ') : content_column(other);
    if (here == there || (item && !other.substr(there).starts_with("- "))) {
      if (item) continue;  // look further up for the list's other items
      break;
    }
    return fmt::format(
        "{}; line {} {} at column {}, and line {} at column {}: what belongs together lines up",
        error.message, line_number, item ? "has its `-`" : "starts", here + 1, above, there + 1);
  }
  return error.message;
}

}  // namespace

Diagnostic yaml_error(const SourceText& source, const YamlError& error) {
  if (const auto tab = indenting_tab(source.text, error.mark.line))
    return {source.file, source.position_at(*tab), Severity::error,
            "a tab indents this line; YAML indents with spaces only"};
  return {source.file, source.position_of(error.mark.line, error.mark.byte_column), Severity::error,
          explained_yaml_error(source, error)};
}

}  // namespace psoas
