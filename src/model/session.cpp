#include "model/session.hpp"

#include <algorithm>

namespace psoas {

std::string_view to_string(SessionOutcome outcome) {
  switch (outcome) {
    case SessionOutcome::finished:
      return "finished";
    case SessionOutcome::partial:
      return "partial";
    case SessionOutcome::quit:
      return "quit";
    case SessionOutcome::interrupted:
      return "interrupted";
  }
  return "";
}

std::optional<SessionOutcome> session_outcome_from(std::string_view text) {
  for (const SessionOutcome outcome :
       {SessionOutcome::finished, SessionOutcome::partial, SessionOutcome::quit, SessionOutcome::interrupted})
    if (to_string(outcome) == text) return outcome;
  return std::nullopt;
}

SessionOutcome outcome_at_end(Millis planned_hold, Millis held) {
  const Millis skipped = std::max(planned_hold - held, Millis(0));
  const bool finished =
      static_cast<double>(skipped.count()) <= kFinishedSkipShare * static_cast<double>(planned_hold.count());
  return finished ? SessionOutcome::finished : SessionOutcome::partial;
}

}  // namespace psoas
