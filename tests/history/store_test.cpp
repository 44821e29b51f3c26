#include "history/store.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <thread>

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include "base/error.hpp"
#include "support/history_schema.hpp"
#include "support/temp_dir.hpp"

using namespace psoas;
using psoas::testing::kHistorySchemaVersion1;
using psoas::testing::TempDir;
using namespace std::chrono_literals;

namespace {

Session session_at(std::int64_t unix_ms, std::string routine = "pigeon-routine") {
  Session s;
  s.routine = std::move(routine);
  s.title = "Pigeon routine";
  s.content_hash = "0123456789abcdef";
  s.started = {unix_ms, 60};
  s.ended = {unix_ms + 300'000, 60};
  s.planned = 295s;
  s.active = 300s;
  s.paused = 5s;
  s.segments_completed = 13;
  s.segments_skipped = 1;
  s.held_left = 120s;
  s.held_right = 125s;
  s.held_unsided = 0s;
  return s;
}

std::string integrity(const std::filesystem::path& file) {
  SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
  return db.execAndGet("PRAGMA integrity_check").getString();
}

std::size_t count(const std::filesystem::path& file) {
  const auto reader = HistoryReader::open(file);
  return reader ? reader->sessions({}).size() : 0;
}

}  // namespace

TEST_CASE("a finished and a partial session are stored and read back whole") {
  TempDir dir;
  const auto file = dir.path() / "state/psoas/history.db";
  Session finished = session_at(1'790'000'000'000);
  Session partial = session_at(1'790'100'000'000, "bridge");
  partial.outcome = SessionOutcome::interrupted;
  partial.stopped_at_step = 2;
  partial.ratings = {7, 4, std::nullopt};
  partial.planned_hold = 240s;
  partial.reached_hold = 150s;
  partial.stopped_hold = 12'500ms;
  partial.stopped_at_segment = 6;
  partial.speed = 2.5;
  partial.timing = {std::nullopt, std::nullopt, 600s, 3, std::nullopt};
  {
    HistoryWriter writer(file);
    finished.id = writer.record(finished);
    partial.id = writer.record(partial);
  }
  const auto reader = HistoryReader::open(file);
  REQUIRE(reader);
  CHECK(reader->schema_version() == kHistorySchemaVersion);
  const auto sessions = reader->sessions({});
  REQUIRE(sessions.size() == 2);
  const Session& p = sessions[0];  // newest first
  CHECK(p.id == partial.id);
  CHECK(p.routine == "bridge");
  CHECK(p.outcome == SessionOutcome::interrupted);
  CHECK(p.stopped_at_step == 2);
  CHECK(p.ratings.left == 7);
  CHECK(p.ratings.right == 4);
  CHECK_FALSE(p.ratings.overall);
  CHECK(p.planned_hold == 240s);
  CHECK(p.reached_hold == 150s);
  CHECK(p.stopped_hold == 12'500ms);
  CHECK(p.stopped_at_segment == 6);
  CHECK(p.speed == 2.5);
  CHECK(p.timing == RunTiming{std::nullopt, std::nullopt, 600s, 3, std::nullopt});
  const Session& f = sessions[1];
  CHECK(f.title == "Pigeon routine");
  CHECK(f.content_hash == "0123456789abcdef");
  CHECK(f.started.unix_ms == 1'790'000'000'000);
  CHECK(f.started.utc_offset_minutes == 60);
  CHECK(f.ended.unix_ms == 1'790'000'300'000);
  CHECK(f.planned == 295s);
  CHECK(f.active == 300s);
  CHECK(f.paused == 5s);
  CHECK(f.segments_completed == 13);
  CHECK(f.segments_skipped == 1);
  CHECK(f.held_left == 120s);
  CHECK(f.held_right == 125s);
  CHECK(f.outcome == SessionOutcome::finished);
  CHECK_FALSE(f.stopped_at_step);
  CHECK(f.ratings.empty());
  // WAL mode: writers never block readers, and a crash never tears a commit.
  SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("queries: since, routine, limit, ratings added after the run") {
  TempDir dir;
  const auto file = dir.path() / "history.db";
  HistoryWriter writer(file);
  const std::int64_t day = 86'400'000;
  for (int i = 0; i < 5; ++i)
    writer.record(session_at(1'790'000'000'000 + i * day, i % 2 ? "bridge" : "butterfly"));
  const std::int64_t id = writer.record(session_at(1'790'000'000'000 + 5 * day, "bridge"));
  writer.rate(id, {std::nullopt, std::nullopt, 6});
  const auto reader = HistoryReader::open(file);
  REQUIRE(reader);
  CHECK(reader->sessions({}).size() == 6);
  CHECK(reader->sessions({1'790'000'000'000 + 3 * day, std::nullopt, 0}).size() == 3);
  CHECK(reader->sessions({std::nullopt, "bridge", 0}).size() == 3);
  const auto newest = reader->sessions({std::nullopt, std::nullopt, 2});
  REQUIRE(newest.size() == 2);
  CHECK(newest[0].id == id);
  CHECK(newest[0].ratings.overall == 6);
}

TEST_CASE("no history yet: nothing to read, and the writer creates it, folders and all") {
  TempDir dir;
  CHECK_FALSE(HistoryReader::open(dir.path() / "none.db"));
  HistoryWriter writer(dir.path() / "a/b/c/history.db");
  CHECK(std::filesystem::exists(dir.path() / "a/b/c/history.db"));
}

TEST_CASE("a damaged file is a one-line error, for writing and for reading") {
  TempDir dir;
  const auto file = dir.write("history.db", std::string(4096, 'x'));
  try {
    HistoryWriter writer(file);
    FAIL("a damaged file opened");
  } catch (const Error& error) {
    const std::string message = error.what();
    CHECK(message.starts_with("the history at " + file.string() + " cannot be used: "));
    CHECK(message.find('\n') == std::string::npos);
  }
  CHECK_THROWS_AS(HistoryReader::open(file), Error);
}

TEST_CASE("a history from a newer psoas is left alone") {
  TempDir dir;
  const auto file = dir.path() / "history.db";
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA user_version = 99");
  }
  CHECK_THROWS_WITH_AS(HistoryWriter{file}, doctest::Contains("written by a newer psoas"), Error);
  CHECK_THROWS_AS(HistoryReader::open(file), Error);
}

TEST_CASE(
    "reading for reminders reads what they look at, whole, and leaves the rest as a new session has it") {
  // Only what reminders look at, taken from a session read whole.
  const auto looked_at = [](const Session& whole) {
    Session s;
    s.id = whole.id;
    s.routine = whole.routine;
    s.ended = whole.ended;
    s.outcome = whole.outcome;
    s.planned_hold = whole.planned_hold;
    s.held_left = whole.held_left;
    s.held_right = whole.held_right;
    s.held_unsided = whole.held_unsided;
    return s;
  };
  TempDir dir;
  const auto file = dir.path() / "history.db";
  SUBCASE("this schema") {
    Session quit = session_at(1'790'000'000'000, "bridge");
    quit.outcome = SessionOutcome::quit;
    quit.planned_hold = 240s;
    quit.reached_hold = 150s;
    quit.held_unsided = 7s;
    quit.ratings = {7, 4, std::nullopt};
    quit.plan = "psoas-4-weeks";
    quit.plan_week = 2;
    HistoryWriter writer(file);
    Session finished = session_at(1'790'100'000'000);
    finished.planned_hold = 245s;
    writer.record(quit);
    writer.record(finished);
  }
  SUBCASE("the first schema, which had no planned hold: the time held stands for it") {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(kHistorySchemaVersion1);
    db.exec(R"sql(
INSERT INTO sessions VALUES (1, 'bridge', 'Bridge', 'abc', 1790000000000, 60, 1790000130000, 60, 130000, 130000, 0,
  6, 0, 40000, 50000, 9000, 'quit', 1);
INSERT INTO sessions VALUES (2, 'pigeon', 'Pigeon', 'abc', 1790090000000, 60, 1790090060000, -300, 130000, 60000, 0,
  2, 0, 0, 0, 30000, 'finished', NULL);
PRAGMA user_version = 1;
)sql");
  }
  const auto reader = HistoryReader::open(file);
  REQUIRE(reader);
  const std::vector<Session> whole = reader->sessions({});
  const std::vector<Session> for_reminders = reader->sessions_for_reminders({});
  REQUIRE(whole.size() == 2);
  REQUIRE(for_reminders.size() == 2);
  for (std::size_t i = 0; i < whole.size(); ++i) {
    CAPTURE(i);
    CHECK(whole[i].planned_hold > 0s);
    CHECK(whole[i].title != Session{}.title);
    CHECK(for_reminders[i] == looked_at(whole[i]));
  }
  HistoryQuery since;
  since.since_unix_ms = 1'790'050'000'000;
  CHECK(reader->sessions_for_reminders(since).size() == 1);
}

TEST_CASE("a history in the first schema is read as it is, and migrated when written to") {
  TempDir dir;
  const auto file = dir.path() / "history.db";
  {
    // Version 1 of the schema, as psoas first wrote it.
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(kHistorySchemaVersion1);
    db.exec(R"sql(
INSERT INTO sessions VALUES (1, 'bridge', 'Bridge', 'abc', 1790000000000, 60, 1790000130000, 60, 130000, 130000, 0,
  6, 0, 0, 0, 90000, 'finished', NULL);
INSERT INTO sessions VALUES (2, 'bridge', 'Bridge', 'abc', 1790090000000, 60, 1790090060000, 60, 130000, 60000, 0,
  2, 0, 0, 0, 30000, 'quit', 1);
PRAGMA user_version = 1;
)sql");
  }
  {
    const auto reader = HistoryReader::open(file);
    REQUIRE(reader);
    CHECK(reader->schema_version() == 1);
    const auto sessions = reader->sessions({});
    REQUIRE(sessions.size() == 2);
    CHECK(sessions[0].outcome == SessionOutcome::quit);
    CHECK(sessions[0].ratings.empty());
  }
  HistoryWriter writer(file);
  writer.rate(1, {3, 5, std::nullopt});
  writer.record(session_at(1'790'200'000'000));
  const auto reader = HistoryReader::open(file);
  REQUIRE(reader);
  CHECK(reader->schema_version() == kHistorySchemaVersion);
  const auto sessions = reader->sessions({});
  REQUIRE(sessions.size() == 3);
  CHECK(sessions[2].id == 1);
  CHECK(sessions[2].held_unsided == 90s);
  CHECK(sessions[2].ratings.left == 3);
  CHECK(integrity(file) == "ok");
}

TEST_CASE("two processes recording at once both record everything") {
  TempDir dir;
  const auto file = dir.path() / "history.db";
  constexpr int kEach = 40;
  std::vector<pid_t> children;
  for (int process = 0; process < 2; ++process) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      try {
        HistoryWriter writer(file);
        for (int i = 0; i < kEach; ++i) writer.record(session_at(1'790'000'000'000 + process * 1000 + i));
      } catch (...) {
        ::_exit(1);
      }
      ::_exit(0);
    }
    children.push_back(pid);
  }
  for (const pid_t pid : children) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  CHECK(count(file) == 2 * kEach);
  CHECK(integrity(file) == "ok");
}

