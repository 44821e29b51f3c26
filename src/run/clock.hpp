#pragma once

#include <chrono>

#include "model/wall_time.hpp"

namespace psoas {

// Runner time: a moment is an Instant, nanoseconds since an arbitrary origin
// (the monotonic clock's, or a fake clock's in tests); a length of time is Nanos.
using Nanos = std::chrono::nanoseconds;
struct RunTime {
  using duration = Nanos;
  using rep = duration::rep;
  using period = duration::period;
  using time_point = std::chrono::time_point<RunTime>;
  static constexpr bool is_steady = true;
};
using Instant = RunTime::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() = 0;
};

// CLOCK_MONOTONIC: it never jumps when the wall clock is set.
class MonotonicClock final : public Clock {
 public:
  Instant now() override;
};

// A clock running `speed` times faster than another, from the moment it is made.
class ScaledClock final : public Clock {
 public:
  ScaledClock(Clock& base, double speed);
  Instant now() override;
  // How long to wait on the base clock for `duration` of this clock to pass.
  [[nodiscard]] Nanos to_base(Nanos duration) const;

 private:
  Clock& base_;
  double speed_;
  Instant origin_;
};

// The whole seconds a countdown shows for what remains: rounded up, so that it
// shows 1 until the very end, and 0 only then.
long long seconds_shown(Nanos remaining);

}  // namespace psoas
