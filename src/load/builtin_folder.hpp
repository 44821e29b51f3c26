#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace psoas {

// The built-in routines: `share/psoas/routines` beside the installed binary,
// else the source tree's `routines/` when run from a build tree.
std::filesystem::path builtin_routines_folder();

// The routine format's JSON Schema, found the same way: `share/psoas/
// routine.schema.json`, or the source tree's `schema/`. Nothing if neither exists.
std::optional<std::filesystem::path> routine_schema_file();

// "file:///…/routine.schema.json", for the comment that points editors at it.
std::optional<std::string> routine_schema_url();

}  // namespace psoas