TEST_CASE("kill -9 in the middle of writing loses at most the session in flight") {
  TempDir dir;
  const auto file = dir.path() / "history.db";
  std::mt19937 random(20261121);
  std::size_t committed = 0;
  for (int round = 0; round < 8; ++round) {
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::close(pipe_fds[0]);
      HistoryWriter writer(file);
      for (int i = 0;; ++i) {
        writer.record(session_at(1'790'000'000'000 + round * 100'000 + i));
        const char done = 1;  // tells the parent this one is committed
        if (::write(pipe_fds[1], &done, 1) != 1) ::_exit(1);
      }
    }
    ::close(pipe_fds[1]);
    // Waits for the first commit, however slow a loaded or sanitized build is, then kills at random after.
    char first = 0;
    REQUIRE(::read(pipe_fds[0], &first, 1) == 1);
    ++committed;
    std::this_thread::sleep_for(std::chrono::milliseconds(random() % 40));
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
      committed += static_cast<std::size_t>(n);
    ::close(pipe_fds[0]);
    CHECK(integrity(file) == "ok");
    const std::size_t stored = count(file);
    CHECK(stored >= committed);      // nothing committed was lost
    CHECK(stored <= committed + 1);  // and at most the one in flight got in unannounced
    committed = stored;
  }
}

namespace {

// Starts `writers` processes that each open a history at `file` and record one session, all at once.
bool all_record_at_once(const std::filesystem::path& file, int writers) {
  int gate[2];
  REQUIRE(::pipe(gate) == 0);
  std::vector<pid_t> children;
  for (int i = 0; i < writers; ++i) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::close(gate[1]);
      char go = 0;
      if (::read(gate[0], &go, 1) < 0) ::_exit(2);  // every child starts when the gate closes
      try {
        HistoryWriter writer(file);
        writer.record(session_at(1'790'000'000'000 + i));
      } catch (...) {
        ::_exit(1);
      }
      ::_exit(0);
    }
    children.push_back(pid);
  }
  ::close(gate[0]);
  ::close(gate[1]);
  bool all = true;
  for (const pid_t pid : children) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    all = all && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  return all;
}

}  // namespace

