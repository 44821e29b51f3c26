// psoas remind add|list|remove|pause|resume: reminders in reminders.yaml, and
// what wakes `psoas nudge` for them: systemd user timers, or crontab lines.
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <ostream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/error.hpp"
#include "base/files.hpp"
#include "base/printable.hpp"
#include "base/process.hpp"
#include "commands/command_line.hpp"
#include "commands/reminders_access.hpp"
#include "load/loader.hpp"
#include "load/suggest.hpp"
#include "model/wall_time.hpp"
#include "plan/timeline.hpp"
#include "remind/due.hpp"
#include "remind/reminders_file.hpp"
#include "remind/schedule.hpp"
#include "remind/state.hpp"
#include "remind/wake_units.hpp"
#include "ui/reminder_view.hpp"

namespace psoas {
namespace {

namespace fs = std::filesystem;

struct RemindAddOptions {
  std::string routine;
  std::optional<std::string> at;
  std::optional<std::string> every;
  std::optional<std::string> between;
  std::optional<std::string> days;
  std::optional<std::string> id;
  bool cron = false;
};

struct RemindOptions {
  RemindAddOptions add;
  bool json = false;
  bool ids = false;
  std::string remove;
  std::string pause;
};

// The reminder the options describe; usage errors say what to change.
Reminder reminder_of(const RemindAddOptions& options) {
  const auto usage = [](std::string message) { return Error(std::move(message), ExitCode::usage); };
  if (options.at && options.every) throw usage("a reminder comes --at times or --every so often, not both");
  if (!options.at && !options.every)
    throw usage("say when: --at 10:30,15:00, or --every 50m --between 09:00-17:30");
  if (options.between && !options.every)
    throw usage("--between goes with --every; an --at reminder comes at its times");
  Reminder reminder;
  reminder.routine = options.routine;
  std::string why;
  if (options.at) {
    const auto at = parse_clock_list(*options.at, why);
    if (!at) throw usage("--at: " + why);
    reminder.at = *at;
  }
  if (options.every) {
    reminder.every = parse_interval(*options.every, why);
    if (!reminder.every) throw usage("--every: " + why);
    if (!options.between)
      throw usage("--every needs --between, the part of the day to remind in, such as --between 09:00-17:30");
    const auto window = parse_window(*options.between, why);
    if (!window) throw usage("--between: " + why);
    std::tie(reminder.window_start, reminder.window_end) = *window;
  }
  if (options.days) {
    const auto days = parse_days(*options.days, why);
    if (!days) throw usage("--days: " + why);
    reminder.days = *days;
  }
  reminder.waker = options.cron ? Waker::cron : Waker::systemd;
  return reminder;
}

// A routine's name on the search path: a reminder must find it again later.
void check_routine(const std::string& name, const SearchPath& search_path) {
  if (!is_valid_routine_name(name))
    throw Error(
        fmt::format("a reminder names a routine on the search path (see `psoas list`), not `{}`; put a "
                    "routine file of your own in {}",
                    escape_line(name),
                    search_path.user_folder() ? search_path.user_folder()->string() : "your routines folder"),
        ExitCode::usage);
  if (!search_path.find(name)) throw Error(search_path.not_found(name));
}

std::string free_id(const std::vector<Reminder>& reminders, const std::string& wanted, bool given) {
  const auto taken = [&](const std::string& id) {
    return std::any_of(reminders.begin(), reminders.end(), [&](const Reminder& r) { return r.id == id; });
  };
  if (given) {
    if (!is_valid_reminder_id(wanted))
      throw Error(
          fmt::format("--id must be lowercase letters, digits and dashes, not `{}`", escape_line(wanted)),
          ExitCode::usage);
    if (taken(wanted))
      throw Error(
          fmt::format("there is a reminder `{}` already; `psoas remind remove {}` first, or another --id",
                      wanted, wanted));
    return wanted;
  }
  if (!taken(wanted)) return wanted;
  for (int n = 2;; ++n)
    if (const std::string id = fmt::format("{}-{}", wanted, n); !taken(id)) return id;
}

// What a change wrote so far, so that a failure can take it back: the
// reminders file and the units change together or not at all.
class Undo {
 public:
  Undo() = default;
  Undo(const Undo&) = delete;
  Undo& operator=(const Undo&) = delete;
  ~Undo() { run(); }
  void add(std::function<void()> step) { steps_.push_back(std::move(step)); }
  // Takes back everything, newest first.
  void run() {
    for (auto it = steps_.rbegin(); it != steps_.rend(); ++it) (*it)();
    steps_.clear();
  }
  void keep() { steps_.clear(); }

