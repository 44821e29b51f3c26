#pragma once

#include <functional>
#include <optional>

#include "model/routine.hpp"
#include "model/session.hpp"
#include "plan/timeline.hpp"
#include "run/events.hpp"

namespace psoas {

// Watches a run, noting the wall-clock time it starts, and turns its end
// into the session the history keeps: a new one, or the session it resumed,
// extended.
class SessionRecorder final : public RunSink {
 public:
  SessionRecorder(const Routine& routine, const Timeline& timeline, RunTiming timing, double speed,
                  std::function<WallTime()> wall_clock);

  // This run goes on with `earlier`; `original_segment` maps a segment of
  // this run's timeline to the one `earlier` was recorded with. The hold
  // `earlier` stopped in is held again in full, on `redone_side`: what was
  // held of it before is taken off, so that the sides still compare.
  void resume(Session earlier, Side redone_side, std::function<std::size_t(std::size_t)> original_segment);
  // The run follows `plan`, in its week `week` (1-based).
  void follows_plan(std::string plan, int week) {
    plan_ = std::move(plan);
    plan_week_ = week;
  }

  void on_event(const RunEvent& event, const RunState& state) override;

  // The session, once the run has started; nothing for a run quit before it began.
  [[nodiscard]] std::optional<Session> session(const RunState& end) const;

 private:
  std::string plan_;
  std::optional<int> plan_week_;
  const Routine& routine_;
  const Timeline& timeline_;
  RunTiming timing_;
  double speed_;
  std::function<WallTime()> wall_clock_;
  std::optional<WallTime> started_;
  std::optional<Session> earlier_;
  std::function<std::size_t(std::size_t)> original_segment_;
};

}  // namespace psoas
