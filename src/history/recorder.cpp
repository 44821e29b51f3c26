#include "history/recorder.hpp"

#include <algorithm>

namespace psoas {
namespace {

Millis millis(Nanos duration) {
  return std::chrono::duration_cast<Millis>(duration);
}

}  // namespace

SessionRecorder::SessionRecorder(const Routine& routine, const Timeline& timeline, RunTiming timing,
                                 double speed, std::function<WallTime()> wall_clock)
    : routine_(routine),
      timeline_(timeline),
      timing_(timing),
      speed_(speed),
      wall_clock_(std::move(wall_clock)) {}

void SessionRecorder::resume(Session earlier, Side redone_side,
                             std::function<std::size_t(std::size_t)> original_segment) {
  Millis& held = redone_side == Side::left    ? earlier.held_left
                 : redone_side == Side::right ? earlier.held_right
                                              : earlier.held_unsided;
  held = std::max(held - earlier.stopped_hold, Millis(0));
  earlier.stopped_hold = Millis(0);
  earlier_ = std::move(earlier);
  original_segment_ = std::move(original_segment);
}

void SessionRecorder::on_event(const RunEvent& event, const RunState&) {
  if (event.kind == RunEventKind::started) started_ = wall_clock_();
}

std::optional<Session> SessionRecorder::session(const RunState& end) const {
  if (!started_ || !end.started) return std::nullopt;
  Session session;
  if (earlier_) {
    session = *earlier_;
    ++session.resumed;
  } else {
    session.routine = routine_.name;
    session.title = routine_.title;
    session.started = *started_;
    session.planned = std::chrono::duration_cast<Millis>(timeline_.remaining_from(end.first_segment));
    session.planned_hold = std::chrono::duration_cast<Millis>(timeline_.hold_time_from(end.first_segment));
    session.holds = static_cast<int>(timeline_.holds_from(end.first_segment));
    session.timing = timing_;
    session.speed = speed_;
    session.plan = plan_;
    session.plan_week = plan_week_;
  }
  session.content_hash = routine_.content_hash;
  session.ended = wall_clock_();
  session.active += millis(end.active);
  session.paused += millis(end.paused_total);
  session.segments_completed += static_cast<int>(end.completed);
  session.segments_skipped += static_cast<int>(end.skipped);
  session.holds_skipped += static_cast<int>(end.holds_skipped);
  session.held_left += millis(end.held_left);
  session.held_right += millis(end.held_right);
  session.held_unsided += millis(end.held_unsided);
  session.stopped_at_step.reset();
  session.stopped_at_segment.reset();
  session.stopped_hold = Millis(0);
  switch (end.end) {
    case RunEnd::finished:
      session.outcome = outcome_at_end(session.planned_hold, session.held());
      session.reached_hold = session.planned_hold;
      return session;
    case RunEnd::quit:
      session.outcome = SessionOutcome::quit;
      break;
    case RunEnd::interrupted:
    case RunEnd::none:
      session.outcome = SessionOutcome::interrupted;
      break;
  }
  if (!timeline_.segments.empty()) {
    const std::size_t segment = std::min(end.segment, timeline_.segments.size() - 1);
    session.stopped_at_step = static_cast<int>(timeline_.segments[segment].step) + 1;
    session.stopped_at_segment = static_cast<int>(original_segment_ ? original_segment_(segment) : segment);
    // The hold time planned up to and including the segment it stopped in (for the streak).
    const auto after = std::chrono::duration_cast<Millis>(timeline_.hold_time_from(segment + 1));
    session.reached_hold = std::clamp(session.planned_hold - after, Millis(0), session.planned_hold);
    // A resume holds this hold again in full: what was held of it is then not counted twice.
    if (timeline_.segments[segment].kind == SegmentKind::hold) session.stopped_hold = millis(end.last_held);
  }
  return session;
}

}  // namespace psoas
