#pragma once

#include <filesystem>

namespace psoas {

// The built-in routines: `share/psoas/routines` beside the installed binary,
// else the source tree's `routines/` when run from a build tree.
std::filesystem::path builtin_routines_folder();

}  // namespace psoas
