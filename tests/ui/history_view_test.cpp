#include "ui/history_view.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/printable.hpp"
#include "model/wall_time.hpp"
#include "ui/json_dump.hpp"

using namespace psoas;
using namespace std::chrono_literals;

namespace {

StatsReport report_of(std::size_t weeks) {
  StatsReport report;
  report.sessions = 3;
  report.streaks = {1, 4};
  for (std::size_t i = 0; i < weeks; ++i)
    report.weeks.push_back(
        {days_from_civil({2026, 11, 16}) - 7 * static_cast<std::int64_t>(weeks - 1 - i), 0});
  report.weeks.back().minutes = 30;
  report.balance = {90s, 60s, 90s, 60s, 2};
  return report;
}

}  // namespace

TEST_CASE("stats: an empty week shows 0, one week is `this week`, the bars scale to the busiest week") {
  StatsReport report = report_of(2);
  report.weeks.front().minutes = 15;
  CHECK(render_stats(report, 40, false) ==
        "Streak  1 day in a row (longest 4 days)\n"
        "\n"
        "Minutes per week\n"
        "  Nov  9  ████████████ 15\n"
        "  Nov 16  ████████████████████████ 30\n"
        "\n"
        "Left and right, the last 2 weeks\n"
        "  held       left 1m30s · right 1m  (left 50% more)\n");

  const std::string one_week = render_stats(report_of(1), 40, false);
  CHECK(one_week.find("Left and right, this week\n") != std::string::npos);
  report = report_of(2);
  CHECK(render_stats(report, 40, false).find("  Nov  9  0\n") != std::string::npos);
}

TEST_CASE("stats: the gap between the sides, closing to even, crossing over, steady and widening") {
  StatsReport report = report_of(2);
  report.ratings = {{report.weeks[0].monday, 8, 3}, {report.weeks[1].monday, 5, 5}};
  const auto gap_line = [&](GapTrend trend, double first, double last) {
    report.gap = {trend, first, last};
    const std::string text = render_stats(report, 40, false);
    const auto end = text.rfind('\n', text.size() - 2);
    return text.substr(end + 1);
  };
  CHECK(gap_line(GapTrend::closing, 5, 0) ==
        "  The sides are evening out: the left was 5.0 tighter, now even.\n");
  CHECK(gap_line(GapTrend::closing, 5, 2) ==
        "  The sides are evening out: the left was 5.0 tighter, now 2.0.\n");
  CHECK(gap_line(GapTrend::closing, 5, -1) ==
        "  The sides are evening out: the left was 5.0 tighter, now the right by 1.0.\n");
  CHECK(gap_line(GapTrend::steady, -2, -2) ==
        "  The difference between the sides holds steady (2.0, right tighter).\n");
  CHECK(gap_line(GapTrend::widening, 1, 3) == "  The left side is falling behind: 3.0 tighter, from 1.0.\n");
  CHECK(gap_line(GapTrend::unknown, 0, 0) ==
        "  Rate both sides after a few more runs (psoas run --rate) to see a trend.\n");
}

TEST_CASE(
    "stats: the sides compare only over sessions that worked both to the end — one side alone is never "
    "even") {
  StatsReport report = report_of(1);
  const auto held_line = [&](SideBalance balance) {
    report.balance = balance;
    const std::string text = render_stats(report, 80, false);
    const auto start = text.find("  held ");
    return text.substr(start, text.find('\n', start) - start);
  };
  CHECK(held_line({0s, 60s, 0s, 0s, 0}) == "  held       left 0s · right 1m  (only the right side)");
  CHECK(held_line({60s, 0s, 0s, 0s, 0}) == "  held       left 1m · right 0s  (only the left side)");
  CHECK(held_line({10s, 60s, 0s, 0s, 0}) ==
        "  held       left 10s · right 1m  (no session worked both sides to the end yet, so no comparison)");
  CHECK(held_line({70s, 130s, 60s, 62s, 1}) ==
        "  held       left 1m10s · right 2m10s  (even, in the 1 session that worked both sides to the end)");
  CHECK(held_line({60s, 90s, 60s, 90s, 3}) == "  held       left 1m · right 1m30s  (right 50% more)");
}

