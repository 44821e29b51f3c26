#include "history/store.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <random>
#include <system_error>
#include <thread>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include "base/error.hpp"
#include "base/files.hpp"
#include "model/routine.hpp"

namespace psoas {
namespace fs = std::filesystem;

namespace {

constexpr int kBusyTimeoutMs = 10'000;

// migrations[v] takes a version v file to version v + 1.
constexpr std::array<const char*, kHistorySchemaVersion> kMigrations = {
    // 0 -> 1: the first schema.
    R"sql(
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  routine TEXT NOT NULL,
  title TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  started_unix_ms INTEGER NOT NULL,
  started_utc_offset_minutes INTEGER NOT NULL,
  ended_unix_ms INTEGER NOT NULL,
  ended_utc_offset_minutes INTEGER NOT NULL,
  planned_ms INTEGER NOT NULL,
  active_ms INTEGER NOT NULL,
  paused_ms INTEGER NOT NULL,
  segments_completed INTEGER NOT NULL,
  segments_skipped INTEGER NOT NULL,
  held_left_ms INTEGER NOT NULL,
  held_right_ms INTEGER NOT NULL,
  held_unsided_ms INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('finished', 'quit', 'interrupted')),
  stopped_at_step INTEGER
);
)sql",
    // 1 -> 2: how tight each side felt, and an index for --since.
    R"sql(
ALTER TABLE sessions ADD COLUMN rating_left INTEGER CHECK (rating_left BETWEEN 0 AND 10);
ALTER TABLE sessions ADD COLUMN rating_right INTEGER CHECK (rating_right BETWEEN 0 AND 10);
ALTER TABLE sessions ADD COLUMN rating_overall INTEGER CHECK (rating_overall BETWEEN 0 AND 10);
CREATE INDEX sessions_by_start ON sessions (started_unix_ms);
)sql",
    // 2 -> 3: a UUID per session, skipped holds, the `partial` outcome, and
    // what --resume needs. SQLite cannot change a CHECK: the table is rebuilt.
    // Older sessions count as having held all they planned.
    R"sql(
CREATE TABLE sessions_v3 (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  routine TEXT NOT NULL,
  title TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  started_unix_ms INTEGER NOT NULL,
  started_utc_offset_minutes INTEGER NOT NULL,
  ended_unix_ms INTEGER NOT NULL,
  ended_utc_offset_minutes INTEGER NOT NULL,
  planned_ms INTEGER NOT NULL,
  planned_hold_ms INTEGER NOT NULL,
  reached_hold_ms INTEGER NOT NULL,
  active_ms INTEGER NOT NULL,
  paused_ms INTEGER NOT NULL,
  segments_completed INTEGER NOT NULL,
  segments_skipped INTEGER NOT NULL,
  holds INTEGER NOT NULL,
  holds_skipped INTEGER NOT NULL,
  held_left_ms INTEGER NOT NULL,
  held_right_ms INTEGER NOT NULL,
  held_unsided_ms INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('finished', 'partial', 'quit', 'interrupted')),
  stopped_at_step INTEGER,
  stopped_at_segment INTEGER,
  stopped_hold_ms INTEGER NOT NULL DEFAULT 0,
  resumed INTEGER NOT NULL DEFAULT 0,
  speed REAL NOT NULL DEFAULT 1,
  hold_override_ms INTEGER,
  reps_override INTEGER,
  fit_ms INTEGER,
  from_step INTEGER,
  rating_left INTEGER CHECK (rating_left BETWEEN 0 AND 10),
  rating_right INTEGER CHECK (rating_right BETWEEN 0 AND 10),
  rating_overall INTEGER CHECK (rating_overall BETWEEN 0 AND 10)
);
INSERT INTO sessions_v3 (id, uuid, routine, title, content_hash, started_unix_ms, started_utc_offset_minutes,
  ended_unix_ms, ended_utc_offset_minutes, planned_ms, planned_hold_ms, reached_hold_ms, active_ms, paused_ms,
  segments_completed, segments_skipped, holds, holds_skipped, held_left_ms, held_right_ms, held_unsided_ms,
  outcome, stopped_at_step, rating_left, rating_right, rating_overall)
