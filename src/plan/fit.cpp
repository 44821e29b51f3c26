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
  report.factor = high;
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
  std::vector<StepHolds*> order;
  for (StepHolds& step : steps) order.push_back(&step);
  std::sort(order.begin(), order.end(),
            [&](const StepHolds* a, const StepHolds* b) { return a->count < b->count; });
  for (bool changed = true; changed;) {
    changed = false;
    const double off = seconds(target) - part_total();
    for (StepHolds* step : order) {
      if (static_cast<double>(step->count) > std::abs(off)) continue;
      Seconds& hold = *timeline.steps[step->step].step.hold;
      const Seconds moved = hold + Seconds(off > 0 ? 1 : -1);
      if (seconds(moved) < step->floor || seconds(moved) > step->ceiling || moved < Seconds(1)) continue;
      hold = moved;
      changed = true;
      break;
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
