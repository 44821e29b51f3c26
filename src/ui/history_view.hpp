#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "history/stats.hpp"
#include "model/session.hpp"

namespace psoas {

// `psoas log`: sessions as a table, newest first.
std::string render_session_table(const std::vector<Session>& sessions, bool color);

// `psoas log --json`: an array of sessions; `--csv`: a header and a row each.
std::string sessions_json(const std::vector<Session>& sessions);
std::string sessions_csv(const std::vector<Session>& sessions);

// Everything `psoas stats` shows, worked out from the history.
struct StatsReport {
  std::int64_t today = 0;
  std::size_t sessions = 0;
  Streaks streaks;
  std::vector<WeekMinutes> weeks;
  std::vector<RoutineUse> routines;
  SideBalance balance;  // over the weeks shown
  std::vector<WeekRatings> ratings;
  SideGap gap;
};

StatsReport make_stats_report(const std::vector<Session>& sessions, std::int64_t today, int weeks);

// The report for a terminal `width` columns wide: the minutes per week as a
// bar chart, the sides' balance and how their tightness moves.
std::string render_stats(const StatsReport& report, std::size_t width, bool color);

}  // namespace psoas
