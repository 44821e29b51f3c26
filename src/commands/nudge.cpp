// psoas nudge: what a reminder's timer runs. It decides which reminders are
// due, shows each on the desktop through a helper that stays to act on the
// notification's buttons, and records what it did, all within a few seconds.
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <ostream>
#include <thread>

#include <fmt/format.h>

#include "base/error.hpp"
#include "base/files.hpp"
#include "base/printable.hpp"
#include "base/process.hpp"
#include "commands/command_line.hpp"
#include "commands/programs.hpp"
#include "commands/reminders_access.hpp"
#include "history/stats.hpp"
#include "model/wall_time.hpp"
#include "plan/timeline.hpp"
#include "remind/desktop_notifier.hpp"
#include "remind/due.hpp"
#include "remind/state.hpp"
#include "ui/describe.hpp"
#include "ui/reminder_view.hpp"

namespace psoas {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

// For the helper to start and say whether it showed the notification.
constexpr milliseconds kReportTimeout = kNotifyAnswerTimeout + seconds(5);
constexpr milliseconds kLockPatience = seconds(2);  // for another nudge to finish
constexpr minutes kSnooze{10};                      // "In 10 minutes"
struct NudgeOptions {
  std::optional<std::string> reminder;
  std::optional<std::string> answer;  // a button pressed: start, snooze or skip
};

std::filesystem::path lock_file(const std::filesystem::path& state_file) {
  return state_file.parent_path() / "nudge.lock";
}

std::optional<Reminder> find_reminder(const std::vector<Reminder>& reminders, std::string_view id) {
  for (const Reminder& r : reminders)
    if (r.id == id) return r;
  return std::nullopt;
}

// The notification for a reminder: the routine's title and length, and the
// streak when today would break it.
DesktopNotification notification_for(const Reminder& reminder, const Environment& environment,
                                     const Console& console) {
  std::string title = reminder.routine;
  std::string length;
  if (const auto routine = load_routine_quietly(reminder.routine, environment.search_path())) {
    title = routine->title;
    const Timeline timeline = build_timeline(*routine);
    length = time_left_text(timeline);
  }
  std::string body = length.empty() ? reminder.routine : fmt::format("{} · {}", length, reminder.routine);
  const WallTime now = wall_time_now();
  const auto sessions = sessions_since(environment, console, now.unix_ms - 400 * kDayMs);
  const std::int64_t today = local_day(now);
  const Streaks streak = streaks(sessions, today);
  if (streak.current > 0 && !practice_days(sessions).contains(today))
    body += fmt::format("\nYour {}-day streak ends today unless you stretch.", streak.current);
  return {escape_line(title),
          body,
          {{"start", "Start now"}, {"snooze", "In 10 minutes"}, {"skip", "Skip today"}}};
}

// Changes the state under the lock: the buttons and nudge never lose each other's changes.
void change_state(const Environment& environment, const std::function<void(RemindState&)>& change) {
  const auto file = environment.remind_state_file();
  if (!file) return;
  StateLock lock(lock_file(*file), seconds(10));
  if (!lock.held()) throw Error("the reminders' state is locked by another psoas");
  std::string problem;
  RemindState state = read_remind_state(*file, problem);
  change(state);
  write_remind_state(*file, state);
}

// "Start now": the routine, in a terminal of its own.
void start_in_terminal(const Reminder& reminder, const Environment& environment) {
  const std::string program = own_program();
  std::vector<std::string> argv;
  if (environment.psoas_terminal && !environment.psoas_terminal->empty()) {
    // $PSOAS_TERMINAL is a command that runs its arguments, such as `foot` or `gnome-terminal --`.
    argv = {"/bin/sh",       "-c", "exec $PSOAS_TERMINAL \"$@\"", "psoas-terminal", program, "run",
            reminder.routine};
  } else {
    argv = {"x-terminal-emulator", "-e", program, "run", reminder.routine};
  }
  if (spawn_process(argv, ChildStreams::silenced)) return;
  // Said where the button was pressed too: stderr goes to a journal nobody reads.
  std::fputs(fmt::format("psoas: cannot start a terminal for {} ({}); set PSOAS_TERMINAL\n", reminder.routine,
                         argv.front())
                 .c_str(),
             stderr);
  const auto notice = spawn_detached(
      {notify_program(), fmt::format("psoas cannot open a terminal for {}", reminder.routine),
       "Set PSOAS_TERMINAL to a terminal that runs a command, such as `foot` or `gnome-terminal --`, or "
       "install one that provides x-terminal-emulator."});
  if (notice) {  // stays until it is shown, as nudge does
    read_report_line(notice->report_fd, kReportTimeout);
    ::close(notice->report_fd);
  }
}

// "In 10 minutes": nudge again then, through systemd when it runs, else by waiting here.
void snooze(const Reminder& reminder, const Environment& environment) {
  const std::int64_t now = wall_time_now().unix_ms;
  change_state(environment, [&](RemindState& state) {
    state.reminders[reminder.id].snoozed_until_ms =
        now + std::chrono::duration_cast<milliseconds>(kSnooze).count();
  });
  const std::string program = own_program();
  if (find_program("systemd-run") && user_manager_running()) {
    std::vector<std::string> argv = {"systemd-run",
                                     "--user",
                                     "--quiet",
                                     "--collect",
                                     fmt::format("--on-active={}", std::chrono::seconds(kSnooze).count()),
                                     fmt::format("--unit=psoas-snooze-{}-{}", reminder.id, now / 1000)};
    for (const auto& [name, value] : nudge_command(environment).environment)
      argv.push_back(fmt::format("--setenv={}={}", name, value));
    for (const std::string& word : {program, std::string("nudge"), std::string("--reminder"), reminder.id})
      argv.push_back(word);
    if (run_and_wait(argv, ChildStreams::silenced, false) == 0) return;
  }
  std::this_thread::sleep_for(kSnooze + seconds(1));
  run_and_wait({program, "nudge", "--reminder", reminder.id}, ChildStreams::inherited, false);
}

// A button of the notification, pressed: psoas-notify runs `nudge --reminder ID --answer KEY`.
ExitCode answer(const std::string& id, const std::string& key, const Environment& environment,
                const Console& console) {
  // Pressed long after nudge ended: the standard error nudge left may be a pipe nobody reads now.
  std::signal(SIGPIPE, SIG_IGN);
  const RemindersFile file = load_reminders(environment, console);
  const auto reminder = find_reminder(file.reminders, id);
  if (!reminder) throw Error(fmt::format("no reminder `{}`: it was removed", escape_line(id)));
  if (key == "start" || key == "default") {
    start_in_terminal(*reminder, environment);
  } else if (key == "snooze") {
    snooze(*reminder, environment);
  } else if (key == "skip") {
    change_state(environment, [&](RemindState& state) {
      ReminderState& one = state.reminders[reminder->id];
      one.skipped_day = local_day(wall_time_now());
      one.snoozed_until_ms.reset();
    });
  } else {
    throw Error(fmt::format("--answer takes start, snooze or skip, not `{}`", escape_line(key)),
                ExitCode::usage);
  }
  return ExitCode::ok;
}

ExitCode nudge(const NudgeOptions& options, const Environment& environment, const Console& console) {
  if (options.answer) {
    if (!options.reminder) throw Error("--answer needs --reminder", ExitCode::usage);
    return answer(*options.reminder, *options.answer, environment, console);
  }
  const auto state_file = environment.remind_state_file();
  if (!state_file)
    throw Error("no home folder: set HOME or XDG_STATE_HOME to say where psoas keeps its state");
  StateLock lock(lock_file(*state_file), kLockPatience);
  if (!lock.held()) {
    console.err << "psoas: another nudge is running; this one leaves the reminders to it\n";
    return ExitCode::ok;
  }
  const RemindersFile file = load_reminders(environment, console);
  if (options.reminder && !find_reminder(file.reminders, *options.reminder))
    throw Error(
        fmt::format("no reminder `{}`; `psoas remind list` shows them", escape_line(*options.reminder)));
  std::string problem;
  RemindState state = read_remind_state(*state_file, problem);
  if (!problem.empty()) console.err << fmt::format("psoas: warning: {}\n", problem);
  const std::int64_t now = wall_time_now().unix_ms;
  const auto sessions = sessions_since(environment, console, now - 8 * kDayMs);
  const bool tell = console.out_info.is_terminal;
  bool changed = false;
  for (const Reminder& reminder : file.reminders) {
    if (options.reminder && reminder.id != *options.reminder) continue;
    ReminderState& mine = state.reminders[reminder.id];
    const auto done = done_times(sessions, reminder.routine);
    const ReminderLook look = look_at_reminder({reminder, mine, state.paused_until_ms, done, now});
    if (look.status != ReminderStatus::due) {
      if (tell)
        console.out << fmt::format("{}: {}{}\n", reminder.id, to_string(look.status),
                                   look.next_ms ? "; next " + when_text(*look.next_ms, now) : "");
      continue;
    }
    if (!environment.search_path().find(reminder.routine)) {
      // A reminder for a routine that is gone (renamed, deleted): say so, and show nothing to start.
      console.err << fmt::format("psoas: reminder `{}`: {}\n", reminder.id,
                                 environment.search_path().not_found(reminder.routine));
      continue;
    }
    std::string why = "psoas-notify did not answer";
    bool shown = false;
    const DesktopNotification notification = notification_for(reminder, environment, console);
    std::vector<std::string> argv = {notify_program(), notification.summary, notification.body};
    for (const auto& [key, label] : notification.actions) argv.push_back(key + "=" + label);
    for (const std::string& word : {std::string("--"), own_program(), std::string("nudge"),
                                    std::string("--reminder"), reminder.id, std::string("--answer")})
      argv.push_back(word);
    if (const auto helper = spawn_detached(argv)) {
      const auto line = read_report_line(helper->report_fd, kReportTimeout);
      ::close(helper->report_fd);
      if (line && line->starts_with("shown ")) shown = true;
      if (line && line->starts_with("unshown: ")) why = line->substr(9);
    } else {
      why = "psoas-notify could not start (" + argv.front() + ")";
    }
    mine.last_nudge_ms = now;
    if (look.slot_ms) mine.last_slot_ms = look.slot_ms;
    mine.snoozed_until_ms.reset();
    mine.unshown = !shown;
    changed = true;
    if (shown) {
      if (tell) console.out << fmt::format("{}: reminded\n", reminder.id);
    } else {
      console.err << fmt::format("psoas: {} is due, but {}; `psoas today` shows it\n", reminder.routine,
                                 escape_line(why));
    }
  }
  if (changed) write_remind_state(*state_file, state);
  return ExitCode::ok;
}

}  // namespace

void add_nudge_command(CommandLine& line) {
  auto options = std::make_shared<NudgeOptions>();
  CLI::App* command =
      line.add("nudge", "Remind of what is due now (what a reminder's timer runs)", CompletedArgument::none,
               [options](const Environment& environment, const Console& console) {
                 return nudge(*options, environment, console);
               });
  command->add_option("--reminder", options->reminder, "Only this reminder")->type_name("ID");
  // What psoas-notify runs when a button is pressed; not for people.
  command->add_option("--answer", options->answer, "")->group("");
  command->footer(examples({"psoas nudge", "psoas nudge --reminder desk-break"}));
}

}  // namespace psoas
