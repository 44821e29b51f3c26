#include "plan/fit.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "base/error.hpp"

namespace psoas {
namespace {

struct StepHolds {
  std::size_t step;
  std::size_t count;  // hold segments of the step
  double hold;        // each hold's length now, in seconds
  double floor;
  double ceiling;
};

double seconds(Seconds s) {
  return static_cast<double>(s.count());
}

// The hold time of all steps with every hold scaled by `factor`, floored.
double scaled_total(const std::vector<StepHolds>& steps, double factor) {
  double total = 0;
  for (const StepHolds& step : steps)
    total += static_cast<double>(step.count) *
             std::clamp(step.hold * factor, step.floor,
                        seconds(std::chrono::duration_cast<Seconds>(kMaxDuration)));
  return total;
}

}  // namespace

FitReport fit_timeline(Timeline& timeline, Seconds target, std::size_t first_step) {
  std::vector<StepHolds> steps;
  double holds_now = 0;
  for (std::size_t i = first_step; i < timeline.steps.size(); ++i) {
    const PlannedStep& planned = timeline.steps[i];
    if (planned.step.is_check()) continue;
    std::size_t count = 0;
    for (std::size_t k = 0; k < planned.segment_count; ++k)
      if (timeline.segments[planned.first_segment + k].kind == SegmentKind::hold) ++count;
    const double hold = seconds(*planned.step.hold);
    const double floor =
        planned.step.min_hold ? seconds(*planned.step.min_hold) : std::min(hold, seconds(kDefaultHoldFloor));
    const double ceiling = seconds(planned.step.max_hold.value_or(kMaxDuration));
    steps.push_back({i, count, hold, floor, std::max(ceiling, floor)});
    holds_now += static_cast<double>(count) * hold;
  }
  // The part of the run being fitted: from the first step's first segment on.
  const double part = first_step < timeline.steps.size()
                          ? seconds(timeline.remaining_from(timeline.steps[first_step].first_segment))
                          : 0;
  const double fixed = part - holds_now;  // get-ready, rests and switches
  double shortest = fixed;
  for (const StepHolds& step : steps) shortest += static_cast<double>(step.count) * step.floor;
  FitReport report;
  report.shortest_possible = Seconds(static_cast<Seconds::rep>(std::ceil(shortest)));
  if (steps.empty())
    throw Error("--fit needs timed holds to fit, and this routine has none", ExitCode::usage);
  if (seconds(target) < shortest)
    throw Error(
        fmt::format("cannot fit into {}: with every hold at its shortest ({} or what the routine says) "
                    "it takes {}",
                    format_duration(target), format_duration(kDefaultHoldFloor),
                    format_duration(report.shortest_possible)),
        ExitCode::usage);
  // The one factor that makes the floored, scaled holds fill the time left, by bisection.
  const double wanted = seconds(target) - fixed;
  double low = 0;
  double high = 1;
  double ceiling_total = 0;
  for (const StepHolds& step : steps) ceiling_total += static_cast<double>(step.count) * step.ceiling;
  if (wanted > ceiling_total)
    throw Error(
        fmt::format("cannot stretch to {}: with every hold at its longest (a step's max-hold) it takes {}",
                    format_duration(target),
                    format_duration(Seconds(static_cast<Seconds::rep>(std::floor(fixed + ceiling_total))))),
        ExitCode::usage);
  while (scaled_total(steps, high) < wanted && high < 1e6) high *= 2;
  for (int i = 0; i < 100; ++i) {
    const double middle = (low + high) / 2;
    (scaled_total(steps, middle) < wanted ? low : high) = middle;
  }
  // Where floors hold every hold, a range of factors gives the same holds (a
  // routine fitted to its own length: all those up to 1): the one nearest 1 is said.
  double top = std::max(high, 1.0) * 2;
  double bottom = high;
  for (int i = 0; i < 100; ++i) {
    const double middle = (bottom + top) / 2;
    (scaled_total(steps, middle) <= wanted ? bottom : top) = middle;
  }
  report.factor = std::clamp(1.0, high, std::max(high, bottom));
  for (StepHolds& step : steps) {
    const double scaled = step.hold * report.factor;
    const auto fitted =
        Seconds(static_cast<Seconds::rep>(std::llround(std::clamp(scaled, step.floor, step.ceiling))));
    if (scaled <= step.floor) ++report.at_floor;
    timeline.steps[step.step].step.hold = std::max(fitted, Seconds(1));
  }
  // Whole seconds leave the total a little off: a second more or less on a
  // step's holds, the steps with fewest holds first, within their bounds.
  const auto part_total = [&] {
    double total = fixed;
    for (const StepHolds& step : steps)
      total += static_cast<double>(step.count) * seconds(*timeline.steps[step.step].step.hold);
    return total;
  };
  std::vector<const StepHolds*> order;
  for (const StepHolds& step : steps) order.push_back(&step);
  std::stable_sort(order.begin(), order.end(),
                   [&](const StepHolds* a, const StepHolds* b) { return a->count < b->count; });
  std::vector<std::size_t> counts;
  for (const StepHolds* step : order)
    if (counts.empty() || counts.back() != step->count) counts.push_back(step->count);
  // The first step of `count` holds whose holds can move a second by `sign` within their bounds.
  const auto movable = [&](std::size_t count, int sign) -> const StepHolds* {
    for (const StepHolds* step : order) {
      if (step->count != count) continue;
      const Seconds moved = *timeline.steps[step->step].step.hold + Seconds(sign);
      if (moved >= Seconds(1) && seconds(moved) >= step->floor && seconds(moved) <= step->ceiling)
        return step;
    }
    return nullptr;
  };
  const auto move = [&](const StepHolds& step, int sign) {
    *timeline.steps[step.step].step.hold += Seconds(sign);
  };
  // Each move must bring the total nearer: one step's holds a second longer
  // or shorter, or, where every step holds more than once (both sides), one
  // step's longer and another's shorter (3 holds up and 2 down make a second).
  for (bool changed = true; changed;) {
    changed = false;
    const double off = seconds(target) - part_total();
    const int sign = off > 0 ? 1 : -1;
    for (const std::size_t count : counts) {
      if (static_cast<double>(count) >= 2 * std::abs(off)) break;
      if (const StepHolds* step = movable(count, sign)) {
        move(*step, sign);
        changed = true;
        break;
      }
    }
    for (std::size_t i = 0; !changed && i < counts.size(); ++i) {
      for (std::size_t k = 0; !changed && k < counts.size(); ++k) {
        const double net = sign * (static_cast<double>(counts[i]) - static_cast<double>(counts[k]));
        if (i == k || std::abs(off - net) >= std::abs(off)) continue;
        // Two counts differ, so these are two steps.
        const StepHolds* longer = movable(counts[i], sign);
        const StepHolds* shorter = longer ? movable(counts[k], -sign) : nullptr;
        if (!shorter) continue;
        move(*longer, sign);
        move(*shorter, -sign);
        changed = true;
      }
    }
  }
  for (const StepHolds& step : steps) {
    const PlannedStep& planned = timeline.steps[step.step];
    for (std::size_t k = 0; k < planned.segment_count; ++k) {
      Segment& segment = timeline.segments[planned.first_segment + k];
      if (segment.kind == SegmentKind::hold) segment.duration = *planned.step.hold;
    }
  }
  Seconds start{0};
  for (Segment& segment : timeline.segments) {
    segment.start = start;
    start += segment.duration;
  }
  timeline.total = start;
  report.total = first_step < timeline.steps.size()
                     ? timeline.remaining_from(timeline.steps[first_step].first_segment)
                     : Seconds(0);
  return report;
}

}  // namespace psoas
