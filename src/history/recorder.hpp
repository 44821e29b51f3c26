#pragma once

#include <functional>

#include "model/routine.hpp"
#include "model/session.hpp"
#include "plan/timeline.hpp"
#include "run/events.hpp"

namespace psoas {

// Watches a run, noting the wall-clock time it starts, and turns its end
// into the session the history keeps.
class SessionRecorder final : public RunSink {
 public:
  SessionRecorder(const Routine& routine, const Timeline& timeline, std::function<WallTime()> wall_clock);
  void on_event(const RunEvent& event, const RunState& state) override;

  // The session, once the run has started; nothing for a run quit before it began.
  [[nodiscard]] std::optional<Session> session(const RunState& end) const;

 private:
  const Routine& routine_;
  const Timeline& timeline_;
  std::function<WallTime()> wall_clock_;
  std::optional<WallTime> started_;
};

}  // namespace psoas
