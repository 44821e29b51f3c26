#include "history/store.hpp"

#include <sys/stat.h>

#include <array>
#include <limits>
#include <system_error>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "base/error.hpp"

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
};

Error history_error(const fs::path& file, const std::exception& e) {
  return Error(fmt::format("the history at {} cannot be used: {}", file.string(), e.what()));
}

void bind_optional(SQLite::Statement& statement, int index, const std::optional<int>& value) {
  if (value) {
    statement.bind(index, *value);
  } else {
    statement.bind(index);
  }
}

std::optional<int> optional_int(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt();
}

SQLite::Database open_for_writing(const fs::path& file) {
  std::error_code error;
  fs::create_directories(file.parent_path(), error);
  if (error) throw Error(fmt::format("cannot create {}: {}", file.parent_path().string(), error.message()));
  ::chmod(file.parent_path().c_str(), 0700);  // a health diary is nobody else's business
  try {
    return SQLite::Database(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kBusyTimeoutMs);
  } catch (const std::exception& e) {
    throw history_error(file, e);
  }
}

}  // namespace

HistoryWriter::HistoryWriter(const fs::path& file) : file_(file), db_(open_for_writing(file)) {
  try {
    db_.exec("PRAGMA journal_mode = WAL");
    db_.exec("PRAGMA synchronous = NORMAL");
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    const int version = db_.execAndGet("PRAGMA user_version").getInt();
    if (version > kHistorySchemaVersion)
      throw Error(fmt::format("the history at {} was written by a newer psoas (schema {}; this one knows {})",
                              file.string(), version, kHistorySchemaVersion));
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

std::int64_t HistoryWriter::record(const Session& s) {
  try {
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement insert(db_, R"sql(
INSERT INTO sessions (routine, title, content_hash, started_unix_ms, started_utc_offset_minutes, ended_unix_ms,
  ended_utc_offset_minutes, planned_ms, active_ms, paused_ms, segments_completed, segments_skipped, held_left_ms,
  held_right_ms, held_unsided_ms, outcome, stopped_at_step, rating_left, rating_right, rating_overall)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
)sql");
    int i = 0;
    insert.bind(++i, s.routine);
    insert.bind(++i, s.title);
    insert.bind(++i, s.content_hash);
    insert.bind(++i, static_cast<std::int64_t>(s.started.unix_ms));
    insert.bind(++i, s.started.utc_offset_minutes);
    insert.bind(++i, static_cast<std::int64_t>(s.ended.unix_ms));
    insert.bind(++i, s.ended.utc_offset_minutes);
    for (const Millis duration : {s.planned, s.active, s.paused})
      insert.bind(++i, static_cast<std::int64_t>(duration.count()));
    insert.bind(++i, s.segments_completed);
    insert.bind(++i, s.segments_skipped);
    for (const Millis held : {s.held_left, s.held_right, s.held_unsided})
      insert.bind(++i, static_cast<std::int64_t>(held.count()));
    insert.bind(++i, std::string(to_string(s.outcome)));
    bind_optional(insert, ++i, s.stopped_at_step);
    bind_optional(insert, ++i, s.ratings.left);
    bind_optional(insert, ++i, s.ratings.right);
    bind_optional(insert, ++i, s.ratings.overall);
    insert.exec();
    const std::int64_t id = db_.getLastInsertRowid();
    transaction.commit();
    return id;
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
    update.exec();  // one statement: its own transaction
  } catch (const std::exception& e) {
    throw history_error(file_, e);
  }
}

HistoryReader::HistoryReader(const fs::path& file, SQLite::Database db, int version)
    : file_(file), db_(std::move(db)), version_(version) {}

std::optional<HistoryReader> HistoryReader::open(const fs::path& file) {
  std::error_code error;
  if (!fs::exists(file, error)) return std::nullopt;
  try {
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY, kBusyTimeoutMs);
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    if (version == 0) return std::nullopt;  // created, but nothing written yet
    if (version > kHistorySchemaVersion)
      throw Error(fmt::format("the history at {} was written by a newer psoas (schema {}; this one knows {})",
                              file.string(), version, kHistorySchemaVersion));
    return HistoryReader(file, std::move(db), version);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw history_error(file, e);
  }
}

std::vector<Session> HistoryReader::sessions(const HistoryQuery& query) const {
  // A version 1 file has no ratings: they read as null.
  const std::string ratings =
      version_ >= 2 ? "rating_left, rating_right, rating_overall" : "NULL, NULL, NULL";
  std::string sql = fmt::format(R"sql(
SELECT id, routine, title, content_hash, started_unix_ms, started_utc_offset_minutes, ended_unix_ms,
  ended_utc_offset_minutes, planned_ms, active_ms, paused_ms, segments_completed, segments_skipped, held_left_ms,
  held_right_ms, held_unsided_ms, outcome, stopped_at_step, {}
FROM sessions WHERE started_unix_ms >= ? AND (? IS NULL OR routine = ?)
ORDER BY started_unix_ms DESC, id DESC
)sql",
                                ratings);
  if (query.limit > 0) sql += fmt::format(" LIMIT {}", query.limit);
  try {
    SQLite::Statement select(db_, sql);
    select.bind(
        1, static_cast<std::int64_t>(query.since_unix_ms.value_or(std::numeric_limits<std::int64_t>::min())));
    if (query.routine) {
      select.bind(2, *query.routine);
      select.bind(3, *query.routine);
    }
    std::vector<Session> sessions;
    while (select.executeStep()) {
      Session s;
      int i = 0;
      s.id = select.getColumn(i++).getInt64();
      s.routine = select.getColumn(i++).getString();
      s.title = select.getColumn(i++).getString();
      s.content_hash = select.getColumn(i++).getString();
      s.started.unix_ms = select.getColumn(i++).getInt64();
      s.started.utc_offset_minutes = select.getColumn(i++).getInt();
      s.ended.unix_ms = select.getColumn(i++).getInt64();
      s.ended.utc_offset_minutes = select.getColumn(i++).getInt();
      s.planned = Millis(select.getColumn(i++).getInt64());
      s.active = Millis(select.getColumn(i++).getInt64());
      s.paused = Millis(select.getColumn(i++).getInt64());
      s.segments_completed = select.getColumn(i++).getInt();
      s.segments_skipped = select.getColumn(i++).getInt();
      s.held_left = Millis(select.getColumn(i++).getInt64());
      s.held_right = Millis(select.getColumn(i++).getInt64());
      s.held_unsided = Millis(select.getColumn(i++).getInt64());
      s.outcome =
          session_outcome_from(select.getColumn(i++).getString()).value_or(SessionOutcome::interrupted);
      s.stopped_at_step = optional_int(select.getColumn(i++));
      s.ratings.left = optional_int(select.getColumn(i++));
      s.ratings.right = optional_int(select.getColumn(i++));
      s.ratings.overall = optional_int(select.getColumn(i++));
      sessions.push_back(std::move(s));
    }
    return sessions;
  } catch (const std::exception& e) {
    throw history_error(file_, e);
  }
}

}  // namespace psoas
