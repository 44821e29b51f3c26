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

FitReport fit_timeline(Timeline& timeline, Seconds target) {
  std::vector<StepHolds> steps;
  double holds_now = 0;
  for (std::size_t i = 0; i < timeline.steps.size(); ++i) {
    const PlannedStep& planned = timeline.steps[i];
    if (planned.step.is_check()) continue;
    std::size_t count = 0;
    for (std::size_t k = 0; k < planned.segment_count; ++k)
      if (timeline.segments[planned.first_segment + k].kind == SegmentKind::hold) ++count;
    const double hold = seconds(*planned.step.hold);
    const double floor = std::min(hold, seconds(planned.step.min_hold.value_or(kDefaultHoldFloor)));
    steps.push_back({i, count, hold, planned.step.min_hold ? seconds(*planned.step.min_hold) : floor});
    holds_now += static_cast<double>(count) * hold;
  }
  const double fixed = seconds(timeline.total) - holds_now;  // get-ready, rests and switches
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
  while (scaled_total(steps, high) < wanted && high < 1e6) high *= 2;
  for (int i = 0; i < 100; ++i) {
    const double middle = (low + high) / 2;
    (scaled_total(steps, middle) < wanted ? low : high) = middle;
  }
  report.factor = high;
  for (StepHolds& step : steps) {
    const double scaled = step.hold * report.factor;
    const auto fitted = Seconds(static_cast<Seconds::rep>(std::llround(
        std::clamp(scaled, step.floor, seconds(std::chrono::duration_cast<Seconds>(kMaxDuration))))));
    if (scaled <= step.floor) ++report.at_floor;
    PlannedStep& planned = timeline.steps[step.step];
    planned.step.hold = std::max(fitted, Seconds(1));
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
  report.total = timeline.total;
  return report;
}

}  // namespace psoas
