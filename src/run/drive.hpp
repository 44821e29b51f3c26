#pragma once

#include "run/clock.hpp"
#include "run/input.hpp"
#include "run/runner.hpp"

namespace psoas {

// Runs `runner` to its end: sleeps until input arrives or the runner's next
// deadline, whichever is first, and feeds both in. `clock` is the runner's
// clock; `speed` says how much faster it runs than the time `input` waits in.
void drive(Runner& runner, Clock& clock, InputSource& input, double speed = 1.0);

}  // namespace psoas
