#include "commands/check.hpp"

#include <ostream>

#include <fmt/format.h>

#include "load/loader.hpp"
#include "plan/timeline.hpp"
#include "ui/describe.hpp"
#include "ui/style.hpp"

namespace psoas {

ExitCode check_routines(const CheckOptions& options, const SearchPath& search_path, const Console& console) {
  RoutineLoader loader(search_path);
  const Style style(console.out_info.color);
  bool all_valid = true;
  for (const std::string& argument : options.files) {
    std::filesystem::path file = argument;
    if (!is_routine_path(argument)) {
      if (const auto found = search_path.find(argument)) file = found->file;
    }
    const LoadResult result = loader.load_file(file);
    print_diagnostics(console, result.diagnostics);
    if (!result.routine) {
      all_valid = false;
      continue;
    }
    const Timeline timeline = build_timeline(*result.routine);
    console.out << fmt::format("{}: {} ({}, {})\n", file.string(), style.good("ok"),
                               count_of(timeline.steps.size(), "step"), format_duration(timeline.total));
  }
  return all_valid ? ExitCode::ok : ExitCode::failure;
}

}  // namespace psoas
