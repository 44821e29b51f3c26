#include "plan/timeline.hpp"

#include <algorithm>
#include <cassert>
#include <unordered_set>

#include <fmt/format.h>

#include "model/session.hpp"

namespace psoas {
namespace {

class TimelineBuilder {
 public:
  explicit TimelineBuilder(Timeline& timeline) : timeline_(timeline) {}

  void add_routine(const Routine& routine, const TimingOverrides& overrides, int depth) {
    // A routine used many times adds its lists once: merging is linear in what is written.
    if (merged_.insert(&routine).second) {
      add_new(timeline_.equipment, equipment_seen_, routine.equipment);
      add_new(timeline_.cautions, cautions_seen_, routine.cautions);
      if (!routine.notes.empty()) timeline_.notes.push_back({routine.name, routine.title, routine.notes});
      if (timeline_.tracks.empty()) timeline_.tracks = routine.tracks;
    }
    const std::size_t group = next_group_++;
    for (const Step& step : routine.steps) {
      if (step.is_use()) {
        // A broken `use` never reaches the planner: the loader rejects it.
        assert(step.used);
        add_routine(*step.used, overrides.over(step.overrides), depth + 1);
      } else {
        add_step(apply(step, overrides), routine, depth, group, overrides.favoured);
      }
    }
  }

 private:
  static void add_new(std::vector<std::string>& list, std::unordered_set<std::string>& seen,
                      const std::vector<std::string>& items) {
    for (const std::string& item : items)
      if (seen.insert(item).second) list.push_back(item);
  }

  static Step apply(Step step, const TimingOverrides& overrides) {
    if (step.is_check()) return step;  // overrides reach only timed steps
    if (overrides.hold) step.hold = overrides.hold;
    if (overrides.reps) step.reps = *overrides.reps;
    if (overrides.rest) step.rest = *overrides.rest;
    if (overrides.switch_time) step.switch_time = *overrides.switch_time;
    if (overrides.prepare) step.prepare = *overrides.prepare;
    return step;
  }

  void add_step(Step step, const Routine& routine, int depth, std::size_t group,
                std::optional<Side> favoured) {
    favoured_ = favoured;
    const std::size_t index = timeline_.steps.size();
    const std::size_t first = timeline_.segments.size();
    if (step.is_check()) {
      push({SegmentKind::check, index, Side::none, 1, 1, Seconds(0)});
    } else if (step.alternate) {
      add_alternating(step, index);
    } else {
      add_side_by_side(step, index);
    }
    timeline_.steps.push_back(PlannedStep{std::move(step), routine.name, routine.title, depth, group, first,
                                          timeline_.segments.size() - first});
  }

  // prepare, then every rep on one side before the next side.
  void add_side_by_side(const Step& step, std::size_t index) {
    const std::vector<Side>& sides = step.sides;
    push({SegmentKind::prepare, index, sides.front(), 1, step.reps, step.prepare});
    for (std::size_t s = 0; s < sides.size(); ++s) {
      if (s > 0) push({SegmentKind::switch_sides, index, sides[s], 1, step.reps, step.switch_time});
      for (int rep = 1; rep <= step.reps; ++rep) {
        if (rep > 1) push({SegmentKind::rest, index, sides[s], rep, step.reps, step.rest});
        push({SegmentKind::hold, index, sides[s], rep, step.reps, hold_for(step, sides[s])});
      }
    }
  }

  // The hold on `side`: half as long again on the side a plan favours.
  Seconds hold_for(const Step& step, Side side) const {
    if (!favoured_ || side != *favoured_) return *step.hold;
    return Seconds((step.hold->count() * 3 + 1) / 2);
  }

