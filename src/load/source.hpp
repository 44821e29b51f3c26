#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "load/diagnostic.hpp"

namespace psoas {

// Larger routine files are refused before parsing.
inline constexpr std::size_t kMaxRoutineFileBytes = std::size_t{1} << 20;

// The text of a routine file that passed the byte checks: valid UTF-8, no NUL
// byte, no byte order mark.
struct SourceText {
  std::string file;  // as diagnostics name it
  std::string text;

  // The place of a 0-based line and byte column (yaml-cpp's marks).
  [[nodiscard]] SourcePosition position_of(int line, int byte_column) const;
  // The place of a byte offset.
  [[nodiscard]] SourcePosition position_at(std::size_t offset) const;
  // The line at a place, without its line break.
  [[nodiscard]] std::string_view line_text(int line) const;

  // Where each line begins, worked out once: a file with thousands of errors
  // finds each place in the time of a binary search.
  [[nodiscard]] const std::vector<std::size_t>& line_starts() const;
  mutable std::vector<std::size_t> line_starts_cache = {};
};

// Checks bytes from anywhere (a file, a test's inline string) and strips a BOM.
std::variant<SourceText, Diagnostic> check_source(std::string file, std::string bytes);

// Reads and checks a file. Never blocks on a FIFO or device: anything but a
// regular file of at most kMaxRoutineFileBytes is refused.
std::variant<SourceText, Diagnostic> read_source(const std::filesystem::path& path);

}  // namespace psoas
