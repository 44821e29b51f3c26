#include "model/routine.hpp"

#include <algorithm>

namespace psoas {

TimingOverrides TimingOverrides::over(const TimingOverrides& inner) const {
  TimingOverrides merged = inner;
  if (hold) merged.hold = hold;
  if (reps) merged.reps = reps;
  if (rest) merged.rest = rest;
  if (switch_time) merged.switch_time = switch_time;
  if (prepare) merged.prepare = prepare;
  if (favoured) merged.favoured = favoured;
  return merged;
}

bool TimingOverrides::empty() const {
  return !hold && !reps && !rest && !switch_time && !prepare && !favoured;
}

std::size_t expanded_size(const Routine& routine, const TimingOverrides& overrides, std::size_t limit) {
  std::size_t total = 0;
  for (const Step& step : routine.steps) {
    if (total > limit) break;
    if (step.is_use()) {
      if (step.used) total += expanded_size(*step.used, overrides.over(step.overrides), limit - total);
    } else {
      total += 1;
      if (!step.is_check())
        total += step.sides.size() * static_cast<std::size_t>(overrides.reps.value_or(step.reps));
    }
  }
  return total;
}

Seconds setup_time_in_hold(Seconds hold) {
  return std::min(kSetupShownInHold, hold / 2);
}

bool is_valid_routine_name(std::string_view name) {
  constexpr std::size_t kMaxLength = 64;
  if (name.empty() || name.size() > kMaxLength || name.front() == '-') return false;
  for (const char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

}  // namespace psoas
