#include "run/clock.hpp"

#include <cmath>

namespace psoas {

long long seconds_shown(Nanos remaining) {
  constexpr Nanos::rep kSecond = 1'000'000'000;
  return remaining.count() <= 0 ? 0 : (remaining.count() + kSecond - 1) / kSecond;
}

Instant MonotonicClock::now() {
  timespec ts{};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return Instant(std::chrono::seconds(ts.tv_sec) + Nanos(ts.tv_nsec));
}

ScaledClock::ScaledClock(Clock& base, double speed) : base_(base), speed_(speed), origin_(base.now()) {}

Instant ScaledClock::now() {
  const Nanos real = base_.now() - origin_;
  return origin_ + Nanos(static_cast<Nanos::rep>(std::llround(static_cast<double>(real.count()) * speed_)));
}

Nanos ScaledClock::to_base(Nanos duration) const {
  // Rounded up, so that a wait never ends before its deadline.
  return Nanos(static_cast<Nanos::rep>(std::ceil(static_cast<double>(duration.count()) / speed_)));
}

}  // namespace psoas
