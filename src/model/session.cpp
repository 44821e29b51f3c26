#include "model/session.hpp"

namespace psoas {

std::string_view to_string(SessionOutcome outcome) {
  switch (outcome) {
    case SessionOutcome::finished:
      return "finished";
    case SessionOutcome::quit:
      return "quit";
    case SessionOutcome::interrupted:
      return "interrupted";
  }
  return "";
}

std::optional<SessionOutcome> session_outcome_from(std::string_view text) {
  for (const SessionOutcome outcome :
       {SessionOutcome::finished, SessionOutcome::quit, SessionOutcome::interrupted})
    if (to_string(outcome) == text) return outcome;
  return std::nullopt;
}

}  // namespace psoas
