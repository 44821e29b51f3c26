#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/routine.hpp"

namespace psoas {

enum class SegmentKind : std::uint8_t { prepare, hold, rest, switch_sides, check };

// "prepare", "hold", "rest", "switch", "check": the names psoas(1), JSON OUTPUT, uses.
std::string_view to_string(SegmentKind kind);

// A step as it will be performed: a leaf step of the routine or of a routine
// it uses, with every override applied.
struct PlannedStep {
  Step step;                  // effective values; never a `use` step
  std::string routine;        // name of the routine the step is written in
  std::string routine_title;  // that routine's title
  int depth = 0;              // 0 for the routine's own steps, 1 inside a `use`, ...
  std::size_t group = 0;      // which expansion it is in: 0 the routine's own, then one per `use`
  std::size_t first_segment = 0;
  std::size_t segment_count = 0;
};

struct Segment {
  SegmentKind kind = SegmentKind::hold;
  std::size_t step = 0;  // index into Timeline::steps
  Side side = Side::none;
  int rep = 1;  // for rest, switch and prepare: the hold that follows
  int reps = 1;
  Seconds duration{0};  // zero for a check segment, which waits for the user
  Seconds start{0};     // offset from the start of the routine
};

// A routine's notes on where its numbers come from, as the card shows them.
struct RoutineNotes {
  std::string routine;  // its name
  std::string title;
  std::vector<std::string> notes;
};

struct Timeline {
  std::vector<PlannedStep> steps;
  std::vector<Segment> segments;
  Seconds total{0};
  // The routine's equipment and cautions, then those of the routines it
  // uses that it does not already list: everything the whole session needs.
  std::vector<std::string> equipment;
  std::vector<std::string> cautions;
  // The notes of the routine and of each routine it uses that has some, in order.
  std::vector<RoutineNotes> notes;
  // What the sides work, as ratings name it: the routine's `tracks`, or the
  // first a routine it uses gives.
  std::string tracks;

  // Total time of the segments from `first_segment` to the end.
  [[nodiscard]] Seconds remaining_from(std::size_t first_segment) const;
  // The holds from `first_segment` to the end: how many, and their time.
  [[nodiscard]] std::size_t holds_from(std::size_t first_segment) const;
  [[nodiscard]] Seconds hold_time_from(std::size_t first_segment) const;
  // The time step `step` takes: the sum of its segments.
  [[nodiscard]] Seconds step_duration(std::size_t step) const;
  // Whether a checklist step waits for the person, so that `total` is a minimum.
  [[nodiscard]] bool has_checklist() const;
  // The side of the first hold that has one: the side a routine works first.
  [[nodiscard]] std::optional<Side> first_side() const;
};

// Expands a routine into its flat timeline, as psoas(1), ROUTINE FORMAT, Timeline, says.
// `overrides` apply to every timed step, winning over those of `use` steps.
Timeline build_timeline(const Routine& routine, const TimingOverrides& overrides = {});

// Why a run of `routine` as `timeline` plans it cannot be kept ("hips takes
// 400d; psoas runs a routine of at most 366 days"), or nothing: a run keeps
// time in nanoseconds, and a history records a session of at most kLongestSession.
std::optional<std::string> too_long_to_run(const Routine& routine, const Timeline& timeline);

}  // namespace psoas
