#pragma once

#include <cstdint>
#include <set>
#include <vector>

#include "history/store.hpp"
#include "model/session.hpp"
#include "model/stats.hpp"

// What the history says about a person's practice: pure arithmetic on
// sessions and calendar days, so that tests need neither a clock nor a
// time zone. Days are counted in the local time each session was recorded
// in, so time zones, travel and daylight-saving changes do not move them.
namespace psoas {

// The days that count for a streak: those whose sessions held at least half
// of their planned hold time (or, with nothing timed, reached their end).
std::set<std::int64_t> practice_days(const std::vector<Session>& sessions);
std::set<std::int64_t> practice_days(const std::vector<DayPractice>& days);

// Streaks of days that count.
Streaks streaks(const std::vector<Session>& sessions, std::int64_t today);
Streaks streaks(const std::set<std::int64_t>& days, std::int64_t today);

// The last `weeks` weeks, Monday to Sunday, oldest first, this week last.
std::vector<WeekMinutes> minutes_per_week(const std::vector<Session>& sessions, std::int64_t today,
                                          int weeks);

// The routines run most, most first.
std::vector<RoutineUse> most_used(const std::vector<Session>& sessions, std::size_t limit);
// The same, from each routine's uses in the order of their names.
std::vector<RoutineUse> most_used(std::vector<RoutineUse> uses, std::size_t limit);

// Time held on each side by the sessions since `first_day`, in all and in
// the sessions that compare (see SideBalance).
SideBalance side_balance(const std::vector<Session>& sessions, std::int64_t first_day);

// Weeks with ratings since `first_day`, oldest first.
std::vector<WeekRatings> ratings_per_week(const std::vector<Session>& sessions, std::int64_t first_day);

// The first and last weeks with both sides rated, compared.
SideGap side_gap(const std::vector<WeekRatings>& weeks);

// All of it, for the last `weeks` weeks up to `today`.
StatsReport make_stats_report(const std::vector<Session>& sessions, std::int64_t today, int weeks);

// The same report from the history, all sessions or one routine's: the
// streaks and routines are added up by SQLite, and only the sessions of the
// weeks shown are read, in the same order, so that every figure is the same
// to the last bit.
StatsReport make_stats_report(const HistoryReader& history, const std::optional<std::string>& routine,
                              std::int64_t today, int weeks);

}  // namespace psoas
