#include "commands/check.hpp"

#include <ostream>
#include <variant>

#include <fmt/format.h>

#include "base/files.hpp"
#include "base/printable.hpp"
#include "commands/command_line.hpp"
#include "commands/console.hpp"
#include "load/figure_library.hpp"
#include "load/figure_reader.hpp"
#include "load/loader.hpp"
#include "load/plan_reader.hpp"
#include "load/suggest.hpp"
#include "plan/timeline.hpp"
#include "remind/reminders_file.hpp"
#include "ui/describe.hpp"
#include "ui/json.hpp"
#include "ui/style.hpp"

namespace psoas {

namespace {

// reminders.yaml or a plan, checked as a routine is: every error with its
// place, and each routine it names found on the search path. `read` reads
// the file and gives how many things it holds (reminders, a plan's routines).
template <class Read>
CheckedFile check_file_naming_routines(const std::filesystem::path& file, const SearchPath& search_path,
                                       Read read, std::optional<std::size_t> CheckedFile::*count,
                                       Severity missing_routine, std::string_view missing_note) {
  CheckedFile entry{file.string(), std::nullopt, std::nullopt, {}};
  auto source = read_source(file);
  if (const auto* problem = std::get_if<Diagnostic>(&source)) {
    entry.diagnostics.push_back(*problem);
    return entry;
  }
  auto [diagnostics, named_routines, size] = read(std::get<SourceText>(source));
  entry.diagnostics = std::move(diagnostics);
  for (const auto& [routine, position] : named_routines)
    if (!search_path.find(routine))
      entry.diagnostics.push_back({file.string(), position, missing_routine,
                                   search_path.not_found(routine) + std::string(missing_note)});
  sort_by_position(entry.diagnostics);
  if (!has_errors(entry.diagnostics)) entry.*count = size;
  return entry;
}

struct ReadForCheck {
  std::vector<Diagnostic> diagnostics;
  std::vector<NamedRoutine> named_routines;
  std::size_t size = 0;
};

CheckedFile check_reminders_file(const std::filesystem::path& file, const SearchPath& search_path) {
  return check_file_naming_routines(
      file, search_path,
      [](const SourceText& text) {
        ReadReminders read = read_reminders(text);
        return ReadForCheck{std::move(read.diagnostics), std::move(read.named_routines),
                            read.reminders.size()};
      },
      // Renamed or deleted since: today and nudge say so, and the rest of the file works.
      &CheckedFile::reminders, Severity::warning, "; this reminder says so instead of reminding");
}

CheckedFile check_plan_file(const std::filesystem::path& file, const SearchPath& search_path) {
  return check_file_naming_routines(
      file, search_path,
      [](const SourceText& text) {
        ReadPlan read = read_plan(text);
        return ReadForCheck{std::move(read.diagnostics), std::move(read.named_routines),
                            read.plan.sessions.size()};
      },
      &CheckedFile::plan_sessions, Severity::error, "");
}

// Whether a file is a figure, rather than a routine: its `joints:`.
bool is_figure_file(const std::filesystem::path& file) {
  ReadProblem problem;
  const auto text = read_regular_file(file, kMaxRoutineFileBytes, problem);
  return text && is_figure_text(*text);
}

}  // namespace

ExitCode check_routines(const CheckOptions& options, const SearchPath& search_path, const Console& console) {
  FigureLibrary figures(search_path);
  RoutineLoader loader(search_path, figures);
  const Style style(console.out_info.color);
  std::vector<CheckedFile> checked;
  bool all_valid = true;
  for (const std::string& argument : options.files) {
    LoadResult result;
    const auto resolved = search_path.resolve(argument);
    const std::filesystem::path file = resolved.value_or(argument);
    const bool missing = target_kind(file) == PathKind::missing;
    const bool nothing_there = path_kind(file) == PathKind::missing;  // not even a broken link
    const auto named = search_path.find(file.stem().string());
    if (!resolved && missing) {
      // Not a path, and no routine has that name: there is no file to point at.
      result.diagnostics.push_back({"", kNowhere, Severity::error, search_path.not_found(argument)});
    } else if (is_routine_path(argument) && nothing_there && named) {
      // `check my-hips.yaml` from the wrong folder: the routine is known by name.
      result.diagnostics.push_back(
          {argument, kNowhere, Severity::error,
           fmt::format("no such file; the routine `{}` is {}, and `psoas check {}` checks it",
                       file.stem().string(), named->file.string(), file.stem().string())});
    } else if (is_figure_file(file)) {
      LoadedFigure figure = load_figure_file(file);
      all_valid = all_valid && figure.figure != nullptr;
      if (!options.json) {
        print_diagnostics(console, figure.diagnostics);
        if (figure.figure)
          console.out << fmt::format("{}: {} (a figure: {})\n", escape_line(file.string()), style.good("ok"),
                                     escape_line(figure.figure->title));
      }
      checked.push_back({file.string(), std::nullopt, std::nullopt, std::move(figure.diagnostics)});
      continue;
    } else if (file.filename() == kRemindersFileName || file_is_plan(file)) {
      const bool plan = file.filename() != kRemindersFileName;
      CheckedFile entry = plan ? check_plan_file(file, search_path) : check_reminders_file(file, search_path);
      const auto count = plan ? entry.plan_sessions : entry.reminders;
      all_valid = all_valid && count.has_value();
      if (!options.json) {
        print_diagnostics(console, entry.diagnostics);
        if (count)
          console.out << fmt::format("{}: {} ({}{})\n", escape_line(entry.file), style.good("ok"),
                                     plan ? "a plan, " : "", count_of(*count, plan ? "routine" : "reminder"));
      }
      checked.push_back(std::move(entry));
      continue;
    } else {
      result = loader.load_file(file);
    }
    CheckedFile entry{file.string(), std::nullopt, std::nullopt, std::move(result.diagnostics)};
    if (result.routine) {
      const Timeline timeline = build_timeline(*result.routine);
      if (auto too_long = too_long_error(result, timeline)) {
        entry.diagnostics.push_back(std::move(*too_long));
        all_valid = false;
      } else {
        entry.steps = timeline.steps.size();
        entry.total = timeline.total;
        entry.untimed = timeline.has_checklist();
      }
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

void add_check_command(CommandLine& line) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* check =
      line.add("check", "Validate routine files and print every error", CompletedArgument::routine_or_file,
               [options](const Environment& environment, const Console& console) {
                 return check_routines(*options, environment.search_path(), console);
               });
  check->add_option("files", options->files, "Routine files (or names)")->required()->type_name("FILE");
  check->add_flag("--json", options->json, "Write the results as JSON");
  check->footer(examples({"psoas check my-hips.yaml", "psoas check ~/.config/psoas/routines/*.yaml"}));
}

}  // namespace psoas