TEST_CASE("stats as JSON carry every figure of the text") {
  StatsReport report = report_of(2);
  report.today = days_from_civil({2026, 11, 18});
  report.routine = "bridge";
  report.routines = {{"bridge", 3, 330s}};
  report.ratings = {{report.weeks[1].monday, 6.5, std::nullopt}};
  const std::string json = stats_json(report);
  for (const char* expected :
       {"\"today\": \"2026-11-18\"", "\"routine\": \"bridge\"", "\"current_days\": 1", "\"longest_days\": 4",
        "\"week\": \"2026-11-09\"", "\"minutes\": 30.0", "\"active_seconds\": 330.0",
        "\"held_left_seconds\": 90.0", "\"comparable_sessions\": 2", "\"left\": 6.5", "\"right\": null",
        "\"trend\": \"unknown\""})
    CHECK_MESSAGE(json.find(expected) != std::string::npos, expected);
}

TEST_CASE("log --json written a session at a time is byte for byte the whole array dumped at once") {
  std::vector<Session> sessions;
  for (int i = 0; i < 3; ++i) {
    Session s;
    s.uuid = "f47ac10b-58cc-4372-a567-0e02b2c3d47" + std::to_string(i);
    s.routine = "bridge";
    s.title = i == 1 ? "Quote \" and\nnewline" : "Bridge";
    s.ratings.left = i;
    sessions.push_back(s);
  }
  const std::string streamed = sessions_json(sessions);
  const auto whole = nlohmann::ordered_json::parse(streamed);
  REQUIRE(whole.is_array());
  REQUIRE(whole.size() == 3);
  CHECK(whole[1]["title"] == "Quote \" and\nnewline");
  CHECK(streamed == whole.dump(2) + "\n");
  CHECK(sessions_json({}) == "[]\n");
  const std::string csv = sessions_csv(sessions);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 3);  // the header and a row each
  CHECK(csv.starts_with("id,routine,title,"));
}

