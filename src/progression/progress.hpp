#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "model/session.hpp"
#include "model/side.hpp"
#include "model/stats.hpp"

// Where a person is in a plan, from its start day, today and the history:
// a pure function of them (psoas(1), PLANS).
namespace psoas {

struct PlanWeek {
  int index = 0;      // 0 for the week the plan started
  int planned = 0;    // sessions the plan asks for in it
  int done = 0;       // sessions done that count (a routine's at most as many as it asks for)
  bool kept = false;  // done at least 2/3 of planned: the week counts toward progression
};

struct PlanProgress {
  int week = 0;                 // this week, 0-based
  bool over = false;            // past the plan's last week
  int weeks_kept = 0;           // weeks before this one that were kept
  std::vector<PlanWeek> weeks;  // from the first to this one
  int planned_so_far = 0;       // in the weeks before this one, and this one's to today
  int done_so_far = 0;
};

// `sessions`: the history since the start day, any order; only sessions done
// in full (reached the end, held at least half their planned hold) count.
PlanProgress plan_progress(const Plan& plan, std::int64_t start_day, std::int64_t today,
                           std::span<const Session> sessions);

// How tight each side felt in each week of a plan (its `monday` is the
// week's first day), on average over the sessions rated on that side.
std::vector<WeekRatings> ratings_by_week(std::int64_t start_day, int weeks,
                                         std::span<const Session> sessions);

// A plan's sessions due on `day`: each routine planned then, and how many times.
struct DueToday {
  std::string routine;
  int times = 1;
  int done = 0;
};
std::vector<DueToday> due_on(const Plan& plan, std::int64_t start_day, std::int64_t day,
                             std::span<const Session> sessions);

// The side favour-tighter gives more: the left when the last three rated
// sessions all found it tighter by 2 points or more, the right likewise; it
// stays so until a session's ratings are within 1 point.
std::optional<Side> tighter_side(std::span<const Session> sessions_oldest_first);

// Today's holds and reps of one routine of the plan, and why, in words.
struct PlanValues {
  std::optional<Seconds> hold;
  std::optional<int> reps;
  std::optional<Side> favoured;
  std::vector<std::string> why;  // "week 2 of 4: holds 40s", "left tighter in the last 3 ratings: ..."
};
PlanValues plan_values(const Plan& plan, const PlanSession& session, const PlanProgress& progress,
                       std::span<const Session> routine_sessions_oldest_first);

}  // namespace psoas
