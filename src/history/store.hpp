#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "model/session.hpp"
#include "model/stats.hpp"

namespace psoas {

// The schema version this psoas writes. Each version has a migration step
// from the one before; older files are brought up to date when written to.
inline constexpr int kHistorySchemaVersion = 4;

struct HistoryQuery {
  std::optional<std::int64_t> since_unix_ms;  // sessions started at or after
  std::optional<std::string> routine;
  std::size_t limit = 0;         // the newest this many; 0 for all
  bool unfinished_only = false;  // only sessions quit or interrupted
};

// One local day's sessions, added up: what decides whether the day counts
// for a streak (see practice_days).
struct DayPractice {
  std::int64_t day = 0;  // days since 1970-01-01, in the time zone each session was recorded in
  Millis planned{0};     // planned hold time, of the part reached when a session was quit
  Millis held{0};
  bool reached_end = false;  // by any of its sessions
};

struct HistoryTotals {
  std::vector<DayPractice> days;     // each day with a session, oldest first
  std::vector<RoutineUse> routines;  // each routine's sessions and time run, by name
};

// Records sessions in the SQLite history. WAL mode: readers never wait for
// a writer, and a process killed at any moment leaves every committed
// session whole. Each session is one transaction; two runs recording at
// once wait their turn. Throws Error, one line, when the history cannot be
// opened or is damaged.
class HistoryWriter {
 public:
  explicit HistoryWriter(const std::filesystem::path& file);

  // Adds a session, giving it a UUID if it has none; returns its row id.
  std::int64_t record(const Session& session);
  // Replaces the session with `session.id` by `session`: a resumed run's totals.
  void update(const Session& session);
  // How tight each side felt, asked after the run.
  void rate(std::int64_t id, const Ratings& ratings);
  // Removes one session; false when there is none with that row id.
  bool remove(std::int64_t id);
  // Adds the sessions whose UUID is not in the history yet, all in one
  // transaction; returns how many were added.
  std::size_t import(const std::vector<Session>& sessions);

  // Newest first.
  [[nodiscard]] std::vector<Session> sessions(const HistoryQuery& query);

 private:
  std::filesystem::path file_;
  SQLite::Database db_;
};

// Reads the history without ever writing to it, whatever its schema version,
// even in a folder it may not write to. Values outside what psoas could have
// written (by hand, by another tool) are clamped, never trusted. Throws Error,
// one line, when the history is damaged or is not a psoas history.
class HistoryReader {
 public:
  // Nothing when no session was ever recorded there.
  static std::optional<HistoryReader> open(const std::filesystem::path& file);

  // Newest first.
  [[nodiscard]] std::vector<Session> sessions(const HistoryQuery& query) const;
  // The same, one at a time as they are read: memory does not grow with the history.
  void each_session(const HistoryQuery& query, const std::function<void(const Session&)>& take) const;
  [[nodiscard]] int schema_version() const { return version_; }

  // The sessions with only what stats adds up of each read: when each
  // started, its outcome, the time run and held on each side, the ratings.
  // What is not read is as a new Session has it.
  void each_session_figures(const HistoryQuery& query, const std::function<void(const Session&)>& take) const;
  // The sessions with only what reminders look at read: the routine, when
  // each ended, its outcome, the hold time planned and held on each side.
  [[nodiscard]] std::vector<Session> sessions_for_reminders(const HistoryQuery& query) const;
  // Every session's day and routine added up, all or one routine's, without
  // reading any session whole; values clamped as sessions() clamps them.
  [[nodiscard]] HistoryTotals totals(const std::optional<std::string>& routine) const;

 private:
  HistoryReader(const std::filesystem::path& file, SQLite::Database db, int version);
  // Every column read_row() reads, NULL where it is not one of `wanted`; or
  // with `left_out`, only those wanted, in the same order.
  [[nodiscard]] std::string columns_only(std::span<const std::string_view> wanted, bool left_out) const;

  std::filesystem::path file_;
  mutable SQLite::Database db_;
  int version_;
};

// A random (version 4) UUID: "f47ac10b-58cc-4372-a567-0e02b2c3d479".
std::string random_uuid();

// Whether `text` is a UUID in that form, lowercase.
bool is_uuid(std::string_view text);

// The session with every value brought into the range psoas writes: times
// within years 1970 to 9999, offsets within a day, durations within a year,
// counts and ratings within theirs.
Session clamped(Session session);

}  // namespace psoas
