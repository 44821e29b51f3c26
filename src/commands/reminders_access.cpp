#include "commands/reminders_access.hpp"

#include <algorithm>
#include <ostream>
#include <variant>

#include <fmt/format.h>

#include "base/error.hpp"
#include "base/files.hpp"
#include "base/process.hpp"
#include "commands/history_access.hpp"
#include "commands/programs.hpp"
#include "commands/reminders_cache.hpp"
#include "load/loader.hpp"
#include "load/source.hpp"
#include "model/wall_time.hpp"
#include "remind/due.hpp"
#include "remind/reminders_file.hpp"

namespace psoas {

RemindersFile load_reminders(const Environment& environment, const Console& console) {
  RemindersFile file;
  const auto path = environment.reminders_file();
  if (!path) throw Error("no home folder: set HOME or XDG_CONFIG_HOME to say where reminders are kept");
  file.path = *path;
  if (path_kind(file.path) == PathKind::missing) return file;
  auto source = read_source(file.path);
  if (const auto* problem = std::get_if<Diagnostic>(&source)) {
    print_diagnostics(console, {*problem});
    throw Error("", ExitCode::failure);
  }
  const SourceText& text = std::get<SourceText>(source);
  ReadReminders read = read_reminders(text);
  if (has_errors(read.diagnostics)) {
    print_diagnostics(console, read.diagnostics);
    throw Error("", ExitCode::failure);
  }
  file.exists = true;
  file.text = text.text;
  file.reminders = std::move(read.reminders);
  return file;
}

std::vector<Reminder> reminders_to_read(const Environment& environment, const Console& console) {
  const auto path = environment.reminders_file();
  const auto cache = environment.reminders_cache_file();
  if (!path || !cache) return load_reminders(environment, console).reminders;
  const FileStamp stamp = file_stamp(*path);
  if (stamp.size < 0) return load_reminders(environment, console).reminders;  // none, or unreadable: it says
  if (auto cached = cached_reminders(*cache, *path)) return std::move(*cached);
  RemindersFile file = load_reminders(environment, console);
  cache_reminders(*cache, *path, stamp, file.reminders, wall_time_now().unix_ms * 1'000'000);
  return std::move(file.reminders);
}

std::vector<Session> sessions_since(const Environment& environment, const Console& console,
                                    std::int64_t since_ms, SessionReading reading) {
  try {
    const auto history = open_history_reader(environment.history_file());
    if (!history) return {};
    HistoryQuery query;
    query.since_unix_ms = since_ms;
    std::vector<Session> sessions =
        reading == SessionReading::whole ? history->sessions(query) : history->sessions_for_reminders(query);
    std::reverse(sessions.begin(), sessions.end());  // the reader gives the newest first
    return sessions;
  } catch (const Error& error) {
    console.err << fmt::format("psoas: warning: {}; reminders go on without it\n", error.what());
    return {};
  }
}

std::vector<std::int64_t> done_times(const std::vector<Session>& sessions, std::string_view routine) {
  std::vector<std::int64_t> times;
  for (const Session& session : sessions)
    if (session.routine == routine && done_for_reminders(session)) times.push_back(session.ended.unix_ms);
  std::sort(times.begin(), times.end());
  return times;
}

std::shared_ptr<const Routine> load_routine_quietly(const std::string& name, const SearchPath& search_path) {
  const auto found = search_path.find(name);
  if (!found) return nullptr;
  RoutineLoader loader(search_path);
  return loader.load_file(found->file).routine;
}

NudgeCommand nudge_command(const Environment& environment) {
  NudgeCommand command{own_program(), {}};
  const std::pair<const char*, const std::optional<std::string>&> carried[] = {
      {"XDG_CONFIG_HOME", environment.xdg_config_home},
      {"XDG_STATE_HOME", environment.xdg_state_home},
      {"PSOAS_PATH", environment.psoas_path},
      {"PSOAS_TERMINAL", environment.psoas_terminal}};
  for (const auto& [name, value] : carried)
    if (value && !value->empty()) command.environment[name] = *value;
  return command;
}

bool user_manager_running() {
  return find_program("systemctl") && run_and_wait({"systemctl", "--user", "--quiet", "show-environment"},
                                                   ChildStreams::silenced, false) == 0;
}

}  // namespace psoas
