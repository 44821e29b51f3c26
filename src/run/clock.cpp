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

std::int64_t local_midnight_unix_ms(std::int64_t day) {
  const CivilDate date = civil_from_days(day);
  tm local{};
  local.tm_year = static_cast<int>(date.year - 1900);
  local.tm_mon = static_cast<int>(date.month) - 1;
  local.tm_mday = static_cast<int>(date.day);
  local.tm_isdst = -1;  // whatever the zone says for that date
  return std::int64_t{::mktime(&local)} * 1000;
}

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