  // prepare, then rep by rep, each rep visiting every side.
  void add_alternating(const Step& step, std::size_t index) {
    const std::vector<Side>& sides = step.sides;
    push({SegmentKind::prepare, index, sides.front(), 1, step.reps, step.prepare});
    for (int rep = 1; rep <= step.reps; ++rep) {
      for (std::size_t s = 0; s < sides.size(); ++s) {
        if (s > 0) {
          push({SegmentKind::switch_sides, index, sides[s], rep, step.reps, step.switch_time});
        } else if (rep > 1) {
          push({SegmentKind::rest, index, sides[s], rep, step.reps, step.rest});
        }
        push({SegmentKind::hold, index, sides[s], rep, step.reps, hold_for(step, sides[s])});
      }
    }
  }

  void push(Segment segment) {
    // Zero-length pauses are left out; a check has no length but is kept.
    if (segment.kind != SegmentKind::check && segment.kind != SegmentKind::hold &&
        segment.duration == Seconds(0))
      return;
    segment.start = timeline_.total;
    timeline_.total += segment.duration;
    timeline_.segments.push_back(segment);
  }

  Timeline& timeline_;
  std::size_t next_group_ = 0;
  std::optional<Side> favoured_;
  std::unordered_set<const Routine*> merged_;
  std::unordered_set<std::string> equipment_seen_;
  std::unordered_set<std::string> cautions_seen_;
};

}  // namespace

std::string_view to_string(SegmentKind kind) {
  switch (kind) {
    case SegmentKind::prepare:
      return "prepare";
    case SegmentKind::hold:
      return "hold";
    case SegmentKind::rest:
      return "rest";
    case SegmentKind::switch_sides:
      return "switch";
    case SegmentKind::check:
      return "check";
  }
  return "";
}

Seconds Timeline::remaining_from(std::size_t first_segment) const {
  if (first_segment >= segments.size()) return Seconds(0);
  return total - segments[first_segment].start;
}

std::size_t Timeline::holds_from(std::size_t first_segment) const {
  std::size_t count = 0;
  for (std::size_t i = first_segment; i < segments.size(); ++i)
    if (segments[i].kind == SegmentKind::hold) ++count;
  return count;
}

Seconds Timeline::hold_time_from(std::size_t first_segment) const {
  Seconds sum{0};
  for (std::size_t i = first_segment; i < segments.size(); ++i)
    if (segments[i].kind == SegmentKind::hold) sum += segments[i].duration;
  return sum;
}

Seconds Timeline::step_duration(std::size_t step) const {
  const PlannedStep& planned = steps[step];
  Seconds sum{0};
  for (std::size_t i = 0; i < planned.segment_count; ++i) sum += segments[planned.first_segment + i].duration;
  return sum;
}

std::optional<Side> Timeline::first_side() const {
  const auto sided = std::find_if(segments.begin(), segments.end(), [](const Segment& segment) {
    return segment.kind == SegmentKind::hold && segment.side != Side::none;
  });
  if (sided == segments.end()) return std::nullopt;
  return sided->side;
}

bool Timeline::has_checklist() const {
  return std::any_of(segments.begin(), segments.end(),
                     [](const Segment& segment) { return segment.kind == SegmentKind::check; });
}

Timeline build_timeline(const Routine& routine, const TimingOverrides& overrides) {
  Timeline timeline;
  // Grown one by one, a long routine's steps would be moved (and their pages touched) many times.
  // Its steps and holds, `use` expanded, bound its planned steps, and twice as many holds room
  // for the segments: each hold with the rest or switch before it, each get-ready.
  const std::size_t steps_and_holds = expanded_size(routine, overrides, kMaxExpandedSize);
  timeline.steps.reserve(steps_and_holds);
  timeline.segments.reserve(2 * steps_and_holds);
  TimelineBuilder(timeline).add_routine(routine, overrides, 0);
  return timeline;
}

std::optional<std::string> too_long_to_run(const Routine& routine, const Timeline& timeline) {
  if (timeline.total <= kLongestSession) return std::nullopt;
  return fmt::format("{} takes {}; psoas runs a routine of at most {} days", routine.name,
                     format_duration(timeline.total),
                     std::chrono::duration_cast<std::chrono::hours>(kLongestSession).count() / 24);
}

}  // namespace psoas
