#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/session.hpp"

// What the history says about a person's practice: pure arithmetic on
// sessions and calendar days, so that tests need neither a clock nor a
// time zone. Days are counted in the local time each session was recorded
// in, so time zones, travel and daylight-saving changes do not move them.
namespace psoas {

struct Streaks {
  int current = 0;  // days in a row up to today, or up to yesterday if today is still to come
  int longest = 0;
};

// Streaks of days with at least one finished session.
Streaks streaks(const std::vector<Session>& sessions, std::int64_t today);

struct WeekMinutes {
  std::int64_t monday = 0;  // the week's first day
  double minutes = 0;       // time run, finished or not
};

// The last `weeks` weeks, Monday to Sunday, oldest first, this week last.
std::vector<WeekMinutes> minutes_per_week(const std::vector<Session>& sessions, std::int64_t today,
                                          int weeks);

struct RoutineUse {
  std::string routine;
  int sessions = 0;
  Millis active{0};
};

// The routines run most, most first.
std::vector<RoutineUse> most_used(const std::vector<Session>& sessions, std::size_t limit);

struct SideBalance {
  Millis left{0};
  Millis right{0};
};

// Time held on each side by the sessions since `first_day`.
SideBalance side_balance(const std::vector<Session>& sessions, std::int64_t first_day);

// Average tightness ratings of one week.
struct WeekRatings {
  std::int64_t monday = 0;
  std::optional<double> left;
  std::optional<double> right;
};

// Weeks with ratings since `first_day`, oldest first.
std::vector<WeekRatings> ratings_per_week(const std::vector<Session>& sessions, std::int64_t first_day);

enum class GapTrend : unsigned char { unknown, closing, steady, widening };

// Whether the difference between the sides shrinks: the first and last
// weeks with both sides rated, compared.
struct SideGap {
  GapTrend trend = GapTrend::unknown;
  double first = 0;  // left minus right: positive when the left is tighter
  double last = 0;
};
SideGap side_gap(const std::vector<WeekRatings>& weeks);

}  // namespace psoas
