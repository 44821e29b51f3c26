#include "progression/progress.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "model/wall_time.hpp"
#include "remind/due.hpp"

namespace psoas {
namespace {

constexpr int kDaysInWeek = 7;

// Sessions done in full, by routine and local day.
std::map<std::pair<std::string, std::int64_t>, int> done_by_day(std::span<const Session> sessions) {
  std::map<std::pair<std::string, std::int64_t>, int> done;
  for (const Session& s : sessions)
    if (done_for_reminders(s) && s.speed == 1.0) ++done[{s.routine, local_day(s.ended)}];
  return done;
}

int planned_on(const PlanSession& session, std::int64_t day) {
  return has_day(session.days, weekday(day)) ? session.times_a_day : 0;
}

PlanWeek week_of(const Plan& plan, std::int64_t start_day, int index,
                 const std::map<std::pair<std::string, std::int64_t>, int>& done) {
  PlanWeek week{index, 0, 0, false};
  const std::int64_t first = start_day + std::int64_t{index} * kDaysInWeek;
  for (const PlanSession& session : plan.sessions) {
    int planned = 0;
    int did = 0;
    for (std::int64_t day = first; day < first + kDaysInWeek; ++day) {
      planned += planned_on(session, day);
      const auto found = done.find({session.routine, day});
      if (found != done.end()) did += std::min(found->second, session.times_a_day);
    }
    week.planned += planned;
    week.done += std::min(did, planned);
  }
  week.kept = week.planned > 0 && week.done * kKeptShareDenominator >= week.planned * kKeptShareNumerator;
  return week;
}

}  // namespace

PlanProgress plan_progress(const Plan& plan, std::int64_t start_day, std::int64_t today,
                           std::span<const Session> sessions) {
  PlanProgress progress;
  const auto done = done_by_day(sessions);
  const std::int64_t days = std::max<std::int64_t>(today - start_day, 0);
  progress.week = static_cast<int>(days / kDaysInWeek);
  progress.over = plan.weeks && progress.week >= *plan.weeks;
  const int last = plan.weeks ? std::min(progress.week, *plan.weeks - 1) : progress.week;
  for (int index = 0; index <= last; ++index) {
    PlanWeek week = week_of(plan, start_day, index, done);
    if (index < progress.week) {
      if (week.kept) ++progress.weeks_kept;
      progress.planned_so_far += week.planned;
    } else {
      // This week so far: what was asked for up to today.
      const std::int64_t first = start_day + std::int64_t{index} * kDaysInWeek;
      for (const PlanSession& session : plan.sessions)
        for (std::int64_t day = first; day <= today; ++day)
          progress.planned_so_far += planned_on(session, day);
    }
    progress.done_so_far += week.done;
    progress.weeks.push_back(week);
  }
  return progress;
}

std::vector<WeekRatings> ratings_by_week(std::int64_t start_day, int weeks,
                                         std::span<const Session> sessions) {
  std::vector<std::array<int, 4>> sums(static_cast<std::size_t>(std::max(weeks, 0)), {0, 0, 0, 0});
  for (const Session& s : sessions) {
    const std::int64_t days = local_day(s.ended) - start_day;
    if (days < 0 || days / kDaysInWeek >= weeks) continue;
    auto& sum = sums[static_cast<std::size_t>(days / kDaysInWeek)];
    if (s.ratings.left) sum[0] += *s.ratings.left, ++sum[1];
    if (s.ratings.right) sum[2] += *s.ratings.right, ++sum[3];
  }
  std::vector<WeekRatings> out;
  for (std::size_t week = 0; week < sums.size(); ++week) {
    const auto& sum = sums[week];
    out.push_back({start_day + static_cast<std::int64_t>(week) * kDaysInWeek,
                   sum[1] ? std::optional(double(sum[0]) / sum[1]) : std::nullopt,
                   sum[3] ? std::optional(double(sum[2]) / sum[3]) : std::nullopt});
  }
  return out;
}

std::vector<DueToday> due_on(const Plan& plan, std::int64_t start_day, std::int64_t day,
                             std::span<const Session> sessions) {
  std::vector<DueToday> due;
  if (day < start_day || (plan.weeks && day >= start_day + std::int64_t{*plan.weeks} * kDaysInWeek))
    return due;
  const auto done = done_by_day(sessions);
  for (const PlanSession& session : plan.sessions) {
    const int times = planned_on(session, day);
    if (times == 0) continue;
    const auto found = done.find({session.routine, day});
    due.push_back({session.routine, times, found == done.end() ? 0 : std::min(found->second, times)});
  }
  return due;
}

std::optional<Side> tighter_side(std::span<const Session> sessions_oldest_first) {
  std::vector<int> gaps;  // left minus right, of each session rated on both sides
  for (const Session& s : sessions_oldest_first)
    if (s.ratings.left && s.ratings.right) gaps.push_back(*s.ratings.left - *s.ratings.right);
  std::optional<Side> side;
  for (std::size_t i = 0; i < gaps.size(); ++i) {
    if (i >= 2 && std::all_of(gaps.begin() + static_cast<long>(i) - 2,
                              gaps.begin() + static_cast<long>(i) + 1, [](int gap) { return gap >= 2; })) {
      side = Side::left;
    } else if (i >= 2 &&
               std::all_of(gaps.begin() + static_cast<long>(i) - 2, gaps.begin() + static_cast<long>(i) + 1,
                           [](int gap) { return gap <= -2; })) {
      side = Side::right;
    } else if (gaps[i] >= -1 && gaps[i] <= 1) {
      side.reset();
    }
  }
  return side;
}

PlanValues plan_values(const Plan& plan, const PlanSession& session, const PlanProgress& progress,
                       std::span<const Session> routine_sessions_oldest_first) {
  PlanValues values;
  const std::string week = plan.weeks ? fmt::format("week {} of {}", progress.week + 1, *plan.weeks)
                                      : fmt::format("week {}", progress.week + 1);
  const std::string kept = fmt::format("{} {} kept before this one", progress.weeks_kept,
                                       progress.weeks_kept == 1 ? "week" : "weeks");
  if (session.hold) {
    values.hold = Seconds(session.hold->after(progress.weeks_kept));
    values.why.push_back(fmt::format(
        "{}: holds {} ({}; from {} toward {})", week, format_duration(*values.hold), kept,
        format_duration(Seconds(session.hold->from)), format_duration(Seconds(session.hold->to))));
  }
  if (session.reps) {
    values.reps = session.reps->after(progress.weeks_kept);
    values.why.push_back(fmt::format("{}: {} {} ({}; from {} toward {})", week, *values.reps,
                                     *values.reps == 1 ? "rep" : "reps", kept, session.reps->from,
                                     session.reps->to));
  }
  if (plan.sides == SidePolicy::favour_tighter) {
    int rated = 0;
    for (const Session& s : routine_sessions_oldest_first) rated += s.ratings.left && s.ratings.right ? 1 : 0;
    values.favoured = tighter_side(routine_sessions_oldest_first);
    if (values.favoured) {
      values.why.push_back(
          fmt::format("{} side tighter by 2 points or more in the last 3 ratings: its holds "
                      "last half as long again, until the ratings come within 1 point",
                      to_string(*values.favoured)));
    } else if (rated == 0) {
      values.why.push_back("no ratings yet to favour the tighter side: run with --rate");
    } else {
      values.why.push_back("both sides alike in the ratings: each side the same");
    }
  }
  return values;
}

}  // namespace psoas
