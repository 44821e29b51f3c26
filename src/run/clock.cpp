#include "run/clock.hpp"

#include <time.h>

#include <cmath>

namespace psoas {

WallTime wall_time_now() {
  timespec ts{};
  ::clock_gettime(CLOCK_REALTIME, &ts);
  tm local{};
  ::localtime_r(&ts.tv_sec, &local);
  return {std::int64_t{ts.tv_sec} * 1000 + ts.tv_nsec / 1'000'000, static_cast<int>(local.tm_gmtoff / 60)};
}

Instant MonotonicClock::now() {
  timespec ts{};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return std::chrono::seconds(ts.tv_sec) + Nanos(ts.tv_nsec);
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
