#pragma once

#include <optional>
#include <string>

#include "base/error.hpp"
#include "commands/console.hpp"
#include "load/search_path.hpp"

namespace psoas {

struct EditOptions {
  std::string routine;  // a name or a path
  // $VISUAL, else $EDITOR, else vi; run by /bin/sh, so it may hold arguments.
  std::string editor = "vi";
  bool interactive = true;  // standard input is a terminal: psoas may ask
};

// `psoas edit NAME`, the way `crontab -e` works: the routine is edited in a
// temporary copy and checked when the editor exits. Only a valid routine (or
// one the user keeps anyway) replaces the file; otherwise the errors are shown
// and the editor opens again, and the edits are never thrown away. A built-in
// routine is edited as a copy in the user's folder.
ExitCode edit_routine(const EditOptions& options, const SearchPath& search_path, const Console& console);

}  // namespace psoas
