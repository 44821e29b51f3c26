// psoas today: what is due and what is done today, from the reminders and
// the history; --short for a shell prompt, so it reads as little as it can.
#include <ostream>

#include "commands/command_line.hpp"
#include "commands/plan_access.hpp"
#include "commands/reminders_access.hpp"
#include "model/wall_time.hpp"
#include "remind/due.hpp"
#include "remind/state.hpp"
#include "ui/plan_view.hpp"
#include "ui/reminder_view.hpp"

namespace psoas {
namespace {

struct TodayOptions {
  bool json = false;
  bool short_line = false;
};

ExitCode show_today(const TodayOptions& options, const Environment& environment, const Console& console) {
  const std::vector<Reminder> reminders = reminders_to_read(environment, console);
  TodayReport report;
  report.now_ms = wall_time_now().unix_ms;
  RemindState state;
  if (const auto state_file = environment.remind_state_file()) {
    std::string problem;
    state = read_remind_state(*state_file, problem);
    if (!problem.empty() && !options.short_line) console.err << "psoas: warning: " << problem << "\n";
  }
  report.paused_until_ms = state.paused_until_ms;
  const std::int64_t today = local_day(wall_time_at(report.now_ms));
  // A prompt shows only what is due: then only what reminders look at is read.
  const std::vector<Session> sessions =
      sessions_since(environment, console, report.now_ms - 8 * kDayMs,
                     options.short_line ? SessionReading::for_reminders : SessionReading::whole);
  const ReminderState none;
  for (const Reminder& reminder : reminders) {
    const auto found = state.reminders.find(reminder.id);
    const std::vector<std::int64_t> done = done_times(sessions, reminder.routine);
    ReminderRow row{reminder, "",
                    look_at_reminder({reminder, found == state.reminders.end() ? none : found->second,
                                      state.paused_until_ms, done, report.now_ms})};
    // The title costs a routine's loading: not for a prompt.
    if (!options.short_line)
      if (const auto routine = load_routine_quietly(reminder.routine, environment.search_path()))
        row.title = routine->title;
    report.rows.push_back(std::move(row));
  }
  for (const Session& session : sessions)
    if (done_for_reminders(session) && local_day(session.ended) == today) report.done.push_back(session);
  if (const auto plan = plan_today(environment, console, options.short_line); plan && !plan->progress.over)
    report.plan = PlanDueToday{plan->plan.name, week_words(plan->plan, plan->progress.week),
                               due_on(plan->plan, plan->active.start_day, plan->today, plan->sessions)};
  if (options.short_line) {
    console.out << today_short(report);
  } else if (options.json) {
    console.out << today_json(report);
  } else {
    console.out << render_today(report, console.out_info.color);
  }
  return ExitCode::ok;
}

}  // namespace

void add_today_command(CommandLine& line) {
  auto options = std::make_shared<TodayOptions>();
  CLI::App* command = line.add("today", "What is due and what is done today", CompletedArgument::none,
                               [options](const Environment& environment, const Console& console) {
                                 return show_today(*options, environment, console);
                               });
  command->add_flag("--json", options->json, "Write it as JSON");
  command->add_flag("--short", options->short_line,
                    "One short line for a shell prompt, or nothing when nothing is due");
  command->get_option("--json")->excludes(command->get_option("--short"));
  command->footer(examples({"psoas today", "psoas today --short", "psoas today --json"}));
}

}  // namespace psoas