TEST_CASE("three first runs at once on a brand-new history all record, twenty times over") {
  for (int trial = 0; trial < 20; ++trial) {
    TempDir dir;
    const auto file = dir.path() / "state/psoas/history.db";
    CHECK(all_record_at_once(file, 3));
    CHECK(count(file) == 3);
  }
}

TEST_CASE(
    "the third schema: a UUID per session, skipped holds, partial, resume, and a migration that keeps all") {
  TempDir dir;
  const auto file = dir.path() / "history.db";
  {
    HistoryWriter writer(file);
    Session s = session_at(1'790'000'000'000);
    s.planned_hold = 250s;
    s.holds = 6;
    s.holds_skipped = 2;
    s.outcome = SessionOutcome::partial;
    s.timing = {45s, 2, std::nullopt, std::nullopt, std::nullopt};
    s.stopped_at_segment = 7;
    s.resumed = 1;
    writer.record(s);
  }
  const auto sessions = HistoryReader::open(file)->sessions({});
  REQUIRE(sessions.size() == 1);
  const Session& s = sessions[0];
  CHECK(is_uuid(s.uuid));
  CHECK(s.planned_hold == 250s);
  CHECK(s.holds == 6);
  CHECK(s.holds_skipped == 2);
  CHECK(s.outcome == SessionOutcome::partial);
  CHECK(s.timing == RunTiming{45s, 2, std::nullopt, std::nullopt, std::nullopt});
  CHECK(s.stopped_at_segment == 7);
  CHECK(s.resumed == 1);

  // A version 2 file: each session gets its own UUID, and counts as having held what it planned.
  const auto old = dir.path() / "old.db";
  {
    SQLite::Database db(old.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(R"sql(
CREATE TABLE sessions (id INTEGER PRIMARY KEY, routine TEXT NOT NULL, title TEXT NOT NULL, content_hash TEXT NOT NULL,
  started_unix_ms INTEGER NOT NULL, started_utc_offset_minutes INTEGER NOT NULL, ended_unix_ms INTEGER NOT NULL,
  ended_utc_offset_minutes INTEGER NOT NULL, planned_ms INTEGER NOT NULL, active_ms INTEGER NOT NULL,
  paused_ms INTEGER NOT NULL, segments_completed INTEGER NOT NULL, segments_skipped INTEGER NOT NULL,
  held_left_ms INTEGER NOT NULL, held_right_ms INTEGER NOT NULL, held_unsided_ms INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('finished', 'quit', 'interrupted')), stopped_at_step INTEGER,
  rating_left INTEGER, rating_right INTEGER, rating_overall INTEGER);
INSERT INTO sessions VALUES (1, 'bridge', 'Bridge', 'abc', 1790000000000, 60, 1790000130000, 60, 130000, 130000, 0,
  6, 0, 40000, 50000, 0, 'finished', NULL, 4, 5, NULL);
INSERT INTO sessions VALUES (2, 'bridge', 'Bridge', 'abc', 1790090000000, 60, 1790090060000, 60, 130000, 60000, 0,
  2, 0, 0, 0, 30000, 'quit', 1, NULL, NULL, NULL);
PRAGMA user_version = 2;
)sql");
  }
  CHECK(HistoryReader::open(old)->sessions({}).at(1).planned_hold == 90s);  // read as it is
  HistoryWriter{old};
  const auto migrated = HistoryReader::open(old)->sessions({});
  REQUIRE(migrated.size() == 2);
  CHECK(is_uuid(migrated[0].uuid));
  CHECK(is_uuid(migrated[1].uuid));
  CHECK(migrated[0].uuid != migrated[1].uuid);
  CHECK(migrated[1].planned_hold == 90s);
  CHECK(migrated[1].ratings.right == 5);
  CHECK(migrated[0].stopped_at_step == 1);
  CHECK(integrity(old) == "ok");
}

