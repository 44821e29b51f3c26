#pragma once

#include <string>

#include "model/routine.hpp"
#include "plan/timeline.hpp"

namespace psoas {

// `psoas run --dry-run`: the timeline from `first_segment` on, each segment
// with its start time, and the total.
std::string render_dry_run(const Routine& routine, const Timeline& timeline, std::size_t first_segment);

}  // namespace psoas
