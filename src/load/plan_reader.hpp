#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "load/diagnostic.hpp"
#include "load/source.hpp"
#include "load/yaml_reader.hpp"
#include "model/plan.hpp"

namespace psoas {

struct ReadPlan {
  Plan plan;  // complete only when `diagnostics` holds no error
  std::vector<Diagnostic> diagnostics;
  std::vector<NamedRoutine> named_routines;  // each well-formed routine name it gives
};

// Reads a plan file: a map with `plan:` (psoas(1), PLANS). Every error, with its place.
ReadPlan read_plan(const SourceText& source);

// Whether a file's text is a plan rather than a routine: its first line that
// is not blank or a comment starts with `plan:`. Cheap: `list` asks it of
// every file on the search path.
bool is_plan_text(std::string_view text);
// The same of a file, from its first few kilobytes; false when it cannot be read.
bool file_is_plan(const std::filesystem::path& file);

}  // namespace psoas
