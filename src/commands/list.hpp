#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "base/error.hpp"
#include "commands/console.hpp"
#include "load/search_path.hpp"

namespace psoas {

struct ListOptions {
  std::optional<std::string> tag;
  bool json = false;
  bool names = false;  // only the names, one per line (for shell completion)
};

// `psoas list`: every routine on the search path, sorted by name. What it
// works out of each is kept in `cache_file`, when there is one (see ListCache).
ExitCode list_routines(const ListOptions& options, const SearchPath& search_path,
                       const std::optional<std::filesystem::path>& cache_file, const Console& console);

}  // namespace psoas
