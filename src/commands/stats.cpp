#include "commands/stats.hpp"

#include <ostream>

#include "commands/command_line.hpp"
#include "commands/history_access.hpp"
#include "commands/plan_access.hpp"
#include "history/stats.hpp"
#include "run/clock.hpp"
#include "ui/history_view.hpp"
#include "ui/json_dump.hpp"
#include "ui/plan_view.hpp"

namespace psoas {

ExitCode show_stats(const StatsOptions& options, const std::optional<HistoryReader>& history,
                    const std::optional<PlanToday>& plan_today, const Console& console) {
  const std::int64_t today = local_day(wall_time_now());
  StatsReport report = history ? make_stats_report(*history, options.routine, today, options.weeks)
                               : make_stats_report(std::vector<Session>{}, today, options.weeks);
  report.routine = options.routine.value_or("");
  std::optional<PlanStatus> plan;
  std::vector<WeekRatings> ratings;
  if (plan_today && !options.routine) {
    plan = PlanStatus{&plan_today->plan,   plan_today->active.start_day, plan_today->today,
                      plan_today->changed, &plan_today->progress,        {}};
    ratings = ratings_by_week(plan_today->active.start_day,
                              static_cast<int>(plan_today->progress.weeks.size()), plan_today->sessions);
  }
  if (options.json) {
    Json json = Json::parse(stats_json(report));
    json["plan"] = plan ? plan_stats_json(*plan, ratings) : Json(nullptr);
    console.out << dump_json(json);
  } else {
    console.out << render_stats(report, static_cast<std::size_t>(console.out_info.width),
                                console.out_info.color);
    if (plan) console.out << render_plan_stats(*plan, ratings, console.out_info.color);
  }
  return ExitCode::ok;
}

void add_stats_command(CommandLine& line) {
  auto options = std::make_shared<StatsOptions>();
  CLI::App* stats =
      line.add("stats", "Your streak, minutes per week, favourite routines, and your two sides",
               CompletedArgument::none, [options](const Environment& environment, const Console& console) {
                 return show_stats(*options, open_history_reader(environment.history_file()),
                                   plan_today(environment, console, true), console);
               });
  stats->add_option("--weeks", options->weeks, "How many weeks to look back")
      ->check(whole_number_from(1, 104))
      ->type_name("N");
  stats->add_option("--routine", options->routine, "Only sessions of this routine")->type_name("NAME");
  line.routine_options["stats"] = {"routine"};
  stats->add_flag("--json", options->json, "Write every figure as JSON");
  stats->footer(examples({"psoas stats", "psoas stats --weeks 12", "psoas stats --routine bridge --json"}));
}

}  // namespace psoas
