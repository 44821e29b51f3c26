// psoas plan list|start|status|stop: plans over weeks, one at a time, kept
// in the state folder (psoas(1), PLANS).
#include <unistd.h>

#include <algorithm>
#include <ostream>
#include <variant>

#include <fmt/format.h>

#include "base/error.hpp"
#include "base/files.hpp"
#include "base/printable.hpp"
#include "base/process.hpp"
#include "commands/command_line.hpp"
#include "commands/plan_access.hpp"
#include "load/plan_reader.hpp"
#include "load/source.hpp"
#include "model/wall_time.hpp"
#include "progression/plan_state.hpp"
#include "term/output.hpp"
#include "ui/plan_view.hpp"

namespace psoas {
namespace {

struct PlanOptions {
  std::string start;
  std::optional<std::string> on;
  bool yes = false;
  bool json = false;
};

std::filesystem::path state_file_of(const Environment& environment) {
  const auto file = environment.plan_state_file();
  if (!file) throw Error("no home folder: set HOME or XDG_STATE_HOME to say where psoas keeps its state");
  return *file;
}

ExitCode list_plans(const Environment& environment, const Console& console) {
  std::string problem;
  const auto active = read_active_plan(state_file_of(environment), problem);
  std::vector<PlanListRow> rows;
  bool any_broken = false;
  for (const auto& [found, text] : plans_on_path(environment.search_path())) {
    auto source = check_source(found.file.string(), text);
    // Text that is no plan's (bad UTF-8, say) is a broken plan too, as in `list`.
    const auto* checked = std::get_if<SourceText>(&source);
    const std::optional<ReadPlan> read = checked ? std::optional(read_plan(*checked)) : std::nullopt;
    PlanListRow row;
    row.name = found.name;
    row.active = active && active->name == found.name;
    if (!read || has_errors(read->diagnostics)) {
      any_broken = true;
      row.weeks = "broken";
      row.title = "`psoas check " + found.file.string() + "` says why";
    } else {
      row.title = read->plan.title;
      row.weeks = read->plan.weeks ? fmt::format("{} weeks", *read->plan.weeks) : "open-ended";
    }
    rows.push_back(std::move(row));
  }
  console.out << render_plan_list(rows);
  return any_broken ? ExitCode::failure : ExitCode::ok;
}

ExitCode start_plan(const PlanOptions& options, const Environment& environment, const Console& console) {
  const Plan plan = load_plan(options.start, environment.search_path(), console);
  const WallTime now = wall_time_now();
  std::int64_t start = local_day(now);
  if (options.on) {
    // A date, today or tomorrow; and what --since takes, for a plan begun last week.
    const auto day = *options.on == "tomorrow" ? std::optional(start + 1) : since_day(*options.on, start);
    if (!day)
      throw Error(fmt::format("--on takes a date such as 2026-12-07, today or tomorrow, not `{}`",
                              escape_line(*options.on)),
                  ExitCode::usage);
    start = *day;
  }
  const std::filesystem::path file = state_file_of(environment);
  std::string problem;
  if (const auto active = read_active_plan(file, problem)) {
    const std::string question = fmt::format("You are on {} since {}; start {} instead?", active->name,
                                             to_string(civil_from_days(active->start_day)), plan.name);
    if (!options.yes) {
      if (!is_terminal(STDIN_FILENO))
        throw Error(
            fmt::format("you are on plan {} already; `psoas plan stop` it first, or add --yes to "
                        "start {} instead",
                        active->name, plan.name));
      if (!confirmed(question, console)) {
        console.err << "psoas: nothing changed\n";
        return ExitCode::failure;
      }
    }
  }
  write_active_plan(file, {plan.name, start, plan.content_hash});
  console.err << fmt::format("psoas: on plan {} from {}{}; `psoas plan status` says where you are\n",
                             plan.name, to_string(civil_from_days(start)),
                             plan.weeks ? fmt::format(" for {} weeks", *plan.weeks) : std::string());
  return ExitCode::ok;
}

ExitCode plan_status(const PlanOptions& options, const Environment& environment, const Console& console) {
  const auto today = plan_today(environment, console, false);
  if (!today) {
    // A plan that cannot be read or followed has had its warning: it is not "no plan".
    std::string problem;
    if (!read_active_plan(state_file_of(environment), problem) && problem.empty())
      console.err
          << "psoas: you are on no plan; `psoas plan list` shows them, `psoas plan start PLAN` begins one\n";
    return ExitCode::failure;
  }
  PlanStatus status{&today->plan,   today->active.start_day, today->today,
                    today->changed, &today->progress,        {}};
  const auto due = due_on(today->plan, today->active.start_day, today->today, today->sessions);
  for (const PlanSession& session : today->plan.sessions) {
    PlanRoutineToday routine;
    routine.session = &session;
    for (const DueToday& d : due)
      if (d.routine == session.routine) {
        routine.times_today = d.times;
        routine.done_today = d.done;
      }
    routine.values =
        plan_values(today->plan, session, today->progress, sessions_of(today->sessions, session.routine));
    status.routines.push_back(std::move(routine));
  }
  console.out << (options.json ? plan_status_json(status)
                               : render_plan_status(status, console.out_info.color));
  return ExitCode::ok;
}

ExitCode stop_plan(const Environment& environment, const Console& console) {
  const std::filesystem::path file = state_file_of(environment);
  std::string problem;
  const auto active = read_active_plan(file, problem);
  if (!active && problem.empty()) {
    console.err << "psoas: you are on no plan\n";
    return ExitCode::failure;
  }
  // A plan.json linked into a synced folder: the plan there ends, and the link stays for the next.
  const std::filesystem::path target = end_of_links(file);
  if (path_kind(target) != PathKind::regular)
    throw Error(fmt::format("cannot stop the plan: {} is not a regular file", target.string()));
  std::error_code error;
  std::filesystem::remove(target, error);
  if (error) throw Error(fmt::format("cannot remove {}: {}", target.string(), error.message()));
  console.err << fmt::format("psoas: plan {} stopped; the sessions stay in the history\n",
                             active ? active->name : std::string("(unreadable)"));
  return ExitCode::ok;
}

}  // namespace

void add_plan_command(CommandLine& line) {
  auto options = std::make_shared<PlanOptions>();
  CLI::App* plan = line.add("plan", "Follow a plan over weeks: list, start, status, stop",
                            CompletedArgument::none, nullptr);
  plan->require_subcommand(1);
  CLI::App* list = plan->add_subcommand("list", "List the plans on the search path");
  CLI::App* start = plan->add_subcommand("start", "Start a plan (one at a time)");
  start->add_option("plan", options->start, "The plan, by name or file")->required()->type_name("PLAN");
  start->add_option("--on", options->on, "The day it starts: a date, today (the default) or tomorrow")
      ->type_name("DATE");
  start->add_flag("-y,--yes", options->yes, "Replace the plan you are on without asking");
  CLI::App* status = plan->add_subcommand("status", "Where you are in the plan: this week, today, each week");
  status->add_flag("--json", options->json, "Write it as JSON");
  CLI::App* stop = plan->add_subcommand("stop", "Stop following the plan");
  line.actions["plan"] = [options, list, start, status, stop](const Environment& environment,
                                                              const Console& console) {
    if (list->parsed()) return list_plans(environment, console);
    if (start->parsed()) return start_plan(*options, environment, console);
    if (status->parsed()) return plan_status(*options, environment, console);
    if (stop->parsed()) return stop_plan(environment, console);
    return ExitCode::usage;
  };
  line.routine_options["plan"] = {};
  plan->footer(examples(
      {"psoas plan list", "psoas plan start psoas-4-weeks", "psoas plan status", "psoas plan stop"}));
}

}  // namespace psoas
