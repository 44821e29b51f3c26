#include "commands/console.hpp"

#include <iostream>
#include <ostream>
#include <string>

#include <fmt/format.h>

#include "base/error.hpp"
#include "base/files.hpp"
#include "base/printable.hpp"
#include "load/loader.hpp"
#include "load/plan_reader.hpp"
#include "load/source.hpp"
#include "load/suggest.hpp"
#include "ui/diagnostic_view.hpp"

namespace psoas {
namespace {

// The line `number` of `file`, read without ever blocking (a FIFO is no file to show).
std::optional<std::string> read_line(const std::string& file, int number) {
  ReadProblem problem;
  const auto text = read_regular_file(file, kMaxRoutineFileBytes, problem);
  if (!text) return std::nullopt;
  std::string_view rest = *text;
  for (int n = 1; n < number; ++n) {
    const auto end = rest.find('\n');
    if (end == std::string_view::npos) return std::nullopt;
    rest.remove_prefix(end + 1);
  }
  std::string_view line = rest.substr(0, rest.find('\n'));
  if (line.ends_with('\r')) line.remove_suffix(1);
  return std::string(line);
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

std::optional<Diagnostic> too_long_error(const LoadResult& loaded, const Timeline& timeline) {
  if (!loaded.routine) return std::nullopt;
  auto why = too_long_to_run(*loaded.routine, timeline);
  if (!why) return std::nullopt;
  return Diagnostic{loaded.routine->file.string(), loaded.steps_position, Severity::error, std::move(*why)};
}

std::shared_ptr<const Routine> load_routine_argument(std::string_view argument, const SearchPath& search_path,
                                                     const Console& console, WithFigures figures) {
  const auto file = search_path.resolve(argument);
  if (!file) throw Error(search_path.not_found(argument) + "; `psoas list` shows every routine");
  FigureLibrary library(search_path);
  RoutineLoader loader =
      figures == WithFigures::yes ? RoutineLoader(search_path, library) : RoutineLoader(search_path);
  LoadResult result = loader.load_file(*file);
  if (!result.routine) {
    if (file_is_plan(*file))
      throw Error(
          fmt::format("{} is a plan, not a routine: `psoas plan start {}` follows it, and `psoas plan "
                      "status` says which routine is next",
                      escape_line(argument), escape_line(file->stem().string())));
    print_diagnostics(console, result.diagnostics);
    throw Error("");
  }
  return result.routine;  // warnings are for `psoas check`
}

bool confirmed(const std::string& question, const Console& console) {
  console.err << question << " [y/N] " << std::flush;
  std::string reply;
  if (!std::getline(std::cin, reply)) return false;
  return reply == "y" || reply == "Y" || reply == "yes";
}

}  // namespace psoas
