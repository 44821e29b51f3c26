#include "ui/history_view.hpp"

#include <doctest/doctest.h>

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
  report.balance = {90s, 60s};
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
