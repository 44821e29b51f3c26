#include "history/stats.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "model/wall_time.hpp"

namespace psoas {

namespace {

std::int64_t monday_of(std::int64_t day) {
  return day - weekday(day);
}

}  // namespace

std::set<std::int64_t> practice_days(const std::vector<Session>& sessions) {
  std::map<std::int64_t, DayPractice> days;
  for (const Session& session : sessions) {
    DayPractice& day = days[local_day(session.started)];
    // A session quit early is judged on the part it reached, so that a run
    // started by mistake and quit does not undo the day.
    day.planned += session.reached_end() ? session.planned_hold : session.reached_hold;
    day.held += session.held();
    day.reached_end = day.reached_end || session.reached_end();
  }
  std::vector<DayPractice> in_order;
  for (auto& [number, day] : days) {
    day.day = number;
    in_order.push_back(day);
  }
  return practice_days(in_order);
}

std::set<std::int64_t> practice_days(const std::vector<DayPractice>& days) {
  std::set<std::int64_t> counted;
  for (const DayPractice& day : days) {
    const bool held_half = day.planned > Millis(0) ? day.held * 2 >= day.planned : day.reached_end;
    if (held_half) counted.insert(counted.end(), day.day);
  }
  return counted;
}

Streaks streaks(const std::vector<Session>& sessions, std::int64_t today) {
  return streaks(practice_days(sessions), today);
}

Streaks streaks(const std::set<std::int64_t>& days, std::int64_t today) {
  Streaks result;
  int run = 0;
  std::optional<std::int64_t> previous;
  for (const std::int64_t day : days) {
    run = previous && day == *previous + 1 ? run + 1 : 1;
    result.longest = std::max(result.longest, run);
    previous = day;
  }
  // Today still counts as kept while it is not over.
  std::int64_t day = days.contains(today) ? today : today - 1;
  while (days.contains(day)) {
    ++result.current;
    --day;
  }
  return result;
}

std::vector<WeekMinutes> minutes_per_week(const std::vector<Session>& sessions, std::int64_t today,
                                          int weeks) {
  const std::int64_t this_week = monday_of(today);
  std::vector<WeekMinutes> result;
  for (int w = weeks - 1; w >= 0; --w) result.push_back({this_week - 7 * w, 0});
  for (const Session& session : sessions) {
    const std::int64_t week = monday_of(local_day(session.started));
    const auto index = (week - result.front().monday) / 7;
    if (week < result.front().monday || index >= weeks) continue;
    result[static_cast<std::size_t>(index)].minutes +=
        std::chrono::duration<double>(session.active).count() / 60;
  }
  return result;
}

std::vector<RoutineUse> most_used(const std::vector<Session>& sessions, std::size_t limit) {
  std::map<std::string, RoutineUse> uses;
  for (const Session& session : sessions) {
    RoutineUse& use = uses[session.routine];
    use.routine = session.routine;
    ++use.sessions;
    use.active += session.active;
  }
  std::vector<RoutineUse> by_name;
  for (auto& [name, use] : uses) by_name.push_back(std::move(use));
  return most_used(std::move(by_name), limit);
}

std::vector<RoutineUse> most_used(std::vector<RoutineUse> uses, std::size_t limit) {
  std::stable_sort(uses.begin(), uses.end(), [](const RoutineUse& a, const RoutineUse& b) {
    return a.sessions != b.sessions ? a.sessions > b.sessions : a.active > b.active;
  });
  if (uses.size() > limit) uses.resize(limit);
  return uses;
}

SideBalance side_balance(const std::vector<Session>& sessions, std::int64_t first_day) {
  SideBalance balance;
  for (const Session& session : sessions) {
    if (local_day(session.started) < first_day) continue;
    balance.left += session.held_left;
    balance.right += session.held_right;
    if (session.reached_end() && session.held_left > Millis(0) && session.held_right > Millis(0)) {
      balance.comparable_left += session.held_left;
      balance.comparable_right += session.held_right;
      ++balance.comparable_sessions;
    }
  }
  return balance;
}

std::vector<WeekRatings> ratings_per_week(const std::vector<Session>& sessions, std::int64_t first_day) {
  struct Sum {
    double left = 0, right = 0;
    int lefts = 0, rights = 0;
  };
  std::map<std::int64_t, Sum> weeks;
  for (const Session& session : sessions) {
    const std::int64_t day = local_day(session.started);
    if (day < first_day || (!session.ratings.left && !session.ratings.right)) continue;
    Sum& sum = weeks[monday_of(day)];
    if (session.ratings.left) {
      sum.left += *session.ratings.left;
      ++sum.lefts;
    }
    if (session.ratings.right) {
      sum.right += *session.ratings.right;
      ++sum.rights;
    }
  }
  std::vector<WeekRatings> result;
  for (const auto& [monday, sum] : weeks) {
    WeekRatings week{monday, std::nullopt, std::nullopt};
    if (sum.lefts) week.left = sum.left / sum.lefts;
    if (sum.rights) week.right = sum.right / sum.rights;
    result.push_back(week);
  }
  return result;
}

SideGap side_gap(const std::vector<WeekRatings>& weeks) {
  std::vector<double> gaps;
  for (const WeekRatings& week : weeks)
    if (week.left && week.right) gaps.push_back(*week.left - *week.right);
  SideGap gap;
  if (gaps.size() < 2) return gap;
  gap.first = gaps.front();
  gap.last = gaps.back();
  // Half a point on a 0-10 scale is within the noise of how a day feels.
  constexpr double kNoise = 0.5;
  const double change = std::abs(gap.last) - std::abs(gap.first);
  gap.trend = change < -kNoise ? GapTrend::closing : change > kNoise ? GapTrend::widening : GapTrend::steady;
  return gap;
}

StatsReport make_stats_report(const std::vector<Session>& sessions, std::int64_t today, int weeks) {
  StatsReport report;
  report.today = today;
  report.sessions = sessions.size();
  report.streaks = streaks(sessions, today);
  report.weeks = minutes_per_week(sessions, today, weeks);
  report.routines = most_used(sessions, 5);
  const std::int64_t first_day = report.weeks.front().monday;
  report.balance = side_balance(sessions, first_day);
  report.ratings = ratings_per_week(sessions, first_day);
  report.gap = side_gap(report.ratings);
  return report;
}

StatsReport make_stats_report(const HistoryReader& history, const std::optional<std::string>& routine,
                              std::int64_t today, int weeks) {
  StatsReport report;
  report.today = today;
  HistoryTotals totals = history.totals(routine);
  for (const RoutineUse& use : totals.routines) report.sessions += static_cast<std::size_t>(use.sessions);
  report.routines = most_used(std::move(totals.routines), 5);
  report.streaks = streaks(practice_days(totals.days), today);
  // The weeks shown, the balance and the ratings look at the sessions since
  // the first Monday shown: read those (the figures they need), newest first
  // as ever, since the minutes are added up in floating point in that order.
  const std::int64_t first_day = monday_of(today) - 7 * std::int64_t{weeks - 1};
  HistoryQuery recent;
  recent.routine = routine;
  recent.since_unix_ms = (first_day - 1) * kDayMs;  // an offset moves a session's day by at most one
  std::vector<Session> sessions;
  history.each_session_figures(recent, [&sessions](const Session& s) { sessions.push_back(s); });
  report.weeks = minutes_per_week(sessions, today, weeks);
  report.balance = side_balance(sessions, first_day);
  report.ratings = ratings_per_week(sessions, first_day);
  report.gap = side_gap(report.ratings);
  return report;
}

}  // namespace psoas
