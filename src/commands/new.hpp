#pragma once

#include <optional>
#include <string>

#include "commands/console.hpp"
#include "load/search_path.hpp"
#include "base/error.hpp"

namespace psoas {

struct NewOptions {
  std::string name;
  std::optional<std::string> from;  // a routine to copy
};

// `psoas new NAME [--from ROUTINE]`: a starter routine, or a renamed copy, in
// the user's routines folder. Never overwrites; prints the new file's path.
ExitCode new_routine(const NewOptions& options, const SearchPath& search_path, const Console& console);

// "file:///…/routine.schema.json", for the comment that points editors at it.
std::optional<std::string> routine_schema_url();

// Where the user's own routine `name` lives. Throws Error for a bad name, or
// when there is no user folder.
std::filesystem::path user_routine_path(const SearchPath& search_path, std::string_view name);

}  // namespace psoas
