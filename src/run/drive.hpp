#pragma once

#include <optional>

#include "run/clock.hpp"
#include "run/input.hpp"
#include "run/runner.hpp"

namespace psoas {

// psoas's own start-up, up to this long, counts in a run that begins at
// once; anything longer was not start-up, and the run counts from now.
inline constexpr Nanos kStartUpCounted = std::chrono::milliseconds(250);

// Runs `runner` to its end: sleeps until input arrives or the runner's next
// deadline, whichever is first, and feeds both in. `clock` is the runner's
// clock; `speed` says how much faster it runs than the time `input` waits in.
// `launched`, when psoas started on `clock`: the run starts then, not once
// psoas is ready, so that it ends when the person asked, start-up and all.
void drive(Runner& runner, Clock& clock, InputSource& input, double speed = 1.0,
           std::optional<Instant> launched = std::nullopt);

}  // namespace psoas
