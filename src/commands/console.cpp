#include "commands/console.hpp"

#include <fstream>
#include <ostream>

#include <fmt/format.h>

#include "load/loader.hpp"
#include "load/suggest.hpp"
#include "base/error.hpp"
#include "ui/diagnostic_view.hpp"

namespace psoas {
namespace {

std::optional<std::string> read_line(const std::string& file, int number) {
  std::ifstream in(file);
  std::string line;
  for (int n = 1; n <= number; ++n)
    if (!std::getline(in, line)) return std::nullopt;
  if (line.ends_with('\r')) line.pop_back();
  return line;
}

}  // namespace

void print_diagnostics(const Console& console, const std::vector<Diagnostic>& diagnostics) {
  const Style style(console.err_info.color);
  for (const Diagnostic& diagnostic : diagnostics) {
    std::optional<std::string> line;
    if (console.err_info.is_terminal) line = read_line(diagnostic.file, diagnostic.position.line);
    console.err << render_diagnostic(diagnostic, line, style);
  }
  console.err.flush();
}

std::shared_ptr<const Routine> load_routine_argument(std::string_view argument, const SearchPath& search_path,
                                                     const Console& console) {
  std::filesystem::path file;
  if (is_routine_path(argument)) {
    file = std::filesystem::path(argument);
  } else if (const auto found = search_path.find(argument)) {
    file = found->file;
  } else {
    const auto close = search_path.suggest(argument);
    throw Error(fmt::format("no routine named `{}`{}\n  searched: {}\n  `psoas list` shows every routine",
                            argument,
                            close.empty() ? "" : fmt::format("; did you mean {}?", join_alternatives(close)),
                            search_path.describe()));
  }
  RoutineLoader loader(search_path);
  LoadResult result = loader.load_file(file);
  if (!result.routine) {
    print_diagnostics(console, result.diagnostics);
    throw Error("");
  }
  return result.routine;  // warnings are for `psoas check`
}

}  // namespace psoas