namespace {

// How log --json wrote a session before it was written directly: the reference.
Json nlohmann_session(const Session& s) {
  const auto optional_int = [](const std::optional<int>& value) {
    return value ? Json(*value) : Json(nullptr);
  };
  const auto optional_seconds = [](const std::optional<Seconds>& value) {
    return value ? Json(value->count()) : Json(nullptr);
  };
  const auto seconds = [](Millis value) { return std::chrono::duration<double>(value).count(); };
  return Json{
      {"log_format", kSessionLogFormat},
      {"id", s.uuid.empty() ? Json(nullptr) : Json(s.uuid)},
      {"routine", s.routine},
      {"title", s.title},
      {"content_hash", s.content_hash},
      {"started", to_iso8601(s.started)},
      {"ended", to_iso8601(s.ended)},
      {"planned_seconds", seconds(s.planned)},
      {"planned_hold_seconds", seconds(s.planned_hold)},
      {"reached_hold_seconds", seconds(s.reached_hold)},
      {"active_seconds", seconds(s.active)},
      {"paused_seconds", seconds(s.paused)},
      {"segments_completed", s.segments_completed},
      {"segments_skipped", s.segments_skipped},
      {"holds", s.holds},
      {"holds_skipped", s.holds_skipped},
      {"held_left_seconds", seconds(s.held_left)},
      {"held_right_seconds", seconds(s.held_right)},
      {"held_unsided_seconds", seconds(s.held_unsided)},
      {"outcome", std::string(to_string(s.outcome))},
      {"stopped_at_step", optional_int(s.stopped_at_step)},
      {"stopped_at_segment", optional_int(s.stopped_at_segment)},
      {"stopped_hold_seconds", seconds(s.stopped_hold)},
      {"resumed", s.resumed},
      {"speed", s.speed},
      {"hold_override_seconds", optional_seconds(s.timing.hold)},
      {"reps_override", optional_int(s.timing.reps)},
      {"fit_seconds", optional_seconds(s.timing.fit)},
      {"from_step", optional_int(s.timing.from_step)},
      {"plan", s.plan.empty() ? Json(nullptr) : Json(s.plan)},
      {"plan_week", optional_int(s.plan_week)},
      {"favoured_side", s.timing.favoured ? Json(std::string(to_string(*s.timing.favoured))) : Json(nullptr)},
      {"tightness_left", optional_int(s.ratings.left)},
      {"tightness_right", optional_int(s.ratings.right)},
      {"tightness_overall", optional_int(s.ratings.overall)}};
}

// How log --csv wrote a session before it was written without fmt's formatting at run time.
std::string fmt_csv_row(const Session& s) {
  const auto field = [](const std::string& raw) {
    const std::string text = escape_line(raw);
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  const auto optional = [](const std::optional<int>& value) {
    return value ? fmt::format("{}", *value) : std::string();
  };
  const auto seconds = [](Millis value) { return std::chrono::duration<double>(value).count(); };
  return fmt::format(
      "{},{},{},{},{},{:.3f},{:.3f},{:.3f},{:.3f},{},{},{},{},{:.3f},{:.3f},{:.3f},{},{},{},{},{},{}\n",
      s.uuid, field(s.routine), field(s.title), to_iso8601(s.started), to_iso8601(s.ended),
      seconds(s.planned), seconds(s.planned_hold), seconds(s.active), seconds(s.paused), s.segments_completed,
      s.segments_skipped, s.holds, s.holds_skipped, seconds(s.held_left), seconds(s.held_right),
      seconds(s.held_unsided), to_string(s.outcome), optional(s.stopped_at_step), s.resumed,
      optional(s.ratings.left), optional(s.ratings.right), optional(s.ratings.overall));
}

std::string fmt_csv(const std::vector<Session>& sessions) {
  std::string out = sessions_csv({});
  for (const Session& s : sessions) out += fmt_csv_row(s);
  return out;
}

std::string nlohmann_sessions(const std::vector<Session>& sessions) {
  Json array = Json::array();
  for (const Session& s : sessions) array.push_back(nlohmann_session(s));
  return dump_json(array);
}

Session titled(std::string title) {
  Session s;
  s.uuid = "f47ac10b-58cc-4372-a567-0e02b2c3d479";
  s.routine = "bridge";
  s.title = std::move(title);
  return s;
}

}  // namespace

TEST_CASE("log --json written directly is byte for byte what nlohmann dumped, for awkward sessions") {
  std::vector<Session> sessions;
  for (const std::string& text :
       {std::string("plain"), std::string("Quote \" back\\slash /"), std::string("\b\f\n\r\t"),
        std::string("nul \0 one \x01 unit \x1f del \x7f", 24),
        std::string("H\xc3\xbc\x66te \xe2\x80\x9c\xe2\x80\x9d \xf0\x9f\xa7\x98"),
        std::string("C1 \xc2\x80 \xc2\x85 \xc2\x9f, not \xc2\xa0"),
        std::string("bad \xff \xc2 \xe0\x80\x80 \xed\xa0\x80 end"), std::string("cut \xe2\x80"),
        std::string("\xc2"), std::string("\xf4\x90\x80\x80 past U+10FFFF"), std::string()})
    sessions.push_back(titled(text));
  sessions[1].routine = sessions[4].title;  // every text goes through the same escaping
  sessions[2].content_hash = sessions[6].title;
  sessions[3].plan = sessions[2].title;
  sessions[5].uuid.clear();  // null
  Session full = titled("full");
  full.started = {kLatestSessionMs, kMostOffsetMinutes};
  full.ended = {0, -kMostOffsetMinutes};
  full.planned = kLongestSession;
  full.planned_hold = Millis(1);
  full.reached_hold = Millis(999);
  full.active = Millis(123'456'789);
  full.paused = Millis(-5);
  full.segments_completed = std::numeric_limits<int>::max();
  full.segments_skipped = std::numeric_limits<int>::min();
  full.holds = kMostCounted;
  full.held_left = Millis(100);
  full.held_right = Millis(1'001);
  full.held_unsided = Millis(33'333);
  full.outcome = SessionOutcome::quit;
  full.stopped_at_step = 3;
  full.stopped_at_segment = 0;
  full.stopped_hold = Millis(7);
  full.resumed = 2;
  full.timing = {45s, 2, 900s, 4, Side::right};
  full.plan = "desk-worker";
  full.plan_week = 3;
  full.ratings = {0, 10, 5};
  for (const double speed : {1.0, 1.5, 0.01, 1.0 / 3, 0.1 + 0.2, 1000.0, 1e-7, 1e21, 123456789012345678.0,
                             -0.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
    full.speed = speed;
    sessions.push_back(full);
  }
  for (const SessionOutcome outcome :
       {SessionOutcome::finished, SessionOutcome::partial, SessionOutcome::interrupted}) {
    full.outcome = outcome;
    full.timing.favoured = Side::left;
    sessions.push_back(full);
  }
  CHECK(sessions_json(sessions) == nlohmann_sessions(sessions));
  CHECK(sessions_csv(sessions) == fmt_csv(sessions));
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    CAPTURE(i);
    CHECK(sessions_json({sessions[i]}) == nlohmann_sessions({sessions[i]}));
    CHECK(sessions_csv({sessions[i]}) == fmt_csv({sessions[i]}));
  }
  CHECK(sessions_json({}) == nlohmann_sessions({}));
}

TEST_CASE("log --json and --csv write any bytes, moments and durations as nlohmann and fmt wrote them") {
  // Bytes where escaping and UTF-8 have edges, strung together at random.
  const std::vector<std::string> pieces = {"a",
                                           "\"",
                                           "\\",
                                           std::string(1, '\0'),
                                           "\x01",
                                           "\x1f",
                                           "\x7f",
                                           "\x80",
                                           "\xbf",
                                           "\xc0",
                                           "\xc1",
                                           "\xc2",
                                           "\xc2\x80",
                                           "\xc2\x9f",
                                           "\xc2\xa0",
                                           "\xdf\xbf",
                                           "\xe0",
                                           "\xe0\xa0\x80",
                                           "\xed\x9f\xbf",
                                           "\xed\xa0\x80",
                                           "\xef\xbf\xbd",
                                           "\xf0\x90\x80\x80",
                                           "\xf4\x8f\xbf\xbf",
                                           "\xf4\x90",
                                           "\xf5",
                                           "\xfe",
                                           "\xff",
                                           "\n",
                                           "\t",
                                           " "};
  std::mt19937 random(17);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 12);
  // Any moment a history holds, in any zone, and durations to the millisecond.
  std::uniform_int_distribution<std::int64_t> moment(0, kLatestSessionMs);
  std::uniform_int_distribution<int> offset(-kMostOffsetMinutes, kMostOffsetMinutes);
  std::uniform_int_distribution<std::int64_t> millis(0, kLongestSession.count());
  std::vector<Session> sessions;
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (int n = length(random); n > 0; --n) text += pieces[piece(random)];
    Session s = titled(text);
    s.routine = text;
    s.started = {moment(random), offset(random)};
    s.ended = {i % 2 ? moment(random) % 100'000'000 : moment(random), offset(random)};
    s.active = Millis(millis(random) >> (i % 40));
    s.held_left = Millis(millis(random) % 1000);
    s.speed = std::ldexp(static_cast<double>(millis(random)), -(i % 64));
    sessions.push_back(s);
  }
  const std::string direct = sessions_json(sessions);
  const std::string reference = nlohmann_sessions(sessions);
  CHECK(direct.size() == reference.size());
  CHECK(direct == reference);
  CHECK(sessions_csv(sessions) == fmt_csv(sessions));
}
