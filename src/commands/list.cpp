#include "commands/list.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "base/printable.hpp"
#include "commands/command_line.hpp"
#include "commands/console.hpp"
#include "commands/list_cache.hpp"
#include "load/loader.hpp"
#include "load/plan_reader.hpp"
#include "load/suggest.hpp"
#include "model/wall_time.hpp"
#include "plan/timeline.hpp"
#include "ui/json.hpp"
#include "ui/routine_table.hpp"

namespace psoas {
namespace {

bool has_tag(const std::vector<std::string>& tags, std::string_view tag) {
  return std::any_of(tags.begin(), tags.end(),
                     [&](const std::string& candidate) { return equal_ignoring_case(candidate, tag); });
}

}  // namespace

ExitCode list_routines(const ListOptions& options, const SearchPath& search_path,
                       const std::optional<std::filesystem::path>& cache_file, const Console& console) {
  if (options.names && !options.tag) {
    // Fast, and silent about broken files: completion runs this on every Tab.
    for (const FoundRoutine& found : search_path.list())
      if (!file_is_plan(found.file)) console.out << escape_line(found.name) << '\n';
    return ExitCode::ok;
  }
  ListCache cache(cache_file, search_path, wall_time_now().unix_ms * 1'000'000);
  std::vector<FoundRoutine> found_routines = search_path.list();
  // Plans the cache knows of are left to `psoas plan list`, unread.
  std::erase_if(found_routines, [&cache](const FoundRoutine& found) { return cache.known_plan(found.file); });
  // What the cache knows; the rest is loaded at once, in parallel.
  std::vector<std::optional<RoutineSummary>> summaries;
  std::vector<std::filesystem::path> to_load;
  for (const FoundRoutine& found : found_routines) {
    summaries.push_back(cache.find(found.file));
    if (!summaries.back()) to_load.push_back(found.file);
  }
  // Each file is summed up, and its routine freed, on the thread that loaded it.
  struct Loaded {
    std::vector<Diagnostic> diagnostics;
    std::optional<RoutineSummary> summary;  // none: the file is broken, or a plan
    std::optional<ListCache::Entry> entry;
  };
  std::vector<Loaded> loaded(to_load.size());
  load_files(search_path, to_load, [&](std::size_t i, LoadResult result) {
    Loaded& slot = loaded[i];
    slot.diagnostics = std::move(result.diagnostics);
    if (!result.routine) return;
    const Timeline timeline = build_timeline(*result.routine);
    if (auto too_long = too_long_error(result, timeline)) {
      slot.diagnostics.push_back(std::move(*too_long));  // listed as broken, as check and run refuse it
      return;
    }
    slot.summary = RoutineSummary::of(*result.routine, timeline);
    slot.entry = cache.entry_for(to_load[i], *result.routine, *slot.summary);
  });
  auto next_loaded = loaded.begin();
  std::vector<RoutineRow> rows;
  bool any_broken = false;
  for (std::size_t i = 0; i < found_routines.size(); ++i) {
    const FoundRoutine& found = found_routines[i];
    RoutineRow row;
    row.name = found.name;
    row.origin = found.origin;
    row.shadows_builtin = found.shadows_builtin;
    row.file = found.file.string();
    std::optional<RoutineSummary>& summary = summaries[i];
    if (!summary) {
      Loaded& result = *next_loaded++;
      if (!result.summary && file_is_plan(found.file)) {
        cache.store_plan(found.file);
        continue;  // `psoas plan list` lists it
      }
      if (!result.summary) {
        any_broken = true;
        // The first error says why; `psoas check` gives them all.
        const auto first = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                                        [](const Diagnostic& d) { return d.severity == Severity::error; });
        if (!options.json) print_diagnostics(console, {*first});
        row.error = *first;
        if (!options.tag) rows.push_back(std::move(row));  // with a tag asked for: its tags are unknown
        continue;
      }
      summary = std::move(result.summary);
      if (result.entry) cache.store(found.file, std::move(*result.entry));
    }
    if (options.tag && !has_tag(summary->tags, *options.tag)) continue;
    row.title = summary->title;
    row.total = summary->total;
    row.untimed = summary->untimed;
    row.steps = summary->steps;
    row.tags = summary->tags;
    row.often = summary->often;
    rows.push_back(std::move(row));
  }
  cache.save();
  if (rows.empty() && options.tag && !options.json) {
    console.err << fmt::format("psoas: no routine is tagged `{}`\n", escape_line(*options.tag));
  } else if (options.json) {
    console.out << list_json(rows);
  } else if (options.names) {
    for (const RoutineRow& row : rows) console.out << escape_line(row.name) << '\n';
  } else {
    const auto width =
        console.out_info.is_terminal ? std::optional<std::size_t>(console.out_info.width) : std::nullopt;
    console.out << render_routine_table(rows, width, console.out_info.color);
  }
  return any_broken ? ExitCode::failure : ExitCode::ok;
}

void add_list_command(CommandLine& line) {
  auto options = std::make_shared<ListOptions>();
  CLI::App* list = line.add("list", "List the routines on the search path", CompletedArgument::none,
                            [options](const Environment& environment, const Console& console) {
                              return list_routines(*options, environment.search_path(),
                                                   environment.list_cache_file(), console);
                            });
  list->add_option("--tag", options->tag, "Only routines with this tag")->type_name("TAG");
  list->add_flag("--json", options->json, "Write the list as JSON");
  list->add_flag("--names", options->names, "Only the names, one per line");
  list->footer(examples({"psoas list", "psoas list --tag hips", "psoas list --json > routines.json"}));
}

}  // namespace psoas
