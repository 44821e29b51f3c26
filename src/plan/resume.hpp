#pragma once

#include <cstddef>
#include <optional>

#include "plan/timeline.hpp"

namespace psoas {

// A resumed run begins with this get-ready, so the person can get back into position.
inline constexpr Seconds kResumeGetReady{10};

// Where a resumed session goes on: its timeline with a get-ready put in
// before the hold it stopped in.
struct ResumePlan {
  Timeline timeline;
  std::size_t first_segment = 0;        // where the run starts, in `timeline`
  std::optional<std::size_t> inserted;  // the get-ready put in, if one was

  // The segment of the session's own timeline that `segment` of this one
  // stands for (the get-ready stands for the hold after it).
  [[nodiscard]] std::size_t original_segment(std::size_t segment) const;
};

// Resuming `timeline` at `segment`: a hold gets a get-ready of `get_ready`
// first; a rest goes on with the hold after it, with a get-ready; a get-ready,
// a switch or a checklist step starts again from its beginning.
ResumePlan plan_resume(Timeline timeline, std::size_t segment, Seconds get_ready = kResumeGetReady);

}  // namespace psoas
