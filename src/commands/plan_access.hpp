#pragma once

#include <optional>
#include <string>
#include <vector>

#include "commands/console.hpp"
#include "commands/environment.hpp"
#include "model/plan.hpp"
#include "model/session.hpp"
#include "progression/plan_state.hpp"
#include "progression/progress.hpp"

// Plans as the commands use them: found on the search path, read, and the
// one a person is on, with where they are in it.
namespace psoas {

// A plan file on the search path, with its text.
struct PlanOnPath {
  FoundRoutine found;
  std::string text;
};

// The files on the search path whose text says they are plans, by name.
std::vector<PlanOnPath> plans_on_path(const SearchPath& search_path);

// The plan `argument` names (a name on the search path, or a file), read and
// checked; errors are printed and Error thrown.
Plan load_plan(const std::string& argument, const SearchPath& search_path, const Console& console);

// The plan a person is on today, and where they are in it.
struct PlanToday {
  ActivePlan active;
  Plan plan;
  bool changed = false;           // the plan file changed since it was started
  std::vector<Session> sessions;  // since the plan began, oldest first
  PlanProgress progress;
  std::int64_t today = 0;
};

// Nothing when no plan was started, or when it cannot be read (`quiet`:
// without a word; else a warning).
std::optional<PlanToday> plan_today(const Environment& environment, const Console& console, bool quiet);

// The sessions of `routine` among `sessions`, oldest first.
std::vector<Session> sessions_of(const std::vector<Session>& sessions, const std::string& routine);

}  // namespace psoas