TEST_CASE(
    "the fourth schema: the plan a session followed, its week and the side it favoured — version 3 read and "
    "migrated") {
  TempDir dir;
  const auto file = dir.path() / "history.db";
  {
    HistoryWriter writer(file);
    Session s = session_at(1'790'000'000'000);
    s.plan = "psoas-4-weeks";
    s.plan_week = 2;
    s.timing.favoured = Side::left;
    writer.record(s);
    writer.record(session_at(1'790'100'000'000));
  }
  const auto sessions = HistoryReader::open(file)->sessions({});
  REQUIRE(sessions.size() == 2);
  CHECK(sessions[1].plan == "psoas-4-weeks");
  CHECK(sessions[1].plan_week == 2);
  CHECK(sessions[1].timing.favoured == Side::left);
  CHECK(sessions[0].plan.empty());
  CHECK_FALSE(sessions[0].plan_week);
  CHECK_FALSE(sessions[0].timing.favoured);
  // The same file as version 3 wrote it: read without the plan, then migrated.
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    db.exec(
        "ALTER TABLE sessions DROP COLUMN favoured_side; ALTER TABLE sessions DROP COLUMN plan_week; "
        "ALTER TABLE sessions DROP COLUMN plan; PRAGMA user_version = 3;");
  }
  const auto old = HistoryReader::open(file)->sessions({});
  REQUIRE(old.size() == 2);
  CHECK(old[1].plan.empty());
  CHECK(old[1].uuid == sessions[1].uuid);
  HistoryWriter{file};
  const auto migrated = HistoryReader::open(file)->sessions({});
  REQUIRE(migrated.size() == 2);
  CHECK(migrated[1].uuid == sessions[1].uuid);
  CHECK_FALSE(migrated[1].plan_week);
  CHECK(integrity(file) == "ok");
}

