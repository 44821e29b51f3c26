#pragma once

#include <string>
#include <variant>
#include <vector>

#include <doctest/doctest.h>

#include "load/diagnostic.hpp"
#include "load/source.hpp"

namespace psoas::testing {

// `text` as the file `name`, through the same byte checks as a file on disk.
inline SourceText inline_source(std::string name, std::string text) {
  auto source = check_source(std::move(name), std::move(text));
  REQUIRE(std::holds_alternative<SourceText>(source));
  return std::get<SourceText>(std::move(source));
}

// Diagnostics as psoas prints them, one a line.
inline std::string diagnostics_text(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics) out += to_string(diagnostic) + "\n";
  return out;
}

}  // namespace psoas::testing
