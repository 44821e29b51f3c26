#include "plan/resume.hpp"

namespace psoas {

std::size_t ResumePlan::original_segment(std::size_t segment) const {
  if (!inserted || segment < *inserted) return segment;
  return segment == *inserted ? segment : segment - 1;
}

ResumePlan plan_resume(Timeline timeline, std::size_t segment, Seconds get_ready) {
  ResumePlan plan;
  if (segment < timeline.segments.size() && timeline.segments[segment].kind == SegmentKind::rest) ++segment;
  plan.first_segment = segment;
  if (segment >= timeline.segments.size() || timeline.segments[segment].kind != SegmentKind::hold) {
    plan.timeline = std::move(timeline);
    return plan;
  }
  const Segment& hold = timeline.segments[segment];
  Segment ready{SegmentKind::prepare, hold.step, hold.side, hold.rep, hold.reps, get_ready, hold.start};
  timeline.segments.insert(timeline.segments.begin() + static_cast<std::ptrdiff_t>(segment), ready);
  for (std::size_t i = segment + 1; i < timeline.segments.size(); ++i)
    timeline.segments[i].start += get_ready;
  timeline.total += get_ready;
  for (PlannedStep& step : timeline.steps) {
    if (step.first_segment > segment) {
      ++step.first_segment;
    } else if (step.first_segment + step.segment_count > segment) {
      ++step.segment_count;  // the step the get-ready belongs to
    }
  }
  plan.timeline = std::move(timeline);
  plan.inserted = segment;
  return plan;
}

}  // namespace psoas
