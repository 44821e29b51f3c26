#include "ui/history_view.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "model/wall_time.hpp"

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
