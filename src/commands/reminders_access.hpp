#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/console.hpp"
#include "commands/environment.hpp"
#include "model/reminder.hpp"
#include "model/session.hpp"
#include "remind/wake_units.hpp"

// Reminders as the commands use them: the file, the history's sessions, the
// program that wakes nudge, and the systemd user manager.
namespace psoas {

struct RemindersFile {
  std::filesystem::path path;
  bool exists = false;
  std::string text;  // as it was read, to put back if a change must be undone
  std::vector<Reminder> reminders;
};

// The reminders file, read and checked; none yet is no reminders. A file
// with errors has them printed, and Error thrown.
RemindersFile load_reminders(const Environment& environment, const Console& console);

// The reminders alone, for a command that only reads them (`today`): from
// the cache (reminders_cache.hpp) while the file is unchanged, else read as
// load_reminders() reads them, and then cached.
std::vector<Reminder> reminders_to_read(const Environment& environment, const Console& console);

// How much of each session to read: whole, or only what reminders look at
// (HistoryReader::sessions_for_reminders), the rest as a new Session has it.
enum class SessionReading { whole, for_reminders };

// The sessions since `since_ms`, oldest first; none when there is no
// history. A damaged history is a warning on the console, and no sessions.
std::vector<Session> sessions_since(const Environment& environment, const Console& console,
                                    std::int64_t since_ms, SessionReading reading = SessionReading::whole);

// When each session of `routine` did it (see done_for_reminders), oldest first.
std::vector<std::int64_t> done_times(const std::vector<Session>& sessions, std::string_view routine);

// The routine a reminder names, or null when it is gone or broken: a
// reminder still shows, by the routine's name.
std::shared_ptr<const Routine> load_routine_quietly(const std::string& name, const SearchPath& search_path);

// psoas's own path and the variables nudge must see as the person's shell
// does, for a timer's service or a crontab line.
NudgeCommand nudge_command(const Environment& environment);

// Whether `systemctl --user` reaches a running user manager.
bool user_manager_running();

}  // namespace psoas
