#include "model/plan.hpp"

#include <algorithm>

namespace psoas {

int Progression::after(int weeks_kept) const {
  const int steps = std::max(weeks_kept, 0) / std::max(every_weeks, 1);
  const long grown = static_cast<long>(from) + static_cast<long>(step) * steps;
  return static_cast<int>(from <= to ? std::min<long>(grown, to) : std::max<long>(grown, to));
}

const PlanSession* Plan::session_of(std::string_view routine) const {
  for (const PlanSession& session : sessions)
    if (session.routine == routine) return &session;
  return nullptr;
}

}  // namespace psoas
