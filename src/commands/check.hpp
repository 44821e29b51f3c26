#pragma once

#include <string>
#include <vector>

#include "base/error.hpp"
#include "commands/console.hpp"
#include "load/search_path.hpp"

namespace psoas {

struct CheckOptions {
  std::vector<std::string> files;  // paths, or names on the search path
  bool json = false;
};

// `psoas check FILE...`: every error and warning of every file; ok when all are valid.
ExitCode check_routines(const CheckOptions& options, const SearchPath& search_path, const Console& console);

}  // namespace psoas
