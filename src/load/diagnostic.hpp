#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace psoas {

// A 1-based place in a file; columns count characters, not bytes.
struct SourcePosition {
  int line = 1;
  int column = 1;
  friend auto operator<=>(const SourcePosition&, const SourcePosition&) = default;
};

// The place of a diagnostic about something that is not in a file, or not
// at one place in it: it is written without a line and column.
inline constexpr SourcePosition kNowhere{0, 0};

enum class Severity : unsigned char { error, warning };

struct Diagnostic {
  std::string file;
  SourcePosition position;
  Severity severity = Severity::error;
  std::string message;
};

// "FILE:LINE:COLUMN: error: MESSAGE", the form every error in a file takes;
// "FILE: error: MESSAGE" for kNowhere, and "psoas: error: MESSAGE" without a file.
std::string to_string(const Diagnostic& diagnostic);

// "FILE:LINE:COLUMN", "FILE" or "psoas": where a diagnostic is, escaped.
std::string place_of(const Diagnostic& diagnostic);

bool has_errors(const std::vector<Diagnostic>& diagnostics);

// Orders one file's diagnostics by place, keeping the order of those at one place.
void sort_by_position(std::vector<Diagnostic>& diagnostics);

}  // namespace psoas
