#include "load/source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "base/files.hpp"
#include "base/utf8.hpp"

namespace psoas {
namespace {

Diagnostic error_at(const std::string& file, SourcePosition position, std::string message) {
  return Diagnostic{file, position, Severity::error, std::move(message)};
}

int count_characters(std::string_view bytes) {
  int characters = 0;
  for (const char c : bytes)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;
  return characters;
}

}  // namespace

const std::vector<std::size_t>& SourceText::line_starts() const {
  if (line_starts_cache.empty()) {
    line_starts_cache.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_cache.push_back(i + 1);
  }
  return line_starts_cache;
}

SourcePosition SourceText::position_of(int line, int byte_column) const {
  if (line < 0 || byte_column < 0) return {};
  const auto& starts = line_starts();
  const std::size_t start =
      static_cast<std::size_t>(line) < starts.size() ? starts[static_cast<std::size_t>(line)] : text.size();
  const std::size_t end = std::min(text.size(), start + static_cast<std::size_t>(byte_column));
  return {line + 1, count_characters(std::string_view(text).substr(start, end - start)) + 1};
}

SourcePosition SourceText::position_at(std::size_t offset) const {
  offset = std::min(offset, text.size());
  const auto& starts = line_starts();
  const auto after = std::upper_bound(starts.begin(), starts.end(), offset);
  const auto line = static_cast<std::size_t>(after - starts.begin());  // 1-based: the line holding `offset`
  const std::size_t start = starts[line - 1];
  return {static_cast<int>(line), count_characters(std::string_view(text).substr(start, offset - start)) + 1};
}

std::string_view SourceText::line_text(int line) const {
  const std::string_view all = text;
  const auto& starts = line_starts();
  if (line < 1 || static_cast<std::size_t>(line) > starts.size()) return {};
  const std::size_t start = starts[static_cast<std::size_t>(line - 1)];
  std::size_t end = all.find('\n', start);
  if (end == std::string_view::npos) end = all.size();
  if (end > start && all[end - 1] == '\r') --end;
  return all.substr(start, end - start);
}

std::variant<SourceText, Diagnostic> check_source(std::string file, std::string bytes) {
  if (bytes.size() > kMaxRoutineFileBytes)
    return error_at(file, {}, fmt::format("file is larger than 1 MiB ({} bytes)", bytes.size()));
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
  SourceText source{std::move(file), std::move(bytes)};
  const std::string_view text = source.text;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\0') return error_at(source.file, source.position_at(i), "file contains a NUL byte");
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0)
      return error_at(source.file, source.position_at(i),
                      fmt::format("invalid UTF-8 (byte 0x{:02X}); psoas reads UTF-8 only",
                                  static_cast<unsigned char>(text[i])));
    i += length;
  }
  return source;
}

std::variant<SourceText, Diagnostic> read_source(const std::filesystem::path& path) {
  std::string file = path.string();
  ReadProblem problem;
  auto bytes = read_regular_file(path, kMaxRoutineFileBytes, problem);
  if (!bytes) {
    if (problem.too_large > 0)
      return error_at(file, {}, fmt::format("file is larger than 1 MiB ({} bytes)", problem.too_large));
    if (problem.message == "is a folder")
      problem.message = "is a folder, not a file";  // routines, reminders, plans and figures alike
    return error_at(file, {}, problem.message);
  }
  return check_source(std::move(file), std::move(*bytes));
}

}  // namespace psoas
