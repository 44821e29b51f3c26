#include "run/drive.hpp"

#include <algorithm>
#include <cmath>

namespace psoas {

void drive(Runner& runner, Clock& clock, InputSource& input, double speed, std::optional<Instant> launched) {
  const Instant now = clock.now();
  const bool start_up = launched && *launched <= now && now - *launched <= kStartUpCounted;
  runner.start(start_up ? *launched : now);
  while (!runner.done()) {
    std::optional<Nanos> timeout;
    if (const auto deadline = runner.next_deadline()) {
      const Nanos left = std::max(*deadline - clock.now(), Nanos(0));
      // Rounded up: waking before the deadline would only mean waiting again.
      timeout = Nanos(static_cast<Nanos::rep>(std::ceil(static_cast<double>(left.count()) / speed)));
    }
    const auto event = input.wait(timeout);
    if (!event) {
      runner.advance(clock.now());
      continue;
    }
    runner.on_input(*event, clock.now());
    if (event->kind == InputEvent::Kind::suspend && !runner.done()) {
      input.suspend_process();
      runner.on_input(InputEvent::of(InputEvent::Kind::resume), clock.now());
    }
  }
}

}  // namespace psoas
