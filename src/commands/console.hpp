#pragma once

#include <iosfwd>
#include <memory>
#include <string_view>
#include <vector>

#include "load/diagnostic.hpp"
#include "load/loader.hpp"
#include "load/search_path.hpp"
#include "model/routine.hpp"
#include "plan/timeline.hpp"
#include "term/output.hpp"

namespace psoas {

// Where a command writes, and what each stream can show.
struct Console {
  std::ostream& out;
  std::ostream& err;
  OutputInfo out_info;
  OutputInfo err_info;
  OutputEnvironment environment;  // to judge other outputs, such as /dev/tty
};

// Prints diagnostics to the error stream; on a terminal, each with its source
// line and a caret.
void print_diagnostics(const Console& console, const std::vector<Diagnostic>& diagnostics);

// The error, at its `steps`, of a routine loaded whole that `run` would
// refuse as too long: `check` and `list` say so before a run does.
std::optional<Diagnostic> too_long_error(const LoadResult& loaded, const Timeline& timeline);

// Asks `question` on the error stream, reads a line from standard input:
// y or yes is yes; anything else, or nothing, is no.
bool confirmed(const std::string& question, const Console& console);

// Loads the routine a command argument names: a path, or a name looked up on
// the search path. On errors, prints them and throws Error.
// With `figures`, the figures its steps name are loaded too, for commands that draw.
enum class WithFigures : bool { no, yes };
std::shared_ptr<const Routine> load_routine_argument(std::string_view argument, const SearchPath& search_path,
                                                     const Console& console,
                                                     WithFigures figures = WithFigures::no);

}  // namespace psoas
