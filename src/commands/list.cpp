#include "commands/list.hpp"

#include <algorithm>
#include <ostream>

#include "load/loader.hpp"
#include "load/suggest.hpp"
#include "plan/timeline.hpp"
#include "ui/routine_table.hpp"

namespace psoas {
namespace {

bool has_tag(const Routine& routine, std::string_view tag) {
  return std::any_of(routine.tags.begin(), routine.tags.end(),
                     [&](const std::string& candidate) { return equal_ignoring_case(candidate, tag); });
}

}  // namespace

ExitCode list_routines(const ListOptions& options, const SearchPath& search_path, const Console& console) {
  RoutineLoader loader(search_path);
  std::vector<RoutineRow> rows;
  bool any_broken = false;
  for (const FoundRoutine& found : search_path.list()) {
    LoadResult result = loader.load_file(found.file);
    RoutineRow row{found.name, "", std::nullopt, 0, {}, found.origin, found.shadows_builtin};
    if (!result.routine) {
      any_broken = true;
      // The first error says why; `psoas check` gives them all.
      const auto first = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                                      [](const Diagnostic& d) { return d.severity == Severity::error; });
      print_diagnostics(console, {*first});
      if (options.tag) continue;  // its tags are unknown
      rows.push_back(std::move(row));
      continue;
    }
    const Routine& routine = *result.routine;
    if (options.tag && !has_tag(routine, *options.tag)) continue;
    const Timeline timeline = build_timeline(routine);
    row.title = routine.title;
    row.total = timeline.total;
    row.steps = timeline.steps.size();
    row.tags = routine.tags;
    rows.push_back(std::move(row));
  }
  const auto width =
      console.out_info.is_terminal ? std::optional<std::size_t>(console.out_info.width) : std::nullopt;
  console.out << render_routine_table(rows, width, console.out_info.color);
  return any_broken ? ExitCode::failure : ExitCode::ok;
}

}  // namespace psoas
