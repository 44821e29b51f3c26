#pragma once

#include <cstddef>

#include "plan/timeline.hpp"

namespace psoas {

// A hold that --fit shortens stops here, unless its step says otherwise (`min-hold`).
inline constexpr Seconds kDefaultHoldFloor{15};

// What fitting a timeline to a length did.
struct FitReport {
  double factor = 1;             // the holds' scale, before each was rounded and floored
  std::size_t at_floor = 0;      // steps held at their floor
  Seconds total{0};              // the timeline's length now
  Seconds shortest_possible{0};  // with every hold at its floor
};

// Scales every timed hold of `timeline` from step `first_step` on (where a
// run --from it begins) by one factor, as evenly as whole seconds allow, so
// that that part takes `target` (get-ready, rests and switches unchanged;
// checklist steps add their own time). No hold goes below its floor,
// `min-hold` or 15 s (or its own length, if shorter), nor above `max-hold`
// or 24 h. Throws Error when `target` is shorter than the floors and pauses
// allow.
FitReport fit_timeline(Timeline& timeline, Seconds target, std::size_t first_step = 0);

}  // namespace psoas
