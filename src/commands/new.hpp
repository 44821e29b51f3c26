#pragma once

#include <optional>
#include <string>

#include "base/error.hpp"
#include "commands/console.hpp"
#include "load/search_path.hpp"

namespace psoas {

struct NewOptions {
  std::string name;
  std::optional<std::string> from;  // a routine to copy
};

// `psoas new NAME [--from ROUTINE]`: a starter routine, or a renamed copy, in
// the user's routines folder. Never overwrites; prints the new file's path.
ExitCode new_routine(const NewOptions& options, const SearchPath& search_path, const Console& console);

}  // namespace psoas