TEST_CASE("a resumed session is updated in place — delete removes one — import skips what is already there") {
  TempDir dir;
  const auto file = dir.path() / "history.db";
  HistoryWriter writer(file);
  Session s = session_at(1'790'000'000'000);
  s.outcome = SessionOutcome::quit;
  s.id = writer.record(s);
  s = writer.sessions({}).at(0);
  s.held_left += 30s;
  s.outcome = SessionOutcome::finished;
  s.resumed = 1;
  writer.update(s);
  const auto after = writer.sessions({});
  REQUIRE(after.size() == 1);
  CHECK(after[0].held_left == 150s);
  CHECK(after[0].resumed == 1);
  CHECK(after[0].uuid == s.uuid);

  Session other = session_at(1'790'500'000'000, "bridge");
  other.uuid = random_uuid();
  CHECK(writer.import({after[0], other}) == 1);
  CHECK(writer.import({after[0], other}) == 0);
  CHECK(writer.sessions({}).size() == 2);
  CHECK(writer.remove(after[0].id));
  CHECK_FALSE(writer.remove(after[0].id));
  CHECK(writer.sessions({}).size() == 1);
  CHECK(writer.sessions({std::nullopt, std::nullopt, 0, true}).empty());  // unfinished only
}

TEST_CASE("reading never writes: a history in a folder nobody may write to is read, its WAL with it") {
  // A writer that closes folds its WAL into the file and removes it; one that
  // was killed leaves the newest session in its WAL and -shm files.
  for (const bool killed : {true, false}) {
    CAPTURE(killed);
    TempDir dir;
    const auto folder = dir.path() / "state";
    const auto file = folder / "history.db";
    { HistoryWriter(file).record(session_at(1'790'000'000'000)); }
    REQUIRE_FALSE(std::filesystem::exists(folder / "history.db-wal"));
    if (killed) {
      const pid_t writer = ::fork();
      REQUIRE(writer >= 0);
      if (writer == 0) {
        try {
          HistoryWriter killed_writer(file);
          killed_writer.record(session_at(1'790'000'100'000));
          ::_exit(0);  // its destructor never runs: no checkpoint
        } catch (...) {
          ::_exit(1);
        }
      }
      int status = 0;
      ::waitpid(writer, &status, 0);
      REQUIRE(status == 0);
      REQUIRE(std::filesystem::exists(folder / "history.db-wal"));
    } else {
      HistoryWriter(file).record(session_at(1'790'000'100'000));
    }
    REQUIRE(std::filesystem::exists(folder / "history.db-shm") == killed);
    ::chmod(dir.path().c_str(), 0755);
    ::chmod(folder.c_str(), 0555);
    for (const char* name : {"history.db", "history.db-wal", "history.db-shm"})
      ::chmod((folder / name).c_str(), 0444);
    // Root may write anywhere: the reading is done as nobody.
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
      try {
        const auto reader = HistoryReader::open(file);
        ::_exit(reader && reader->sessions({}).size() == 2 ? 0 : 1);
      } catch (...) {
        ::_exit(2);
      }
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::chmod(folder.c_str(), 0700);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(std::filesystem::exists(folder / "history.db-shm") == killed);
  }
}

