#include "progression/progress.hpp"

#include <doctest/doctest.h>

#include "model/wall_time.hpp"

using namespace psoas;

namespace {

// 2026-12-07 was a Monday.
const std::int64_t kMonday = days_from_civil({2026, 12, 7});

// A session of `routine` done in full, ending at noon (UTC) on `day`.
Session done_on(const std::string& routine, std::int64_t day) {
  Session s;
  s.routine = routine;
  s.ended = {day * 86'400'000 + 12 * 3'600'000, 0};
  s.started = {s.ended.unix_ms - 120'000, 0};
  s.outcome = SessionOutcome::finished;
  s.planned_hold = Millis(60'000);
  s.reached_hold = Millis(60'000);
  s.held_left = Millis(30'000);
  s.held_right = Millis(30'000);
  return s;
}

Session rated(int left, int right) {
  Session s = done_on("pigeon-sequence", kMonday);
  s.ratings.left = left;
  s.ratings.right = right;
  return s;
}

// Daily pigeon, holds 30s to 60s by 10s a week kept; the ball on four days a week.
Plan four_weeks() {
  Plan plan;
  plan.name = "four";
  plan.weeks = 4;
  plan.sides = SidePolicy::favour_tighter;
  PlanSession pigeon;
  pigeon.routine = "pigeon-sequence";
  pigeon.hold = Progression{30, 60, 10, 1};
  PlanSession ball;
  ball.routine = "psoas-ball-release";
  ball.days = 0b1010101;  // mon, wed, fri, sun
  plan.sessions = {pigeon, ball};
  return plan;
}

}  // namespace

TEST_CASE("a progression grows a step per weeks kept, never past its end") {
  const Progression hold{30, 60, 10, 1};
  CHECK(hold.after(0) == 30);
  CHECK(hold.after(2) == 50);
  CHECK(hold.after(3) == 60);
  CHECK(hold.after(9) == 60);
  const Progression reps{1, 3, 1, 2};
  CHECK(reps.after(1) == 1);
  CHECK(reps.after(2) == 2);
  CHECK(reps.after(5) == 3);
}

TEST_CASE("weeks kept: at least 2/3 of the week's sessions done — a missed week does not count") {
  const Plan plan = four_weeks();
  std::vector<Session> sessions;
  // Week 1: pigeon every day (7) and the ball twice (of 4): 9 of 11, kept.
  for (int d = 0; d < 7; ++d) sessions.push_back(done_on("pigeon-sequence", kMonday + d));
  sessions.push_back(done_on("psoas-ball-release", kMonday));
  sessions.push_back(done_on("psoas-ball-release", kMonday + 2));
  // A second session the same day counts once: the plan asks for one.
  sessions.push_back(done_on("pigeon-sequence", kMonday + 1));
  // Week 2: missed but for 3 pigeons: 3 of 11, not kept.
  for (int d = 7; d < 10; ++d) sessions.push_back(done_on("pigeon-sequence", kMonday + d));
  const PlanProgress progress = plan_progress(plan, kMonday, kMonday + 15, sessions);
  CHECK(progress.week == 2);
  CHECK_FALSE(progress.over);
  REQUIRE(progress.weeks.size() == 3);
  CHECK(progress.weeks[0].planned == 11);
  CHECK(progress.weeks[0].done == 9);
  CHECK(progress.weeks[0].kept);
  CHECK(progress.weeks[1].done == 3);
  CHECK_FALSE(progress.weeks[1].kept);
  CHECK(progress.weeks_kept == 1);
  // Third week, second day (Tuesday): the holds grew once, not twice.
  const PlanValues values = plan_values(plan, plan.sessions[0], progress, {});
  CHECK(values.hold == Seconds(40));
  CHECK(values.why.front() == "week 3 of 4: holds 40s (1 week kept before this one; from 30s toward 1m)");
  CHECK(values.why.back() == "no ratings yet to favour the tighter side: run with --rate");
  // After its last week the plan is over.
  CHECK(plan_progress(plan, kMonday, kMonday + 28, sessions).over);
}

TEST_CASE("rehearsals and sessions stopped early or mostly skipped do not count for a plan") {
  const Plan plan = four_weeks();
  Session fast = done_on("pigeon-sequence", kMonday);
  fast.speed = 10;
  Session quit = done_on("pigeon-sequence", kMonday + 1);
  quit.outcome = SessionOutcome::quit;
  Session skipped = done_on("pigeon-sequence", kMonday + 2);
  skipped.held_left = Millis(10'000);
  skipped.held_right = Millis(0);
  const std::vector<Session> sessions = {fast, quit, skipped, done_on("pigeon-sequence", kMonday + 3)};
  CHECK(plan_progress(plan, kMonday, kMonday + 3, sessions).weeks[0].done == 1);
}

TEST_CASE("each side's tightness per week of a plan, on average, and none for a week without ratings") {
  std::vector<Session> sessions = {rated(7, 4), rated(5, 4)};
  Session later = done_on("pigeon-sequence", kMonday + 15);
  later.ratings.left = 3;
  sessions.push_back(later);
  sessions.push_back(done_on("pigeon-sequence", kMonday - 1));  // before the plan
  const auto weeks = ratings_by_week(kMonday, 3, sessions);
  REQUIRE(weeks.size() == 3);
  CHECK(weeks[0].monday == kMonday);
  CHECK(weeks[0].left == 6.0);
  CHECK(weeks[0].right == 4.0);
  CHECK_FALSE(weeks[1].left);
  CHECK(weeks[2].left == 3.0);
  CHECK_FALSE(weeks[2].right);
}

TEST_CASE("today's sessions: what the plan asks for on a day, and what was done") {
  const Plan plan = four_weeks();
  const std::vector<Session> sessions = {done_on("pigeon-sequence", kMonday)};
  const auto monday = due_on(plan, kMonday, kMonday, sessions);
  REQUIRE(monday.size() == 2);
  CHECK(monday[0].routine == "pigeon-sequence");
  CHECK(monday[0].done == 1);
  CHECK(monday[1].routine == "psoas-ball-release");
  CHECK(monday[1].done == 0);
  CHECK(due_on(plan, kMonday, kMonday + 1, sessions).size() == 1);  // Tuesday: no ball
  CHECK(due_on(plan, kMonday, kMonday - 1, sessions).empty());      // before it began
  CHECK(due_on(plan, kMonday, kMonday + 28, sessions).empty());     // after its four weeks
}

TEST_CASE("favour the tighter side: on after three ratings agree by 2 points, off once within 1") {
  CHECK_FALSE(tighter_side(std::vector<Session>{}));
  CHECK_FALSE(tighter_side(std::vector<Session>{rated(7, 4), rated(6, 4)}));  // two are not enough
  CHECK(tighter_side(std::vector<Session>{rated(7, 4), rated(6, 4), rated(8, 5)}) == Side::left);
  CHECK(tighter_side(std::vector<Session>{rated(2, 5), rated(3, 6), rated(1, 4)}) == Side::right);
  // Once on, a gap of 2 keeps it; a gap of 1 or less turns it off.
  CHECK(tighter_side(std::vector<Session>{rated(7, 4), rated(6, 4), rated(8, 5), rated(6, 4)}) == Side::left);
  CHECK_FALSE(tighter_side(std::vector<Session>{rated(7, 4), rated(6, 4), rated(8, 5), rated(5, 4)}));
  // Mixed: no agreement.
  CHECK_FALSE(tighter_side(std::vector<Session>{rated(7, 4), rated(4, 7), rated(8, 5)}));
  // Sessions rated on one side only are left out.
  Session left_only = rated(9, 1);
  left_only.ratings.right.reset();
  CHECK(tighter_side(std::vector<Session>{rated(7, 4), left_only, rated(6, 4), rated(8, 5)}) == Side::left);
  const Plan plan = four_weeks();
  const PlanProgress progress = plan_progress(plan, kMonday, kMonday, {});
  const std::vector<Session> agree = {rated(7, 4), rated(6, 4), rated(8, 5)};
  const PlanValues values = plan_values(plan, plan.sessions[0], progress, agree);
  CHECK(values.favoured == Side::left);
  CHECK(values.why.back().starts_with("left side tighter by 2 points or more in the last 3 ratings"));
  Plan as_written = plan;
  as_written.sides = SidePolicy::as_written;
  CHECK_FALSE(plan_values(as_written, plan.sessions[0], progress, agree).favoured);
}
