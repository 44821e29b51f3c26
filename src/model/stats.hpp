#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/session.hpp"

// What the history adds up to: plain data, worked out by src/history/stats
// and shown by the views.
namespace psoas {

struct Streaks {
  int current = 0;  // days in a row up to today, or up to yesterday if today is still to come
  int longest = 0;
};

struct WeekMinutes {
  std::int64_t monday = 0;  // the week's first day
  double minutes = 0;       // time run, finished or not
};

struct RoutineUse {
  std::string routine;
  int sessions = 0;
  Millis active{0};
};

// Time held on each side. Only sessions that reached the end and held both
// sides compare fairly: a session quit after the right side would tip the
// balance to the right.
struct SideBalance {
  Millis left{0};  // in every session
  Millis right{0};
  Millis comparable_left{0};  // in the sessions that compare
  Millis comparable_right{0};
  int comparable_sessions = 0;
};

// Average tightness ratings of one week.
struct WeekRatings {
  std::int64_t monday = 0;
  std::optional<double> left;
  std::optional<double> right;
};

enum class GapTrend : unsigned char { unknown, closing, steady, widening };

// Whether the difference between the sides shrinks: the first and last
// weeks with both sides rated, compared.
struct SideGap {
  GapTrend trend = GapTrend::unknown;
  double first = 0;  // left minus right: positive when the left is tighter
  double last = 0;
};

// Everything `psoas stats` shows.
struct StatsReport {
  std::int64_t today = 0;
  std::string routine;  // the one routine asked about, or empty for all
  std::size_t sessions = 0;
  Streaks streaks;
  std::vector<WeekMinutes> weeks;
  std::vector<RoutineUse> routines;
  SideBalance balance;  // over the weeks shown
  std::vector<WeekRatings> ratings;
  SideGap gap;
};

}  // namespace psoas
