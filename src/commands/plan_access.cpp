#include "commands/plan_access.hpp"

#include <sstream>
#include <variant>

#include <fmt/format.h>

#include "base/error.hpp"
#include "base/files.hpp"
#include "base/printable.hpp"
#include "commands/reminders_access.hpp"
#include "load/loader.hpp"
#include "load/plan_reader.hpp"
#include "load/source.hpp"
#include "model/wall_time.hpp"

namespace psoas {
namespace {

// A console that says nothing: for `today --short`, which must stay one line.
Console silenced(const Console& console) {
  static std::ostringstream nowhere;
  nowhere.str("");
  return Console{nowhere, nowhere, console.out_info, console.err_info, console.environment};
}

}  // namespace

std::vector<PlanOnPath> plans_on_path(const SearchPath& search_path) {
  std::vector<PlanOnPath> plans;
  for (FoundRoutine& found : search_path.list()) {
    ReadProblem problem;
    auto text = read_regular_file(found.file, kMaxRoutineFileBytes, problem);
    if (text && is_plan_text(*text)) plans.push_back({std::move(found), std::move(*text)});
  }
  return plans;
}

Plan load_plan(const std::string& argument, const SearchPath& search_path, const Console& console) {
  const auto file = search_path.resolve(argument);
  if (!file) {
    std::vector<std::string> plans;
    for (const PlanOnPath& plan : plans_on_path(search_path)) plans.push_back(plan.found.name);
    throw Error(search_path.not_found(argument, "plan", plans));
  }
  auto source = read_source(*file);
  if (const auto* problem = std::get_if<Diagnostic>(&source)) {
    print_diagnostics(console, {*problem});
    throw Error("", ExitCode::failure);
  }
  const SourceText& text = std::get<SourceText>(source);
  if (!is_plan_text(text.text))
    throw Error(
        fmt::format("{} is a routine, not a plan: a plan file starts with `plan:`; `psoas plan list` "
                    "shows the plans",
                    escape_line(argument)));
  ReadPlan read = read_plan(text);
  for (const auto& [routine, position] : read.named_routines)
    if (!search_path.find(routine))
      read.diagnostics.push_back({text.file, position, Severity::error, search_path.not_found(routine)});
  if (has_errors(read.diagnostics)) {
    sort_by_position(read.diagnostics);
    print_diagnostics(console, read.diagnostics);
    throw Error("", ExitCode::failure);
  }
  read.plan.name = file->stem().string();
  read.plan.file = *file;
  read.plan.content_hash = text_hash(text.text);
  return std::move(read.plan);
}

std::optional<PlanToday> plan_today(const Environment& environment, const Console& console, bool quiet) {
  const auto state_file = environment.plan_state_file();
  if (!state_file) return std::nullopt;
  std::string problem;
  auto active = read_active_plan(*state_file, problem);
  if (!active) {
    if (!problem.empty() && !quiet) console.err << fmt::format("psoas: warning: {}\n", problem);
    return std::nullopt;
  }
  PlanToday today;
  try {
    today.plan = load_plan(active->name, environment.search_path(), quiet ? silenced(console) : console);
  } catch (const Error& error) {
    if (!quiet)
      console.err << fmt::format("psoas: warning: plan {} cannot be followed{}{}\n", active->name,
                                 *error.what() ? ": " : "", error.what());
    return std::nullopt;
  }
  today.active = *active;
  today.changed = !active->content_hash.empty() && active->content_hash != today.plan.content_hash;
  const WallTime now = wall_time_now();
  today.today = local_day(now);
  const std::int64_t since = local_midnight_unix_ms(active->start_day) - kDayMs;  // a zone's worth of slack
  today.sessions = sessions_since(environment, quiet ? silenced(console) : console, since);
  std::erase_if(today.sessions, [&](const Session& s) { return local_day(s.ended) < active->start_day; });
  today.progress = plan_progress(today.plan, active->start_day, today.today, today.sessions);
  return today;
}

std::vector<Session> sessions_of(const std::vector<Session>& sessions, const std::string& routine) {
  std::vector<Session> of;
  for (const Session& s : sessions)
    if (s.routine == routine) of.push_back(s);
  return of;
}

}  // namespace psoas