SELECT id,
  lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
  routine, title, content_hash, started_unix_ms, started_utc_offset_minutes, ended_unix_ms,
  ended_utc_offset_minutes, planned_ms, held_left_ms + held_right_ms + held_unsided_ms,
  held_left_ms + held_right_ms + held_unsided_ms, active_ms, paused_ms,
  segments_completed, segments_skipped, 0, 0, held_left_ms, held_right_ms, held_unsided_ms, outcome,
  stopped_at_step, rating_left, rating_right, rating_overall
FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_v3 RENAME TO sessions;
CREATE INDEX sessions_by_start ON sessions (started_unix_ms);
)sql",
    // 3 -> 4: the plan a session followed, its week, and the side it favoured.
    R"sql(
ALTER TABLE sessions ADD COLUMN plan TEXT;
ALTER TABLE sessions ADD COLUMN plan_week INTEGER;
ALTER TABLE sessions ADD COLUMN favoured_side TEXT CHECK (favoured_side IN ('left', 'right'));
)sql",
};

// Every column of a session, in the order read_row() and bind_row() use.
constexpr const char* kColumns =
    "uuid, routine, title, content_hash, started_unix_ms, started_utc_offset_minutes, ended_unix_ms, "
    "ended_utc_offset_minutes, planned_ms, planned_hold_ms, reached_hold_ms, active_ms, paused_ms, "
    "segments_completed, segments_skipped, holds, holds_skipped, held_left_ms, held_right_ms, "
    "held_unsided_ms, "
    "outcome, stopped_at_step, stopped_at_segment, stopped_hold_ms, resumed, speed, hold_override_ms, "
    "reps_override, fit_ms, from_step, rating_left, rating_right, rating_overall, plan, plan_week, "
    "favoured_side";
constexpr int kColumnCount = 36;

// "?, ?, …", one for each column.
std::string placeholders() {
  std::string out = "?";
  for (int i = 1; i < kColumnCount; ++i) out += ", ?";
  return out;
}

// The same columns as an older schema can give them.
std::string columns_of_version(int version) {
  if (version >= 4) return kColumns;
  // Before plans: none followed.
  const std::string no_plan = ", NULL, NULL, NULL";
  if (version == 3)
    return std::string(kColumns).substr(0, std::string_view(kColumns).rfind(", plan, plan_week")) + no_plan;
  const std::string ratings = version >= 2 ? "rating_left, rating_right, rating_overall" : "NULL, NULL, NULL";
  return fmt::format(
      "'', routine, title, content_hash, started_unix_ms, started_utc_offset_minutes, ended_unix_ms, "
      "ended_utc_offset_minutes, planned_ms, held_left_ms + held_right_ms + held_unsided_ms, "
      "held_left_ms + held_right_ms + held_unsided_ms, active_ms, paused_ms, segments_completed, "
      "segments_skipped, 0, 0, held_left_ms, held_right_ms, held_unsided_ms, outcome, stopped_at_step, NULL, "
      "0, "
      "0, 1, NULL, NULL, NULL, NULL, {}{}",
      ratings, no_plan);
}

Error history_error(const fs::path& file, const std::exception& e) {
  return Error(fmt::format("the history at {} cannot be used: {}", file.string(), e.what()));
}

Error newer_schema(const fs::path& file, int version) {
  return Error(fmt::format("the history at {} was written by a newer psoas (schema {}; this one knows {})",
                           file.string(), version, kHistorySchemaVersion));
}

template <typename T>
void bind_optional(SQLite::Statement& statement, int index, const std::optional<T>& value) {
  if (value) {
    statement.bind(index, static_cast<std::int64_t>(*value));
  } else {
    statement.bind(index);
  }
}

