#include "history/recorder.hpp"

namespace psoas {
namespace {

Millis millis(Nanos duration) {
  return std::chrono::duration_cast<Millis>(duration);
}

}  // namespace

SessionRecorder::SessionRecorder(const Routine& routine, const Timeline& timeline,
                                 std::function<WallTime()> wall_clock)
    : routine_(routine), timeline_(timeline), wall_clock_(std::move(wall_clock)) {}

void SessionRecorder::on_event(const RunEvent& event, const RunState&) {
  if (event.kind == RunEventKind::started) started_ = wall_clock_();
}

std::optional<Session> SessionRecorder::session(const RunState& end) const {
  if (!started_ || !end.started) return std::nullopt;
  Session session;
  session.routine = routine_.name;
  session.title = routine_.title;
  session.content_hash = routine_.content_hash;
  session.started = *started_;
  session.ended = wall_clock_();
  session.planned = millis(timeline_.remaining_from(end.first_segment));
  session.active = millis(end.active);
  session.paused = millis(end.paused_total);
  session.segments_completed = static_cast<int>(end.completed);
  session.segments_skipped = static_cast<int>(end.skipped);
  session.held_left = millis(end.held_left);
  session.held_right = millis(end.held_right);
  session.held_unsided = millis(end.held_unsided);
  switch (end.end) {
    case RunEnd::finished:
      session.outcome = SessionOutcome::finished;
      break;
    case RunEnd::quit:
      session.outcome = SessionOutcome::quit;
      break;
    case RunEnd::interrupted:
    case RunEnd::none:
      session.outcome = SessionOutcome::interrupted;
      break;
  }
  if (session.outcome != SessionOutcome::finished && !timeline_.segments.empty())
    session.stopped_at_step =
        static_cast<int>(timeline_.segments[std::min(end.segment, timeline_.segments.size() - 1)].step) + 1;
  return session;
}

}  // namespace psoas
