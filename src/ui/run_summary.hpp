#pragma once

#include <optional>
#include <string>

#include "model/routine.hpp"
#include "model/session.hpp"
#include "plan/timeline.hpp"
#include "run/events.hpp"

namespace psoas {

// What the closing line of a run says besides the run itself.
struct RunSummaryNotes {
  const Session* session = nullptr;  // as recorded (after a resume: the whole session)
  std::string resume_command;        // how to go on, when the session can be resumed
  std::string not_recorded;          // why the run was not recorded, when it was not
};

// The line left on the terminal after a run: "Bridge: done in 5:02 (5:00
// planned, 0:02 paused)", with the holds skipped, or where it was quit and
// how to go on from there.
std::string run_summary(const Routine& routine, const Timeline& timeline, const RunState& state,
                        const RunSummaryNotes& notes);

}  // namespace psoas
