#include "commands/check.hpp"

#include <ostream>

#include <fmt/format.h>

#include "base/files.hpp"
#include "base/printable.hpp"
#include "load/loader.hpp"
#include "load/suggest.hpp"
#include "plan/timeline.hpp"
#include "ui/describe.hpp"
#include "ui/json.hpp"
#include "ui/style.hpp"

namespace psoas {

ExitCode check_routines(const CheckOptions& options, const SearchPath& search_path, const Console& console) {
  RoutineLoader loader(search_path);
  const Style style(console.out_info.color);
  std::vector<CheckedFile> checked;
  bool all_valid = true;
  for (const std::string& argument : options.files) {
    std::filesystem::path file = argument;
    LoadResult result;
    if (!is_routine_path(argument)) {
      if (const auto found = search_path.find(argument)) file = found->file;
    }
    const bool missing = target_kind(file) == PathKind::missing;
    if (!is_routine_path(argument) && file == argument && missing) {
      const auto close = search_path.suggest(argument);
      result.diagnostics.push_back(
          {argument,
           {},
           Severity::error,
           fmt::format("no routine named `{}` (searched {}){}", argument, search_path.describe(),
                       close.empty() ? "" : fmt::format("; did you mean {}?", join_alternatives(close)))});
    } else if (const auto named = search_path.find(file.stem().string());
               is_routine_path(argument) && missing && named) {
      // `check my-hips.yaml` from the wrong folder: the routine is known by name.
      result.diagnostics.push_back(
          {argument,
           {},
           Severity::error,
           fmt::format("no such file; the routine `{}` is {}, and `psoas check {}` "
                       "checks it",
                       file.stem().string(), named->file.string(), file.stem().string())});
    } else {
      result = loader.load_file(file);
    }
    CheckedFile entry{file.string(), std::nullopt, std::nullopt, std::move(result.diagnostics)};
    if (result.routine) {
      const Timeline timeline = build_timeline(*result.routine);
      entry.steps = timeline.steps.size();
      entry.total = timeline.total;
      entry.untimed = timeline.has_checklist();
    } else {
      all_valid = false;
    }
    if (!options.json) {
      print_diagnostics(console, entry.diagnostics);
      if (entry.steps)
        console.out << fmt::format("{}: {} ({}, {}{})\n", escape_line(entry.file), style.good("ok"),
                                   count_of(*entry.steps, "step"), format_duration(*entry.total),
                                   entry.untimed ? " + checklist" : "");
    }
    checked.push_back(std::move(entry));
  }
  if (options.json) console.out << check_json(checked);
  return all_valid ? ExitCode::ok : ExitCode::failure;
}

}  // namespace psoas
