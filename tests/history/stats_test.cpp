#include "history/stats.hpp"

#include <random>

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include "support/history_schema.hpp"
#include "support/temp_dir.hpp"
#include "ui/history_view.hpp"

using namespace psoas;
using psoas::testing::kHistorySchemaVersion1;
using namespace std::chrono_literals;

namespace {

// A session that started at a local date and hour, in a zone `offset` minutes from UTC.
Session at(CivilDate date, int hour, int offset = 0, SessionOutcome outcome = SessionOutcome::finished,
           Millis active = 10min) {
  Session s;
  s.routine = "r";
  const std::int64_t local_ms = days_from_civil(date) * 86'400'000 + std::int64_t{hour} * 3'600'000;
  s.started = {local_ms - std::int64_t{offset} * 60'000, offset};
  s.outcome = outcome;
  s.active = active;
  return s;
}

std::int64_t day(CivilDate date) {
  return days_from_civil(date);
}

}  // namespace

TEST_CASE("a streak counts days with a finished session, across the end of a month") {
  const std::vector<Session> sessions = {at({2026, 10, 30}, 8), at({2026, 10, 31}, 8), at({2026, 11, 1}, 8),
                                         at({2026, 11, 2}, 8)};
  CHECK(streaks(sessions, day({2026, 11, 2})).current == 4);
  CHECK(streaks(sessions, day({2026, 11, 2})).longest == 4);
}

TEST_CASE("today still counts until it is over, a missed day breaks the streak") {
  const std::vector<Session> sessions = {at({2026, 11, 18}, 8), at({2026, 11, 19}, 8), at({2026, 11, 20}, 8)};
  CHECK(streaks(sessions, day({2026, 11, 21})).current == 3);  // nothing yet today
  CHECK(streaks(sessions, day({2026, 11, 22})).current == 0);  // yesterday was missed
  CHECK(streaks(sessions, day({2026, 11, 22})).longest == 3);
}

TEST_CASE("several sessions a day count once, quit and interrupted ones do not count") {
  const std::vector<Session> sessions = {
      at({2026, 11, 19}, 8), at({2026, 11, 19}, 20), at({2026, 11, 20}, 8, 0, SessionOutcome::quit),
      at({2026, 11, 21}, 8, 0, SessionOutcome::interrupted), at({2026, 11, 21}, 9)};
  const Streaks s = streaks(sessions, day({2026, 11, 21}));
  CHECK(s.current == 1);
  CHECK(s.longest == 1);
}

TEST_CASE("the longest streak is found wherever it lies") {
  std::vector<Session> sessions;
  for (unsigned d = 1; d <= 10; ++d) sessions.push_back(at({2026, 2, d}, 7));
  for (unsigned d = 20; d <= 22; ++d) sessions.push_back(at({2026, 2, d}, 7));
  sessions.push_back(at({2026, 3, 1}, 7));
  const Streaks s = streaks(sessions, day({2026, 3, 1}));
  CHECK(s.longest == 10);
  CHECK(s.current == 1);  // 2026-02-28 was missed
}

TEST_CASE("daylight saving: the short and the long night do not break a streak") {
  // Europe: +01:00 in winter, +02:00 in summer; clocks change on 29 March and 25 October 2026.
  const std::vector<Session> spring = {at({2026, 3, 28}, 23, 60), at({2026, 3, 29}, 23, 120),
                                       at({2026, 3, 30}, 0, 120)};
  CHECK(streaks(spring, day({2026, 3, 30})).current == 3);
  const std::vector<Session> autumn = {at({2026, 10, 24}, 0, 120), at({2026, 10, 25}, 0, 120),
                                       at({2026, 10, 25}, 23, 60), at({2026, 10, 26}, 1, 60)};
  CHECK(streaks(autumn, day({2026, 10, 26})).current == 3);
}

TEST_CASE("time zones: a session belongs to the day where it was done") {
  // The same instant, 2026-11-20 23:30 UTC, is the 20th in London and the 21st in Tokyo.
  const std::int64_t instant = days_from_civil({2026, 11, 20}) * 86'400'000 + 23 * 3'600'000 + 30 * 60'000;
  Session london;
  london.started = {instant, 0};
  Session tokyo;
  tokyo.started = {instant, 540};
  CHECK(local_day(london.started) == day({2026, 11, 20}));
  CHECK(local_day(tokyo.started) == day({2026, 11, 21}));
  // Flying west: the 19th in Berlin, then the 20th and 21st in New York.
  const std::vector<Session> trip = {at({2026, 11, 19}, 22, 60), at({2026, 11, 20}, 6, -300),
                                     at({2026, 11, 21}, 6, -300)};
  CHECK(streaks(trip, day({2026, 11, 21})).current == 3);
}

TEST_CASE("minutes per week: Monday to Sunday, the last weeks, this one last") {
  const std::vector<Session> sessions = {
      at({2026, 11, 16}, 8, 0, SessionOutcome::finished, 20min),  // Monday of this week
      at({2026, 11, 22}, 20, 0, SessionOutcome::quit, 5min),      // its Sunday: partial time counts
      at({2026, 11, 15}, 8, 0, SessionOutcome::finished, 30min),  // the Sunday before
      at({2026, 9, 1}, 8, 0, SessionOutcome::finished, 60min),    // too long ago
  };
  const auto weeks = minutes_per_week(sessions, day({2026, 11, 21}), 8);
  REQUIRE(weeks.size() == 8);
  CHECK(weeks.back().monday == day({2026, 11, 16}));
  CHECK(weeks.back().minutes == doctest::Approx(25));
  CHECK(weeks[6].monday == day({2026, 11, 9}));
  CHECK(weeks[6].minutes == doctest::Approx(30));
  CHECK(weeks.front().monday == day({2026, 9, 28}));
  double total = 0;
  for (const auto& week : weeks) total += week.minutes;
  CHECK(total == doctest::Approx(55));
}

TEST_CASE("most used routines, most first, and the time held on each side") {
  std::vector<Session> sessions = {at({2026, 11, 20}, 8), at({2026, 11, 21}, 8), at({2026, 11, 21}, 9)};
  sessions[0].routine = "bridge";
  sessions[1].routine = "pigeon";
  sessions[2].routine = "pigeon";
  sessions[1].held_left = 90s;
  sessions[1].held_right = 60s;
  sessions[2].held_left = 30s;
  const auto used = most_used(sessions, 5);
  REQUIRE(used.size() == 2);
  CHECK(used[0].routine == "pigeon");
  CHECK(used[0].sessions == 2);
  CHECK(used[0].active == 20min);
  CHECK(most_used(sessions, 1).size() == 1);
  const SideBalance balance = side_balance(sessions, day({2026, 11, 21}));
  CHECK(balance.left == 120s);
  CHECK(balance.right == 60s);
}

TEST_CASE("tightness: weekly averages, and whether the sides are evening out") {
  std::vector<Session> sessions;
  const auto rated = [&](CivilDate date, int left, int right) {
    Session s = at(date, 8);
    s.ratings = {left, right, std::nullopt};
    sessions.push_back(s);
  };
  rated({2026, 11, 2}, 8, 5);
  rated({2026, 11, 4}, 7, 5);
  rated({2026, 11, 10}, 6, 5);
  rated({2026, 11, 17}, 5, 5);
  sessions.push_back(at({2026, 11, 18}, 8));  // not rated
  const auto weeks = ratings_per_week(sessions, day({2026, 10, 1}));
  REQUIRE(weeks.size() == 3);
  CHECK(*weeks[0].left == doctest::Approx(7.5));
  CHECK(*weeks[0].right == doctest::Approx(5));
  const SideGap gap = side_gap(weeks);
  CHECK(gap.trend == GapTrend::closing);
  CHECK(gap.first == doctest::Approx(2.5));
  CHECK(gap.last == doctest::Approx(0));
  CHECK(side_gap({weeks[0]}).trend == GapTrend::unknown);
  std::vector<WeekRatings> widening = {{0, 5.0, 5.0}, {7, 5.0, 7.0}};
  CHECK(side_gap(widening).trend == GapTrend::widening);
  std::vector<WeekRatings> steady = {{0, 6.0, 5.0}, {7, 5.0, 4.2}};
  CHECK(side_gap(steady).trend == GapTrend::steady);
}

TEST_CASE("a day counts for the streak when its sessions held at least half their planned hold time") {
  Session skipped = at({2026, 11, 20}, 8, 0, SessionOutcome::partial);
  skipped.planned_hold = 100s;
  skipped.held_left = 10s;
  Session held = at({2026, 11, 21}, 8, 0, SessionOutcome::quit);
  held.planned_hold = 100s;
  held.reached_hold = 60s;  // quit in the second hold: judged on the 60 s it reached
  held.held_right = 50s;
  Session short_one = at({2026, 11, 22}, 8, 0, SessionOutcome::quit);
  short_one.planned_hold = 100s;
  short_one.reached_hold = 100s;
  short_one.held_unsided = 20s;
  Session started_by_mistake = at({2026, 11, 23}, 8, 0, SessionOutcome::finished);
  started_by_mistake.planned_hold = 60s;
  started_by_mistake.held_unsided = 60s;
  Session quit_at_once = at({2026, 11, 23}, 9, 0, SessionOutcome::quit);
  quit_at_once.planned_hold = 900s;
  quit_at_once.reached_hold = 45s;  // quit a second into its first hold
  quit_at_once.held_unsided = 1s;
  Session second = at({2026, 11, 22}, 18, 0, SessionOutcome::finished);
  second.planned_hold = 100s;
  second.held_unsided = 90s;
  const std::set<std::int64_t> days =
      practice_days({skipped, held, short_one, second, started_by_mistake, quit_at_once});
  CHECK_FALSE(days.contains(day({2026, 11, 20})));  // everything skipped: no practice
  CHECK(days.contains(day({2026, 11, 21})));        // quit half-way, but half was held
  CHECK(days.contains(day({2026, 11, 22})));        // 110 s of 200 s over two sessions
  CHECK(days.contains(day({2026, 11, 23})));        // a run quit at once does not undo the day
}

TEST_CASE("side balance compares only sessions that reached the end and held both sides") {
  Session both = at({2026, 11, 20}, 8);
  both.held_left = 60s;
  both.held_right = 60s;
  Session quit_after_right = at({2026, 11, 21}, 8, 0, SessionOutcome::quit);
  quit_after_right.held_right = 60s;
  quit_after_right.held_left = 5s;
  const SideBalance balance = side_balance({both, quit_after_right}, day({2026, 11, 1}));
  CHECK(balance.left == 65s);
  CHECK(balance.right == 120s);
  CHECK(balance.comparable_sessions == 1);
  CHECK(balance.comparable_left == 60s);
  CHECK(balance.comparable_right == 60s);
}

namespace {

// Sessions of every kind over the 30 weeks up to `today`: several a day,
// each outcome, ratings, one side or both, zones from -24 h to +24 h.
std::vector<Session> varied_sessions(std::int64_t today, std::size_t count) {
  std::mt19937 random(17);
  const auto pick = [&random](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  const std::vector<std::string> routines = {"bridge", "pigeon-routine", "neck", "hips", "z"};
  const std::vector<int> offsets = {0, 60, 120, -300, 540, 330, -1440, 1440, -720};
  std::vector<Session> sessions;
  for (std::size_t i = 0; i < count; ++i) {
    Session s;
    s.routine = routines[static_cast<std::size_t>(pick(0, 4))];
    s.title = "T";
    const std::int64_t minute = (today - 210) * 1440 + pick(0, 212 * 1440);
    s.started = {minute * 60'000 + pick(0, 59'999), offsets[static_cast<std::size_t>(pick(0, 8))]};
    s.ended = {s.started.unix_ms + 600'000, s.started.utc_offset_minutes};
    s.active = Millis(pick(0, 1'800'000));
    s.planned_hold = Millis(pick(0, 3) * 30'000);
    s.reached_hold = Millis(pick(0, 3) * 30'000);
    s.outcome = static_cast<SessionOutcome>(pick(0, 3));
    s.held_left = Millis(pick(0, 2) * pick(0, 60'000));
    s.held_right = Millis(pick(0, 2) * pick(0, 60'000));
    s.held_unsided = Millis(pick(0, 1) * pick(0, 90'000));
    if (pick(0, 2) == 0) s.ratings.left = pick(0, 10);
    if (pick(0, 2) == 0) s.ratings.right = pick(0, 10);
    sessions.push_back(s);
  }
  return sessions;
}

// The report from the history, and from every session read whole: the same bytes.
void check_same_report(const HistoryReader& history, std::int64_t today) {
  for (const std::optional<std::string>& routine :
       {std::optional<std::string>(), std::optional<std::string>("bridge"),
        std::optional<std::string>("none")}) {
    HistoryQuery query;
    query.routine = routine;
    const std::vector<Session> sessions = history.sessions(query);
    for (const int weeks : {1, 2, 8, 30, 104}) {
      CAPTURE(routine.value_or("(all)"));
      CAPTURE(weeks);
      StatsReport read = make_stats_report(history, routine, today, weeks);
      StatsReport added = make_stats_report(sessions, today, weeks);
      read.routine = added.routine = routine.value_or("");
      CHECK(stats_json(read) == stats_json(added));
      CHECK(render_stats(read, 80, false) == render_stats(added, 80, false));
    }
  }
}

}  // namespace

TEST_CASE("stats added up from the history are, to the last bit, those of every session read whole") {
  psoas::testing::TempDir dir;
  const auto file = dir.path() / "history.db";
  const std::int64_t today = day({2026, 11, 21});
  {
    HistoryWriter writer(file);
    writer.import([&] {
      auto sessions = varied_sessions(today, 1500);
      for (Session& s : sessions) s.uuid = random_uuid();
      return sessions;
    }());
  }
  check_same_report(*HistoryReader::open(file), today);
  // Values no psoas writes, as a hand-edited history may hold them, are clamped the same way.
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA ignore_check_constraints = 1");
    db.exec(
        "UPDATE sessions SET active_ms = 9223372036854775807, held_left_ms = -9223372036854775808, "
        "started_utc_offset_minutes = 9223372036854775807 WHERE id % 7 = 0;"
        "UPDATE sessions SET started_unix_ms = 'soon', routine = 42 WHERE id % 11 = 0;"
        "UPDATE sessions SET planned_hold_ms = 1.5e300, reached_hold_ms = -3.7, held_right_ms = '12x' "
        "WHERE id % 13 = 0;"
        "UPDATE sessions SET routine = CAST('neck' AS BLOB), outcome = 'finished!' WHERE id % 17 = 0;"
        "UPDATE sessions SET started_utc_offset_minutes = -5000, started_unix_ms = -86400000 WHERE id % 19 = "
        "0;"
        "UPDATE sessions SET started_unix_ms = 9223372036854775807 WHERE id % 23 = 0;"
        "UPDATE sessions SET rating_left = 99, rating_right = -1 WHERE id % 5 = 0;"
        "UPDATE sessions SET rating_left = 9223372036854775807, rating_right = 'x' WHERE id % 29 = 0;");
  }
  check_same_report(*HistoryReader::open(file), today);
}

TEST_CASE("stats from a history in the first schema, read as it is, are those of its sessions") {
  psoas::testing::TempDir dir;
  const auto file = dir.path() / "history.db";
  const std::int64_t today = day({2026, 11, 21});
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(kHistorySchemaVersion1);
    db.exec(R"sql(
PRAGMA user_version = 1;
)sql");
    SQLite::Statement insert(
        db, "INSERT INTO sessions VALUES (NULL, ?, 'T', '', ?, ?, 0, 0, 0, ?, 0, 0, 0, ?, ?, ?, ?, NULL)");
    for (const Session& s : varied_sessions(today, 300)) {
      int i = 0;
      insert.bind(++i, s.routine);
      insert.bind(++i, static_cast<std::int64_t>(s.started.unix_ms));
      insert.bind(++i, s.started.utc_offset_minutes);
      for (const Millis value : {s.active, s.held_left, s.held_right, s.held_unsided})
        insert.bind(++i, static_cast<std::int64_t>(value.count()));
      insert.bind(++i, s.outcome == SessionOutcome::partial ? "finished" : std::string(to_string(s.outcome)));
      insert.exec();
      insert.reset();
    }
  }
  const auto history = HistoryReader::open(file);
  REQUIRE(history->schema_version() == 1);
  check_same_report(*history, today);
}
