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

enum class Severity : unsigned char { error, warning };

struct Diagnostic {
  std::string file;
  SourcePosition position;
  Severity severity = Severity::error;
  std::string message;
};

// "FILE:LINE:COLUMN: error: MESSAGE", the form every error takes.
std::string to_string(const Diagnostic& diagnostic);

bool has_errors(const std::vector<Diagnostic>& diagnostics);

// Orders one file's diagnostics by place, keeping the order of those at one place.
void sort_by_position(std::vector<Diagnostic>& diagnostics);

}  // namespace psoas