 private:
  std::vector<std::function<void()>> steps_;
};

// Writes `path` with `content`, and tells `undo` how to put back what was there.
void write_with_undo(const fs::path& path, const std::string& content, Undo& undo) {
  if (path_kind(path) == PathKind::missing) {
    create_file(path, content);
    undo.add([path] {
      std::error_code ignored;
      fs::remove(path, ignored);
    });
    return;
  }
  const std::string before = read_file(path);
  replace_file(path, content);
  undo.add([path, before] {
    try {
      replace_file(path, before);
    } catch (const Error&) {
    }
  });
}

// The session bus a cron job must be told of: cron's environment has none.
std::string bus_address(const Environment& environment) {
  if (environment.session_bus_address && !environment.session_bus_address->empty())
    return *environment.session_bus_address;
  return fmt::format("unix:path=/run/user/{}/bus", ::getuid());
}

int systemctl(const std::vector<std::string>& arguments) {
  std::vector<std::string> argv = {"systemctl", "--user", "--quiet"};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  return run_and_wait(argv, ChildStreams::silenced, false);
}

std::vector<ReminderRow> rows_of(const std::vector<Reminder>& reminders, const RemindState& state,
                                 const std::vector<Session>& sessions, std::int64_t now) {
  std::vector<ReminderRow> rows;
  const ReminderState none;
  for (const Reminder& r : reminders) {
    const auto found = state.reminders.find(r.id);
    const std::vector<std::int64_t> done = done_times(sessions, r.routine);
    rows.push_back({r, "",
                    look_at_reminder({r, found == state.reminders.end() ? none : found->second,
                                      state.paused_until_ms, done, now})});
  }
  return rows;
}

RemindState read_state(const Environment& environment, const Console& console) {
  const auto file = environment.remind_state_file();
  if (!file) return {};
  std::string problem;
  RemindState state = read_remind_state(*file, problem);
  if (!problem.empty()) console.err << fmt::format("psoas: warning: {}\n", problem);
  return state;
}

// As `remind list` would say it: the history, and a pause, count.
std::string when_next(const Reminder& reminder, const Environment& environment, const Console& console) {
  const std::int64_t now = wall_time_now().unix_ms;
  const RemindState state = read_state(environment, console);
  const auto sessions = sessions_since(environment, console, now - 8 * kDayMs);
  return status_text(rows_of({reminder}, state, sessions, now).front(), now);
}

ExitCode add_reminder(const RemindAddOptions& options, const Environment& environment,
                      const Console& console) {
  Reminder reminder = reminder_of(options);
  check_routine(reminder.routine, environment.search_path());
  RemindersFile file = load_reminders(environment, console);
  for (const Reminder& r : file.reminders)
    if (r.routine == reminder.routine && r.at == reminder.at && r.every == reminder.every &&
        (!r.is_every() || (r.window_start == reminder.window_start && r.window_end == reminder.window_end)) &&
        r.days == reminder.days)
      throw Error(fmt::format("reminder `{}` already reminds of {} {}; nothing added", r.id, r.routine,
                              describe_schedule(r)));
  reminder.id = free_id(file.reminders, options.id.value_or(reminder.routine), options.id.has_value());
  const std::string description = fmt::format("{} ({})", reminder.routine, describe_schedule(reminder));
  const NudgeCommand command = nudge_command(environment);

  if (reminder.waker == Waker::systemd) {
    if (!find_program("systemctl"))
      throw Error(
          fmt::format("systemctl is not installed here, so no systemd timer can wake psoas: add the "
                      "reminder with --cron and put the lines it prints in your crontab (`crontab -e`)"));
    if (!user_manager_running())
      throw Error(
          fmt::format("no systemd user manager is running here (a container, or a login over ssh?), so "
                      "no timer can be started: add the reminder with --cron and put the lines it prints "
                      "in your crontab (`crontab -e`)"));
  }

  Undo undo;
  const auto units = environment.systemd_user_folder();
  const std::string name = unit_name(reminder);
  if (reminder.waker == Waker::systemd) {
    if (!units) throw Error("no home folder: set HOME or XDG_CONFIG_HOME to say where systemd user units go");
    for (const char* kind : {".timer", ".service"}) {
      const fs::path unit = *units / (name + kind);
      if (path_kind(unit) != PathKind::missing && !read_file(unit).starts_with(kUnitMarker))
        throw Error(fmt::format(
            "{} is there already and psoas did not write it; give the reminder another --id", unit.string()));
    }
    std::error_code ignored;
    fs::create_directories(*units, ignored);
    write_with_undo(*units / (name + ".service"), service_unit(reminder, description, command), undo);
    write_with_undo(*units / (name + ".timer"), timer_unit(reminder, description), undo);
  }
  file.reminders.push_back(reminder);
  std::error_code ignored;
  fs::create_directories(file.path.parent_path(), ignored);
  write_with_undo(file.path, write_reminders(file.reminders), undo);

  if (reminder.waker == Waker::systemd) {
    if (systemctl({"daemon-reload"}) != 0 || systemctl({"enable", "--now", name + ".timer"}) != 0) {
      systemctl({"disable", "--now", name + ".timer"});
      undo.run();  // the files as they were, before systemd reads them again
      systemctl({"daemon-reload"});
      throw Error(
          fmt::format("systemctl could not start {}.timer; nothing was changed (`systemctl --user status "
                      "{}.timer` may say why)",
                      name, name));
    }
  }
  undo.keep();
  console.err << fmt::format("psoas: reminding of {} {} (reminder `{}`; {})\n", reminder.routine,
                             describe_schedule(reminder), reminder.id,
                             when_next(reminder, environment, console));
  if (reminder.waker == Waker::systemd) {
    console.err << fmt::format("psoas: woken by {}.timer, in {}\n", name, units->string());
  } else {
    console.err
        << "psoas: cron wakes it: add this to your crontab (`crontab -e`); `psoas remind list --cron` "
           "prints the lines of every such reminder again\n";
    if (!find_program("crontab"))
      console.err << "psoas: there is no `crontab` here: install cron first (on Debian, `apt-get install "
                     "cron`)\n";
    for (const std::string& line : cron_lines(reminder, command, bus_address(environment)))
      console.out << line << "\n";
  }
  return ExitCode::ok;
}

// The reminders `argument` names: the one with that id, else all of that routine.
std::vector<Reminder> chosen(const std::vector<Reminder>& reminders, const std::string& argument) {
  for (const Reminder& r : reminders)
    if (r.id == argument) return {r};
  std::vector<Reminder> of_routine;
  for (const Reminder& r : reminders)
    if (r.routine == argument) of_routine.push_back(r);
  if (!of_routine.empty()) return of_routine;
  std::vector<std::string> names;
  for (const Reminder& r : reminders) {
    names.push_back(r.id);
    if (r.routine != r.id) names.push_back(r.routine);
  }
  const auto close = close_matches(argument, names, 1);
  throw Error(fmt::format("no reminder `{}`{}; `psoas remind list` shows them", escape_line(argument),
                          close.empty() ? "" : fmt::format(" (did you mean `{}`?)", close.front())));
}

ExitCode remove_reminders(const std::string& argument, const Environment& environment,
                          const Console& console) {
  RemindersFile file = load_reminders(environment, console);
  const std::vector<Reminder> removed = chosen(file.reminders, argument);
  const bool any_systemd = std::any_of(removed.begin(), removed.end(),
                                       [](const Reminder& r) { return r.waker == Waker::systemd; });
  const bool manager = any_systemd && user_manager_running();
  std::vector<Reminder> kept;
  for (const Reminder& r : file.reminders)
    if (std::none_of(removed.begin(), removed.end(), [&](const Reminder& gone) { return gone.id == r.id; }))
      kept.push_back(r);
  Undo undo;
  write_with_undo(file.path, write_reminders(kept), undo);
  const auto units = environment.systemd_user_folder();
  for (const Reminder& r : removed) {
    if (r.waker == Waker::cron) {
      console.err << fmt::format(
          "psoas: reminder `{}` removed; take its lines out of your crontab "
          "(`crontab -e`): those that end in `nudge --reminder {}`\n",
          r.id, r.id);
      continue;
    }
    const std::string name = unit_name(r);
    if (manager && systemctl({"disable", "--now", name + ".timer"}) != 0)
      throw Error(fmt::format("systemctl could not stop {}.timer; nothing was removed", name));
    if (!units) continue;
    for (const char* kind : {".timer", ".service"}) {
      const fs::path unit = *units / (name + kind);
      if (path_kind(unit) == PathKind::missing) continue;
      // Only what psoas wrote: a file of the same name written by hand stays.
      if (!read_file(unit).starts_with(kUnitMarker)) {
        console.err << fmt::format("psoas: warning: {} was not written by psoas; it stays\n", unit.string());
        continue;
      }
      std::error_code error;
      fs::remove(unit, error);
      if (error)
        throw Error(fmt::format("cannot remove {}: {}; nothing was removed", unit.string(), error.message()));
    }
    console.err << fmt::format("psoas: reminder `{}` removed, with {}.timer and {}.service\n", r.id, name,
                               name);
  }
  undo.keep();
  // An id that is also a routine's name removes that reminder only: say what is left of the routine.
  std::vector<std::string> left;
  for (const Reminder& r : kept)
    if (r.routine == argument) left.push_back("`" + r.id + "`");
  if (!left.empty())
    console.err << fmt::format("psoas: {} still remind{} of {}; `psoas remind remove ID` removes one\n",
                               fmt::join(left, ", "), left.size() == 1 ? "s" : "", argument);
  if (manager) systemctl({"daemon-reload"});
  if (any_systemd && !manager)
    console.err
        << "psoas: no systemd user manager is running here: the timers stop when it next reads its units\n";
  // What the buttons did for these reminders goes too.
  if (const auto state_file = environment.remind_state_file()) {
    StateLock lock(state_file->parent_path() / "nudge.lock", std::chrono::seconds(5));
    std::string problem;
    RemindState state = read_remind_state(*state_file, problem);
    bool changed = false;
    for (const Reminder& r : removed) changed = state.reminders.erase(r.id) > 0 || changed;
    if (changed && lock.held()) write_remind_state(*state_file, state);
  }
  return ExitCode::ok;
}

ExitCode list_reminders(const RemindOptions& options, bool cron, const Environment& environment,
                        const Console& console) {
  const RemindersFile file = load_reminders(environment, console);
  if (options.ids) {
    for (const Reminder& r : file.reminders) console.out << r.id << "\n";
    return ExitCode::ok;
  }
  if (cron) {
    const NudgeCommand command = nudge_command(environment);
    for (const Reminder& r : file.reminders)
      if (r.waker == Waker::cron)
        for (const std::string& line : cron_lines(r, command, bus_address(environment)))
          console.out << line << "\n";
    return ExitCode::ok;
  }
  const std::int64_t now = wall_time_now().unix_ms;
  const RemindState state = read_state(environment, console);
  const auto sessions = sessions_since(environment, console, now - 8 * kDayMs);
  const auto rows = rows_of(file.reminders, state, sessions, now);
  console.out << (options.json ? reminders_json(rows, state.paused_until_ms)
                               : render_reminder_table(
                                     rows, state.paused_until_ms, now, console.out_info.color,
                                     console.out_info.is_terminal ? std::optional(console.out_info.width)
                                                                  : std::nullopt));
  return ExitCode::ok;
}

// Pauses every reminder for a while, or until the end of today; "" resumes.
ExitCode pause_reminders(const std::optional<std::string>& how_long, const Environment& environment,
                         const Console& console) {
  const WallTime now = wall_time_now();
  std::optional<std::int64_t> until;
  if (how_long) {
    if (*how_long == "today") {
      until = local_midnight_unix_ms(local_day(now) + 1);
    } else {
      // Days too, for a sick day or a holiday: 1d to 7d.
      const std::string_view text = *how_long;
      const bool days = text.size() == 2 && text[0] >= '1' && text[0] <= '7' && text[1] == 'd';
      const auto length = days ? std::optional(Seconds((text[0] - '0') * 86'400)) : parse_duration(text);
      if (!length || *length <= Seconds(0) || *length > Seconds(7 * 86'400))
        throw Error(fmt::format("`psoas remind pause` takes `today` or a time up to a week, such as 45m, 2h "
                                "or 3d, not `{}`",
                                escape_line(*how_long)),
                    ExitCode::usage);
      until = now.unix_ms + length->count() * 1000;
    }
  }
  const auto file = environment.remind_state_file();
  if (!file) throw Error("no home folder: set HOME or XDG_STATE_HOME to say where psoas keeps its state");
  StateLock lock(file->parent_path() / "nudge.lock", std::chrono::seconds(5));
  if (!lock.held()) throw Error("another psoas is changing the reminders' state; try again in a moment");
  RemindState state = read_state(environment, console);
  const bool was_paused = state.paused_until_ms && *state.paused_until_ms > now.unix_ms;
  state.paused_until_ms = until;
  write_remind_state(*file, state);
  if (!until && !was_paused) {
    console.err << "psoas: reminders were not paused\n";
  } else if (until) {
    console.err << fmt::format("psoas: reminders paused until {}; `psoas remind resume` ends the pause\n",
                               when_text(*until, now.unix_ms));
  } else {
    console.err << "psoas: reminders resumed\n";
  }
  return ExitCode::ok;
}

}  // namespace

void add_remind_command(CommandLine& line) {
  auto options = std::make_shared<RemindOptions>();
  auto list_cron = std::make_shared<bool>(false);
  CLI::App* remind =
      line.add("remind", "Be reminded of a routine through the day: add, list, remove, pause, resume",
               CompletedArgument::reminder, nullptr);
  remind->require_subcommand(1);
  CLI::App* add = remind->add_subcommand("add", "Add a reminder: at times of day, or every so often");
  add->add_option("routine", options->add.routine, "The routine to be reminded of")
      ->required()
      ->type_name("ROUTINE");
  add->add_option("--at", options->add.at, "Times of day, such as 10:30,15:00")->type_name("TIMES");
  add->add_option("--every", options->add.every, "How often, such as 50m (5m to 12h)")->type_name("DURATION");
  add->add_option("--between", options->add.between, "With --every: the part of the day, such as 09:00-17:30")
      ->type_name("HH:MM-HH:MM");
  add->add_option("--days", options->add.days, "mon-fri, daily (the default), weekends, mon,wed,fri, ...")
      ->type_name("DAYS");
  add->add_option("--id", options->add.id, "The reminder's id (the routine's name by default)")
      ->type_name("ID");
  add->add_flag("--cron", options->add.cron, "Print crontab lines instead of starting a systemd timer");
  CLI::App* list = remind->add_subcommand("list", "List the reminders, and when each next comes");
  list->add_flag("--json", options->json, "Write them as JSON");
  list->add_flag("--cron", *list_cron, "Print the crontab lines of the reminders cron wakes");
  list->add_flag("--ids", options->ids, "Print the reminders' ids, one a line (for completion)");
  CLI::App* remove =
      remind->add_subcommand("remove", "Remove a reminder, by id or by routine, with its timer");
  remove->add_option("reminder", options->remove, "A reminder's id, or a routine's name")
      ->required()
      ->type_name("ID|ROUTINE");
  CLI::App* pause =
      remind->add_subcommand("pause", "Pause every reminder for a while, or for the rest of today");
  pause->add_option("how_long", options->pause, "`today`, or a time such as 2h or 3d")
      ->required()
      ->type_name("DURATION|today");
  CLI::App* resume = remind->add_subcommand("resume", "End a pause");
  line.actions["remind"] = [options, list_cron, add, list, remove, pause, resume](
                               const Environment& environment, const Console& console) {
    if (add->parsed()) return add_reminder(options->add, environment, console);
    if (list->parsed()) return list_reminders(*options, *list_cron, environment, console);
    if (remove->parsed()) return remove_reminders(options->remove, environment, console);
    if (pause->parsed()) return pause_reminders(options->pause, environment, console);
    if (resume->parsed()) return pause_reminders(std::nullopt, environment, console);
    return ExitCode::usage;
  };
  line.routine_options["remind"] = {};
  remind->footer(examples({"psoas remind add desk-break --every 50m --between 09:00-17:30 --days mon-fri",
                           "psoas remind add pigeon-routine --at 10:30,15:00", "psoas remind list",
                           "psoas remind pause 2h", "psoas remind remove desk-break"}));
}

}  // namespace psoas