std::optional<std::int64_t> optional_int(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

std::int64_t clamp_to(std::int64_t value, std::int64_t low, std::int64_t high) {
  return std::clamp(value, low, high);
}

// Binds every column but the row id, from index 1.
void bind_row(SQLite::Statement& statement, const Session& s) {
  int i = 0;
  statement.bind(++i, s.uuid);
  statement.bind(++i, s.routine);
  statement.bind(++i, s.title);
  statement.bind(++i, s.content_hash);
  statement.bind(++i, static_cast<std::int64_t>(s.started.unix_ms));
  statement.bind(++i, s.started.utc_offset_minutes);
  statement.bind(++i, static_cast<std::int64_t>(s.ended.unix_ms));
  statement.bind(++i, s.ended.utc_offset_minutes);
  for (const Millis duration : {s.planned, s.planned_hold, s.reached_hold, s.active, s.paused})
    statement.bind(++i, static_cast<std::int64_t>(duration.count()));
  for (const int count : {s.segments_completed, s.segments_skipped, s.holds, s.holds_skipped})
    statement.bind(++i, count);
  for (const Millis held : {s.held_left, s.held_right, s.held_unsided})
    statement.bind(++i, static_cast<std::int64_t>(held.count()));
  statement.bind(++i, std::string(to_string(s.outcome)));
  bind_optional(statement, ++i, s.stopped_at_step);
  bind_optional(statement, ++i, s.stopped_at_segment);
  statement.bind(++i, static_cast<std::int64_t>(s.stopped_hold.count()));
  statement.bind(++i, s.resumed);
  statement.bind(++i, s.speed);
  bind_optional(statement, ++i, s.timing.hold ? std::optional(s.timing.hold->count() * 1000) : std::nullopt);
  bind_optional(statement, ++i, s.timing.reps);
  bind_optional(statement, ++i, s.timing.fit ? std::optional(s.timing.fit->count() * 1000) : std::nullopt);
  bind_optional(statement, ++i, s.timing.from_step);
  bind_optional(statement, ++i, s.ratings.left);
  bind_optional(statement, ++i, s.ratings.right);
  bind_optional(statement, ++i, s.ratings.overall);
  if (s.plan.empty()) {
    statement.bind(++i);
  } else {
    statement.bind(++i, s.plan);
  }
  bind_optional(statement, ++i, s.plan_week);
  if (s.timing.favoured) {
    statement.bind(++i, std::string(to_string(*s.timing.favoured)));
  } else {
    statement.bind(++i);
  }
}

// A row of `SELECT id, <columns>`, clamped into range.
Session read_row(SQLite::Statement& select) {
  Session s;
  int i = 0;
  const auto next = [&] { return select.getColumn(i++); };
  const auto int64 = [&] { return next().getInt64(); };
  const auto millis = [&] { return Millis(int64()); };
  const auto count = [&] { return static_cast<int>(clamp_to(int64(), 0, std::numeric_limits<int>::max())); };
  const auto optional_count = [&]() -> std::optional<int> {
    const auto value = optional_int(next());
    if (!value || *value < 0 || *value > std::numeric_limits<int>::max()) return std::nullopt;
    return static_cast<int>(*value);
  };
  s.id = int64();
  s.uuid = next().getString();
  s.routine = next().getString();
  s.title = next().getString();
  s.content_hash = next().getString();
  s.started.unix_ms = int64();
  s.started.utc_offset_minutes = static_cast<int>(clamp_to(int64(), -kMostOffsetMinutes, kMostOffsetMinutes));
  s.ended.unix_ms = int64();
  s.ended.utc_offset_minutes = static_cast<int>(clamp_to(int64(), -kMostOffsetMinutes, kMostOffsetMinutes));
  s.planned = millis();
  s.planned_hold = millis();
  s.reached_hold = millis();
  s.active = millis();
  s.paused = millis();
  s.segments_completed = count();
  s.segments_skipped = count();
  s.holds = count();
  s.holds_skipped = count();
  s.held_left = millis();
  s.held_right = millis();
  s.held_unsided = millis();
  s.outcome = session_outcome_from(next().getString()).value_or(SessionOutcome::interrupted);
  s.stopped_at_step = optional_count();
  s.stopped_at_segment = optional_count();
  s.stopped_hold = millis();
  s.resumed = count();
  s.speed = next().getDouble();
  if (const auto hold = optional_int(next()); hold && *hold > 0 && *hold <= 86'400'000)
    s.timing.hold = Seconds(*hold / 1000);
  s.timing.reps = optional_count();
  if (const auto fit = optional_int(next()); fit && *fit > 0 && *fit <= 86'400'000)
    s.timing.fit = Seconds(*fit / 1000);
  s.timing.from_step = optional_count();
  s.ratings.left = optional_count();
  s.ratings.right = optional_count();
  s.ratings.overall = optional_count();
  if (const auto plan = next(); !plan.isNull()) s.plan = plan.getString();
  s.plan_week = optional_count();
  if (const auto side = next(); !side.isNull()) {
    const std::string text = side.getString();
    if (text == "left") s.timing.favoured = Side::left;
    if (text == "right") s.timing.favoured = Side::right;
  }
  return clamped(std::move(s));
}

// What HistoryReader::sessions_for_reminders() selects: SQLite gives these
// columns in kColumns' order, and read_row_for_reminders() reads them so.
constexpr std::array<std::string_view, 8> kLookedAtByReminders = {
    "routine",      "ended_unix_ms", "ended_utc_offset_minutes", "outcome", "planned_hold_ms",
    "held_left_ms", "held_right_ms", "held_unsided_ms"};

Session read_row_for_reminders(SQLite::Statement& select) {
  Session s;
  s.id = select.getColumn(0).getInt64();
  s.routine = select.getColumn(1).getString();
  s.ended.unix_ms = select.getColumn(2).getInt64();
  s.ended.utc_offset_minutes =
      static_cast<int>(clamp_to(select.getColumn(3).getInt64(), -kMostOffsetMinutes, kMostOffsetMinutes));
  s.planned_hold = Millis(select.getColumn(4).getInt64());
  s.held_left = Millis(select.getColumn(5).getInt64());
  s.held_right = Millis(select.getColumn(6).getInt64());
  s.held_unsided = Millis(select.getColumn(7).getInt64());
  s.outcome = session_outcome_from(select.getColumn(8).getString()).value_or(SessionOutcome::interrupted);
  return clamped(std::move(s));
}

void each_queried_session(SQLite::Database& db, const std::string& columns, const HistoryQuery& query,
                          const std::function<void(const Session&)>& take,
                          Session (*read)(SQLite::Statement&) = read_row) {
  std::string sql = fmt::format(
      "SELECT id, {} FROM sessions WHERE started_unix_ms >= ? AND (? IS NULL OR routine = ?){} "
      "ORDER BY started_unix_ms DESC, id DESC",
      columns, query.unfinished_only ? " AND outcome IN ('quit', 'interrupted')" : "");
  if (query.limit > 0) sql += fmt::format(" LIMIT {}", query.limit);
  SQLite::Statement select(db, sql);
  select.bind(
      1, static_cast<std::int64_t>(query.since_unix_ms.value_or(std::numeric_limits<std::int64_t>::min())));
  if (query.routine) {
    select.bind(2, *query.routine);
    select.bind(3, *query.routine);
  }
  while (select.executeStep()) take(read(select));
}

std::vector<Session> query_sessions(SQLite::Database& db, const std::string& columns,
                                    const HistoryQuery& query,
                                    Session (*read)(SQLite::Statement&) = read_row) {
  std::vector<Session> sessions;
  each_queried_session(
      db, columns, query, [&sessions](const Session& s) { sessions.push_back(s); }, read);
  return sessions;
}

// Switching a file to WAL needs a lock that SQLite does not wait for (its
// busy handler is not called then), so two runs opening a brand-new history
// at once could fail at once with "database is locked". The switch is
// retried here for as long as any other lock is waited for.
void switch_to_wal(SQLite::Database& db) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  auto pause = std::chrono::milliseconds(1);
  for (;;) {
    try {
      db.exec("PRAGMA journal_mode = WAL");
      return;
    } catch (const SQLite::Exception& e) {
      const bool busy = e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED;
      if (!busy || std::chrono::steady_clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
}

// A history that is not a regular file (a FIFO would block SQLite forever).
void refuse_unless_regular(const fs::path& file) {
  const PathKind kind = target_kind(file);
  if (kind != PathKind::regular && kind != PathKind::missing)
    throw Error(fmt::format("the history at {} cannot be used: {}", file.string(),
                            kind == PathKind::folder ? "it is a folder" : "it is not a regular file"));
}

SQLite::Database open_for_writing(const fs::path& file) {
  std::error_code error;
  fs::create_directories(file.parent_path(), error);
  if (error) throw Error(fmt::format("cannot create {}: {}", file.parent_path().string(), error.message()));
  ::chmod(file.parent_path().c_str(), 0700);  // a health diary is nobody else's business
  refuse_unless_regular(file);
  try {
    return SQLite::Database(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kBusyTimeoutMs);
  } catch (const std::exception& e) {
    throw history_error(file, e);
  }
}

}  // namespace

std::string random_uuid() {
  std::random_device device;
  std::array<unsigned char, 16> bytes{};
  for (std::size_t i = 0; i < bytes.size(); i += 4) {
    const unsigned int word = device();
    for (std::size_t k = 0; k < 4; ++k) bytes[i + k] = static_cast<unsigned char>(word >> (8 * k));
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // the RFC 4122 variant
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += fmt::format("{:02x}", bytes[i]);
  }
  return out;
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Session clamped(Session s) {
  s.started.unix_ms = clamp_to(s.started.unix_ms, 0, kLatestSessionMs);
  s.ended.unix_ms = clamp_to(s.ended.unix_ms, 0, kLatestSessionMs);
  s.started.utc_offset_minutes =
      std::clamp(s.started.utc_offset_minutes, -kMostOffsetMinutes, kMostOffsetMinutes);
  s.ended.utc_offset_minutes =
      std::clamp(s.ended.utc_offset_minutes, -kMostOffsetMinutes, kMostOffsetMinutes);
  for (Millis* duration : {&s.planned, &s.planned_hold, &s.reached_hold, &s.active, &s.paused, &s.held_left,
                           &s.held_right, &s.held_unsided, &s.stopped_hold})
    *duration = std::clamp(*duration, Millis(0), kLongestSession);
  for (int* count : {&s.segments_completed, &s.segments_skipped, &s.holds, &s.holds_skipped, &s.resumed})
    *count = std::clamp(*count, 0, kMostCounted);
  for (std::optional<int>* rating : {&s.ratings.left, &s.ratings.right, &s.ratings.overall})
    if (*rating && (**rating < 0 || **rating > 10)) rating->reset();
  if (s.stopped_at_step && *s.stopped_at_step < 1) s.stopped_at_step.reset();
  if (s.timing.reps && (*s.timing.reps < 1 || *s.timing.reps > 100)) s.timing.reps.reset();
  if (s.timing.from_step && *s.timing.from_step < 1) s.timing.from_step.reset();
  if (!is_valid_routine_name(s.plan)) s.plan.clear();
  if (s.plan.empty() || (s.plan_week && *s.plan_week < 1)) s.plan_week.reset();
  if (!std::isfinite(s.speed) || s.speed < 0.01 || s.speed > 1000) s.speed = 1;
  return s;
}

HistoryWriter::HistoryWriter(const fs::path& file) : file_(file), db_(open_for_writing(file)) {
  try {
    switch_to_wal(db_);
    // Closing checkpoints the WAL into the file and removes it: a WAL left
    // behind is read again whole by every later reader (`today --short` in a
    // shell prompt), which costs more than the run's two fsyncs after its end.
    db_.exec("PRAGMA synchronous = NORMAL");
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    const int version = db_.execAndGet("PRAGMA user_version").getInt();
    if (version > kHistorySchemaVersion) throw newer_schema(file, version);
    for (int v = version; v < kHistorySchemaVersion; ++v) db_.exec(kMigrations[static_cast<std::size_t>(v)]);
    if (version != kHistorySchemaVersion)
      db_.exec(fmt::format("PRAGMA user_version = {}", kHistorySchemaVersion));
    transaction.commit();
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw history_error(file, e);
  }
}

std::int64_t HistoryWriter::record(const Session& session) {
  try {
    Session s = clamped(session);
    if (s.uuid.empty()) s.uuid = random_uuid();
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement insert(db_,
                             fmt::format("INSERT INTO sessions ({}) VALUES ({})", kColumns, placeholders()));
    bind_row(insert, s);
    insert.exec();
    const std::int64_t id = db_.getLastInsertRowid();
    transaction.commit();
    return id;
  } catch (const std::exception& e) {
    throw history_error(file_, e);
  }
}

void HistoryWriter::update(const Session& session) {
  try {
    const Session s = clamped(session);
    std::string assignments;
    std::string_view columns = kColumns;
    while (!columns.empty()) {
      const auto comma = columns.find(", ");
      assignments += fmt::format("{}{} = ?", assignments.empty() ? "" : ", ", columns.substr(0, comma));
      if (comma == std::string_view::npos) break;
      columns.remove_prefix(comma + 2);
    }
    SQLite::Statement update(db_, fmt::format("UPDATE sessions SET {} WHERE id = ?", assignments));
    bind_row(update, s);
    update.bind(kColumnCount + 1, static_cast<std::int64_t>(s.id));
    update.exec();  // one statement: its own transaction
  } catch (const std::exception& e) {
    throw history_error(file_, e);
  }
}

void HistoryWriter::rate(std::int64_t id, const Ratings& ratings) {
  try {
    SQLite::Statement update(
        db_, "UPDATE sessions SET rating_left = ?, rating_right = ?, rating_overall = ? WHERE id = ?");
    bind_optional(update, 1, ratings.left);
    bind_optional(update, 2, ratings.right);
    bind_optional(update, 3, ratings.overall);
    update.bind(4, static_cast<std::int64_t>(id));
    update.exec();
  } catch (const std::exception& e) {
    throw history_error(file_, e);
  }
}

bool HistoryWriter::remove(std::int64_t id) {
  try {
    SQLite::Statement remove(db_, "DELETE FROM sessions WHERE id = ?");
    remove.bind(1, static_cast<std::int64_t>(id));
    return remove.exec() > 0;
  } catch (const std::exception& e) {
    throw history_error(file_, e);
  }
}

std::size_t HistoryWriter::import(const std::vector<Session>& sessions) {
  try {
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement insert(
        db_, fmt::format("INSERT OR IGNORE INTO sessions ({}) VALUES ({})", kColumns, placeholders()));
    std::size_t added = 0;
    for (const Session& session : sessions) {
      bind_row(insert, clamped(session));
      added += static_cast<std::size_t>(insert.exec());
      insert.reset();
    }
    transaction.commit();
    return added;
  } catch (const std::exception& e) {
    throw history_error(file_, e);
  }
}

std::vector<Session> HistoryWriter::sessions(const HistoryQuery& query) {
  try {
    return query_sessions(db_, kColumns, query);
  } catch (const std::exception& e) {
    throw history_error(file_, e);
  }
}

HistoryReader::HistoryReader(const fs::path& file, SQLite::Database db, int version)
    : file_(file), db_(std::move(db)), version_(version) {}

std::optional<HistoryReader> HistoryReader::open(const fs::path& file) {
  if (target_kind(file) == PathKind::missing) return std::nullopt;
  refuse_unless_regular(file);
  try {
    const auto open_database = [&](bool immutable) {
      // A WAL file in a folder that cannot be written to opens only as
      // immutable: then nothing can change it while it is read, which holds.
      // No mutex: a reader is used by one thread at a time, and locking for
      // every column read was a fifth of reading 100,000 sessions.
      if (!immutable)
        return SQLite::Database(file.string(), SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX, kBusyTimeoutMs);
      return SQLite::Database(fmt::format("file:{}?immutable=1", file.string()),
                              SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX,
                              kBusyTimeoutMs);
    };
    std::optional<SQLite::Database> db;
    int version = 0;
    try {
      db.emplace(open_database(false));
      version = db->execAndGet("PRAGMA user_version").getInt();
    } catch (const SQLite::Exception& e) {
      if (e.getErrorCode() != SQLITE_CANTOPEN && e.getErrorCode() != SQLITE_READONLY) throw;
      db.emplace(open_database(true));
      version = db->execAndGet("PRAGMA user_version").getInt();
    }
    if (version == 0) {
      // Created, but nothing written yet; or a file psoas never wrote.
      if (db->execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 0) return std::nullopt;
      throw Error(fmt::format("the history at {} is not a psoas history: it has tables but no schema version",
                              file.string()));
    }
    if (version > kHistorySchemaVersion) throw newer_schema(file, version);
    return HistoryReader(file, std::move(*db), version);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw history_error(file, e);
  }
}

std::vector<Session> HistoryReader::sessions(const HistoryQuery& query) const {
  try {
    return query_sessions(db_, columns_of_version(version_), query);
  } catch (const std::exception& e) {
    throw history_error(file_, e);
  }
}

// The other columns are NULL, which read_row() reads as a new Session has
// them: SQLite then decodes only part of each row, and less text is copied;
// or, `left_out`, not selected at all.
std::string HistoryReader::columns_only(std::span<const std::string_view> wanted, bool left_out) const {
  const std::string all = columns_of_version(version_);
  std::string columns;
  std::string_view rest = kColumns;
  std::string_view given = all;
  while (!rest.empty()) {
    const auto name = rest.substr(0, rest.find(", "));
    const auto expression = given.substr(0, given.find(", "));
    const bool is_wanted = std::find(wanted.begin(), wanted.end(), name) != wanted.end();
    if (is_wanted || !left_out) {
      columns += columns.empty() ? "" : ", ";
      columns += is_wanted ? expression : "NULL";
    }
    rest.remove_prefix(std::min(rest.size(), name.size() + 2));
    given.remove_prefix(std::min(given.size(), expression.size() + 2));
  }
  return columns;
}

void HistoryReader::each_session_figures(const HistoryQuery& query,
                                         const std::function<void(const Session&)>& take) const {
  static constexpr std::array<std::string_view, 8> kFigures = {
      "started_unix_ms", "started_utc_offset_minutes",
      "active_ms",       "held_left_ms",
      "held_right_ms",   "outcome",
      "rating_left",     "rating_right"};
  try {
    each_queried_session(db_, columns_only(kFigures, false), query, take);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw history_error(file_, e);
  }
}

std::vector<Session> HistoryReader::sessions_for_reminders(const HistoryQuery& query) const {
  // For `today --short` in a shell prompt: reading whole sessions was half of its instructions.
  try {
    return query_sessions(db_, columns_only(kLookedAtByReminders, true), query, read_row_for_reminders);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw history_error(file_, e);
  }
}

HistoryTotals HistoryReader::totals(const std::optional<std::string>& routine) const {
  try {
    // Only the columns added up, each read and clamped as read_row() and
    // clamped() do, in one pass: SQLite's GROUP BY (sorting 100,000 rows
    // twice, and clamping in SQL) took four times as long.
    const std::string held = "held_left_ms + held_right_ms + held_unsided_ms";  // before schema 3
    const std::string sql = fmt::format(
        "SELECT routine, started_unix_ms, started_utc_offset_minutes, outcome, {0}, {1}, "
        "held_left_ms, held_right_ms, held_unsided_ms, active_ms FROM sessions "
        "WHERE ?1 IS NULL OR routine = ?1",
        version_ >= 3 ? "planned_hold_ms" : held, version_ >= 3 ? "reached_hold_ms" : held);
    // SQLite's own statement: SQLiteCpp's columns cost more than the adding up.
    sqlite3_stmt* prepared = nullptr;
    const auto check = [this](int code) {
      if (code != SQLITE_OK && code != SQLITE_ROW && code != SQLITE_DONE)
        throw SQLite::Exception(db_.getHandle(), code);
      return code;
    };
    check(sqlite3_prepare_v2(db_.getHandle(), sql.c_str(), -1, &prepared, nullptr));
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> row(prepared, sqlite3_finalize);
    if (routine)
      check(
          sqlite3_bind_text(row.get(), 1, routine->data(), static_cast<int>(routine->size()), SQLITE_STATIC));
    const auto text = [&row](int column) {
      // As Column::getString(): the size first, so that a number is read as its text.
      const auto size = static_cast<std::size_t>(sqlite3_column_bytes(row.get(), column));
      const auto* data = static_cast<const char*>(sqlite3_column_blob(row.get(), column));
      return std::string_view(data, data ? size : 0);
    };
    const auto millis = [&row](int column) {
      return std::clamp(Millis(sqlite3_column_int64(row.get(), column)), Millis(0), kLongestSession);
    };
    std::map<std::int64_t, DayPractice> days;
    std::map<std::string, RoutineUse, std::less<>> uses;
    auto day = days.end();
    auto use = uses.end();
    while (check(sqlite3_step(row.get())) == SQLITE_ROW) {
      const std::string_view name = text(0);
      if (use == uses.end() || use->first != name) {
        use = uses.find(name);
        if (use == uses.end())
          use = uses.emplace(std::string(name), RoutineUse{std::string(name), 0, {}}).first;
      }
      ++use->second.sessions;
      use->second.active += millis(9);
      const WallTime started{clamp_to(sqlite3_column_int64(row.get(), 1), 0, kLatestSessionMs),
                             static_cast<int>(clamp_to(sqlite3_column_int64(row.get(), 2),
                                                       -kMostOffsetMinutes, kMostOffsetMinutes))};
      const std::int64_t number = local_day(started);
      if (day == days.end() || day->first != number)
        day = days.try_emplace(number, DayPractice{number}).first;
      const std::string_view outcome = text(3);
      const bool reached_end = outcome == "finished" || outcome == "partial";
      // As practice_days() adds up sessions.
      day->second.planned += reached_end ? millis(4) : millis(5);
      day->second.held += millis(6) + millis(7) + millis(8);
      day->second.reached_end = day->second.reached_end || reached_end;
    }
    HistoryTotals totals;
    for (auto& [number, practice] : days) totals.days.push_back(practice);
    for (auto& [name, routine_use] : uses) totals.routines.push_back(std::move(routine_use));
    return totals;
  } catch (const std::exception& e) {
    throw history_error(file_, e);
  }
}

void HistoryReader::each_session(const HistoryQuery& query,
                                 const std::function<void(const Session&)>& take) const {
  try {
    each_queried_session(db_, columns_of_version(version_), query, take);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw history_error(file_, e);
  }
}

}  // namespace psoas
