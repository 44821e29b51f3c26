#include "commands/log.hpp"

#include <unistd.h>

#include <iostream>
#include <ostream>
#include <variant>

#include <fmt/format.h>

#include "base/files.hpp"
#include "base/printable.hpp"
#include "commands/command_line.hpp"
#include "commands/history_access.hpp"
#include "history/import.hpp"
#include "run/clock.hpp"
#include "ui/history_view.hpp"

namespace psoas {
namespace {

constexpr std::size_t kTableLimit = 20;
// Fewer characters of an id than this could match sessions by chance.
constexpr std::size_t kShortestId = 4;

}  // namespace

std::int64_t parse_since(std::string_view text, WallTime now) {
  if (const auto day = since_day(text, local_day(now))) return local_midnight_unix_ms(*day);
  throw Error(fmt::format("--since takes a date such as 2026-11-01, today, yesterday, 7d or 2w, not `{}`",
                          escape_line(text)),
              ExitCode::usage);
}

ExitCode show_log(const LogOptions& options, const std::optional<HistoryReader>& history,
                  const Console& console) {
  HistoryQuery query;
  query.routine = options.routine;
  query.limit = options.limit.value_or(options.json || options.csv ? 0 : kTableLimit);
  if (options.since) query.since_unix_ms = parse_since(*options.since, wall_time_now());
  if (options.json || options.csv) {
    SessionWriter writer(console.out, options.json ? SessionFormat::json : SessionFormat::csv);
    if (history) history->each_session(query, [&writer](const Session& session) { writer.add(session); });
    writer.finish();
    return ExitCode::ok;
  }
  const std::vector<Session> sessions = history ? history->sessions(query) : std::vector<Session>{};
  if (sessions.empty()) {
    const bool filtered = options.routine || options.since;
    HistoryQuery any;
    any.limit = 1;
    if (filtered && history && !history->sessions(any).empty()) {
      console.err << "psoas: no sessions match; `psoas log` without --routine and --since shows them all\n";
    } else {
      console.err << "psoas: no sessions recorded yet: `psoas run ROUTINE` records one\n";
    }
  } else {
    const auto width =
        console.out_info.is_terminal ? std::optional<std::size_t>(console.out_info.width) : std::nullopt;
    console.out << render_session_table(sessions, console.out_info.color, width);
  }
  return ExitCode::ok;
}

ExitCode delete_session(std::string_view id, bool ask, HistoryWriter& history, const Console& console) {
  if (id.size() < kShortestId)
    throw Error(fmt::format("--delete takes a session's id, at least its first {} characters as `psoas log` "
                            "shows them, not `{}`",
                            kShortestId, escape_line(id)),
                ExitCode::usage);
  if (ask && !is_terminal(STDIN_FILENO))
    throw Error("--delete asks before it deletes, and there is no terminal to ask on; add --yes",
                ExitCode::usage);
  std::vector<Session> matches;
  for (Session& session : history.sessions({}))
    if (session.uuid.starts_with(id)) matches.push_back(std::move(session));
  if (matches.empty()) throw Error(fmt::format("no session has an id starting with `{}`", escape_line(id)));
  if (matches.size() > 1)
    throw Error(fmt::format("{} sessions have ids starting with `{}`; give more of the id", matches.size(),
                            escape_line(id)),
                ExitCode::usage);
  const Session& session = matches.front();
  const std::string what =
      fmt::format("the session of {} on {} ({}, {})", escape_line(session.routine),
                  to_iso8601(session.started).substr(0, 16).replace(10, 1, " "), to_string(session.outcome),
                  format_clock(std::chrono::duration_cast<Seconds>(session.active)));
  if (ask && !confirmed(fmt::format("Delete {}?", what), console)) {
    console.err << "psoas: nothing deleted\n";
    return ExitCode::failure;
  }
  history.remove(session.id);
  console.err << fmt::format("psoas: deleted {}\n", what);
  return ExitCode::ok;
}

ExitCode import_sessions(const std::filesystem::path& file, HistoryWriter& history, const Console& console) {
  ReadProblem problem;
  const auto text = read_regular_file(file, kMaxImportBytes, problem);
  if (!text) throw Error(fmt::format("{}: {}", escape_line(file.string()), problem.message));
  auto read = read_session_log(file.string(), *text, wall_time_now().unix_ms);
  if (auto* problems = std::get_if<std::vector<Diagnostic>>(&read)) {
    print_diagnostics(console, *problems);
    console.err << "psoas: nothing was imported\n";
    return ExitCode::failure;
  }
  const auto& sessions = std::get<std::vector<Session>>(read);
  const std::size_t added = history.import(sessions);
  console.err << fmt::format("psoas: imported {} session{}", added, added == 1 ? "" : "s");
  if (added < sessions.size()) console.err << fmt::format(" ({} already here)", sessions.size() - added);
  console.err << '\n';
  return ExitCode::ok;
}

void add_log_command(CommandLine& line) {
  struct Choices {
    LogOptions show;
    std::optional<std::string> remove;
    std::optional<std::string> import;
    bool yes = false;
  };
  auto choices = std::make_shared<Choices>();
  CLI::App* log =
      line.add("log", "Show the sessions you have done", CompletedArgument::none,
               [choices](const Environment& environment, const Console& console) {
                 if (!choices->remove && !choices->import)
                   return show_log(choices->show, open_history_reader(environment.history_file()), console);
                 // Deleting and importing write: only they get the history's writer.
                 const auto file = environment.history_file();
                 if (!file) throw Error("neither XDG_STATE_HOME nor HOME says where the history is");
                 HistoryWriter history(*file);
                 if (choices->import) return import_sessions(*choices->import, history, console);
                 return delete_session(*choices->remove, !choices->yes, history, console);
               });
  log->add_option(
         "--limit", choices->show.limit,
         "At most this many, newest first; 0 for all (default: 20 in the table, all in JSON and CSV)")
      ->check(whole_number_from(0, std::nullopt))
      ->type_name("N");
  log->add_option("--since", choices->show.since, "Only sessions from this day on")->type_name("DATE");
  log->add_option("--routine", choices->show.routine, "Only sessions of this routine")->type_name("NAME");
  line.routine_options["log"] = {"routine"};
  auto* csv = log->add_flag("--csv", choices->show.csv, "Write every session as CSV");
  log->add_flag("--json", choices->show.json, "Write every session as JSON (not with --csv)")->excludes(csv);
  auto* remove =
      log->add_option("--delete", choices->remove, "Delete the session with this id (or its start)")
          ->type_name("ID");
  auto* import = log->add_option("--import", choices->import,
                                 "Add the sessions of another history's `psoas log --json` output")
                     ->type_name("FILE")
                     ->excludes(remove);
  log->add_flag("-y,--yes", choices->yes, "Delete without asking (needed without a terminal)")->needs(remove);
  for (CLI::Option* change : {remove, import})
    for (const char* option : {"--since", "--routine", "--limit", "--csv", "--json"})
      change->excludes(option);
  log->footer(examples({"psoas log", "psoas log --since 7d --routine pigeon-routine",
                        "psoas log --csv > sessions.csv", "psoas log --delete 3f2a9c1e",
                        "psoas log --json > laptop.json; psoas log --import laptop.json"}));
}

}  // namespace psoas
