#include "load/diagnostic.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "base/printable.hpp"

namespace psoas {

std::string place_of(const Diagnostic& diagnostic) {
  if (diagnostic.file.empty()) return "psoas";
  if (diagnostic.position == kNowhere) return escape_line(diagnostic.file);
  return fmt::format("{}:{}:{}", escape_line(diagnostic.file), diagnostic.position.line,
                     diagnostic.position.column);
}

std::string to_string(const Diagnostic& diagnostic) {
  return fmt::format("{}: {}: {}", place_of(diagnostic),
                     diagnostic.severity == Severity::error ? "error" : "warning",
                     escape_line(diagnostic.message));
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.position < b.position; });
}

}  // namespace psoas