TEST_CASE("a FIFO where the history should be is refused at once, never waited on") {
  TempDir dir;
  const auto file = dir.path() / "history.db";
  REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
  CHECK_THROWS_WITH_AS(HistoryReader::open(file), doctest::Contains("it is not a regular file"), Error);
  CHECK_THROWS_WITH_AS(HistoryWriter{file}, doctest::Contains("it is not a regular file"), Error);
}

TEST_CASE("a file with tables but no schema version is not taken for an empty history") {
  TempDir dir;
  const auto file = dir.path() / "history.db";
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE sessions (id INTEGER PRIMARY KEY); INSERT INTO sessions VALUES (1);");
  }
  CHECK_THROWS_WITH_AS(HistoryReader::open(file), doctest::Contains("is not a psoas history"), Error);
}

TEST_CASE("values no psoas writes are clamped when read, never trusted") {
  TempDir dir;
  const auto file = dir.path() / "history.db";
  { HistoryWriter(file).record(session_at(1'790'000'000'000)); }
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    db.exec(
        "UPDATE sessions SET started_unix_ms = 9223372036854775807, started_utc_offset_minutes = "
        "-9223372036854775808,"
        " ended_unix_ms = -9223372036854775808, active_ms = 9223372036854775807, held_left_ms = -5,"
        " segments_completed = 9223372036854775807, rating_left = NULL, stopped_at_step = -3, resumed = -1,"
        " planned_hold_ms = 9223372036854775807, reps_override = 1000000");
    db.exec("PRAGMA ignore_check_constraints = 1");
    db.exec("UPDATE sessions SET rating_right = 99");
  }
  const auto sessions = HistoryReader::open(file)->sessions({});
  REQUIRE(sessions.size() == 1);
  const Session& s = sessions[0];
  CHECK(s.started.unix_ms == kLatestSessionMs);
  CHECK(s.started.utc_offset_minutes == -kMostOffsetMinutes);
  CHECK(s.ended.unix_ms == 0);
  CHECK(s.active == kLongestSession);
  CHECK(s.held_left == 0s);
  CHECK(s.segments_completed == kMostCounted);
  CHECK_FALSE(s.ratings.right);
  CHECK_FALSE(s.stopped_at_step);
  CHECK(s.resumed == 0);
  CHECK_FALSE(s.timing.reps);
}
