#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace psoas {

// What `psoas nudge` and the notification's buttons did, per reminder: times
// are milliseconds since the Unix epoch, days local days since 1970-01-01.
struct ReminderState {
  std::optional<std::int64_t> last_nudge_ms;     // when it last reminded, or found it due without a desktop
  std::optional<std::int64_t> last_slot_ms;      // an `at` reminder: the time of day it last reminded of
  std::optional<std::int64_t> snoozed_until_ms;  // "In 10 minutes"
  std::optional<std::int64_t> skipped_day;       // "Skip today"
  bool unshown = false;                          // the last reminder found no desktop to show it on
  friend bool operator==(const ReminderState&, const ReminderState&) = default;
};

struct RemindState {
  std::optional<std::int64_t> paused_until_ms;  // `psoas remind pause`
  std::map<std::string, ReminderState, std::less<>> reminders;
  friend bool operator==(const RemindState&, const RemindState&) = default;
};

// $XDG_STATE_HOME/psoas/reminders.json. A missing file is an empty state; a
// damaged one too (it holds nothing that cannot be lost), with `problem` set.
RemindState read_remind_state(const std::filesystem::path& file, std::string& problem);
void write_remind_state(const std::filesystem::path& file, const RemindState& state);

// The state's JSON text, and back (for the file, and for tests).
std::string remind_state_json(const RemindState& state);
std::optional<RemindState> parse_remind_state(std::string_view text);

// An exclusive lock on `file` (created if need be), held while it lives: one
// nudge at a time, and the buttons' changes never lost between a read and a
// write. Waits at most `patience`; `held()` says whether it got the lock.
class StateLock {
 public:
  StateLock(const std::filesystem::path& file, std::chrono::milliseconds patience);
  ~StateLock();
  StateLock(const StateLock&) = delete;
  StateLock& operator=(const StateLock&) = delete;
  [[nodiscard]] bool held() const { return fd_ >= 0; }
  // Lets go of the lock now (a child process must not keep it).
  void release();

 private:
  int fd_ = -1;
};

}  // namespace psoas
