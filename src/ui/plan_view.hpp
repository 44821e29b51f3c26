#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "progression/progress.hpp"
#include "ui/json_dump.hpp"

// Plans in words: `plan list`, `plan status` and its JSON.
namespace psoas {

// "daily psoas-release (holds 30s to 1m), mon,wed,fri psoas-ball-release".
std::string describe_plan_sessions(const Plan& plan);

struct PlanListRow {
  std::string name;
  std::string title;
  std::string weeks;  // "4 weeks", "open-ended"
  std::string sessions;
  bool active = false;
};
std::string render_plan_list(const std::vector<PlanListRow>& rows);

// Each routine of the plan today: planned or not, done, and its values.
struct PlanRoutineToday {
  const PlanSession* session = nullptr;
  int times_today = 0;  // 0: not a day of it
  int done_today = 0;
  PlanValues values;
};

struct PlanStatus {
  const Plan* plan = nullptr;
  std::int64_t start_day = 0;
  std::int64_t today = 0;
  bool changed = false;
  const PlanProgress* progress = nullptr;
  std::vector<PlanRoutineToday> routines;
};
std::string render_plan_status(const PlanStatus& status, bool color);
std::string plan_status_json(const PlanStatus& status);

// `psoas card PLAN`: the plan's routines and days, then its weeks as a
// table of each routine's holds and reps (as they are when every week is
// kept), and its notes. Markdown when `markdown`.
std::string render_plan_card(const Plan& plan, bool markdown, std::size_t width);

// `psoas stats`: the plan's weeks as bars, each with its tightness per side,
// and each side's trend since the plan began; and the same as JSON.
std::string render_plan_stats(const PlanStatus& status, const std::vector<WeekRatings>& ratings, bool color);
Json plan_stats_json(const PlanStatus& status, const std::vector<WeekRatings>& ratings);

// "week 2 of 4" or "week 5" for an open-ended plan.
std::string week_words(const Plan& plan, int week);

}  // namespace psoas
