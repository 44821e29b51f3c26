#include "run/runner.hpp"

#include <algorithm>

#include "run/key_table.hpp"

namespace psoas {
namespace {

constexpr Nanos kSecond = std::chrono::seconds(1);

}  // namespace

Nanos RunState::remaining(const Timeline& timeline) const {
  if (end == RunEnd::finished) return Nanos(0);
  if (!started) return timeline.remaining_from(segment);  // the briefing, or quit from it
  return std::max(segment_remaining, Nanos(0)) + timeline.remaining_from(segment + 1);
}

Runner::Runner(const Timeline& timeline, RunnerOptions options, RunSink& sink)
    : timeline_(timeline), options_(options), sink_(sink) {
  state_.first_segment = std::min(options.first_segment, timeline.segments.size());
  state_.segment = state_.first_segment;
}

bool Runner::counting() const {
  return state_.phase == RunPhase::running && !state_.paused && !is_check();
}

void Runner::emit(RunEventKind kind, int seconds_left, Nanos delta) {
  sink_.on_event(RunEvent{kind, state_.segment, delta, seconds_left}, state_);
}

void Runner::start(Instant now) {
  if (state_.segment >= timeline_.segments.size()) {
    finish(RunEnd::finished, now);
  } else if (options_.briefing) {
    state_.phase = RunPhase::briefing;
    emit(RunEventKind::briefing);
  } else {
    begin(now);
  }
  sink_.on_settled(state_);
}

void Runner::begin(Instant now) {
  state_.phase = RunPhase::running;
  state_.started = true;
  state_.started_at = now;
  active_since_ = now;
  state_.segment_length = current().duration;  // so that `started` tells the whole time left
  state_.segment_remaining = state_.segment_length;
  emit(RunEventKind::started);
  enter_segment(state_.segment, now);
}

void Runner::sync(Instant now) {
  if (state_.phase != RunPhase::running || state_.paused) return;
  state_.active = active_before_ + (now - active_since_);
  if (!is_check()) state_.segment_remaining = segment_end_ - now;
}

long long Runner::shown_seconds() const {
  if (is_check()) return state_.active / kSecond;
  return seconds_shown(state_.segment_remaining);
}

void Runner::enter_segment(std::size_t index, Instant start) {
  // Without a keyboard nobody can tick a check off: those pass at once.
  for (;;) {
    state_.segment = index;
    state_.showing_setup = false;
    state_.segment_length = current().duration;
    state_.segment_remaining = state_.segment_length;
    segment_end_ = start + state_.segment_length;
    last_shown_ = shown_seconds();
    emit(RunEventKind::segment);
    if (!is_check() || options_.interactive) return;
    ++state_.completed;
    emit(RunEventKind::checked);
    if (index + 1 >= timeline_.segments.size()) {
      finish(RunEnd::finished, start);
      return;
    }
    ++index;
  }
}

void Runner::leave_segment(Instant now) {
  sync(now);
  const Segment& segment = current();
  if (segment.kind != SegmentKind::hold) return;
  const Nanos held =
      std::clamp(state_.segment_length - state_.segment_remaining, Nanos(0), state_.segment_length);
  state_.last_held = held;
  switch (segment.side) {
    case Side::left:
      state_.held_left += held;
      break;
    case Side::right:
      state_.held_right += held;
      break;
    case Side::none:
      state_.held_unsided += held;
      break;
  }
}

void Runner::next_segment(Instant start) {
  if (state_.segment + 1 >= timeline_.segments.size()) {
    finish(RunEnd::finished, start);
    return;
  }
  enter_segment(state_.segment + 1, start);
}

void Runner::finish(RunEnd end, Instant now, int signal) {
  if (state_.phase == RunPhase::running) {
    if (state_.paused) {
      state_.paused_total += now - paused_since_;
    } else if (end != RunEnd::finished) {
      leave_segment(now);  // count the part of a hold done before quitting
    } else {
      sync(now);
    }
  }
  state_.phase = RunPhase::finished;
  state_.end = end;
  state_.signal = signal;
  state_.confirming_quit = false;
  switch (end) {
    case RunEnd::finished:
      state_.segment_remaining = Nanos(0);
      emit(RunEventKind::finished);
      break;
    case RunEnd::quit:
      emit(RunEventKind::quit);
      break;
    case RunEnd::interrupted:
      emit(RunEventKind::interrupted);
      break;
    case RunEnd::none:
      break;
  }
}

void Runner::advance(Instant now) {
  handle_deadlines(now);
  sink_.on_settled(state_);
}

void Runner::handle_deadlines(Instant now) {
  if (state_.phase != RunPhase::running) return;
  sync(now);
  while (counting() && now >= segment_end_) {
    const Instant end = segment_end_;
    leave_segment(end);
    ++state_.completed;
    next_segment(end);  // chained from the planned end, not from `now`
    if (done()) return;
    sync(now);
  }
  tick_if_changed();
}

void Runner::tick_if_changed() {
  if (state_.phase != RunPhase::running || state_.paused) return;
  const long long shown = shown_seconds();
  if (shown == last_shown_) return;
  last_shown_ = shown;
  if (current().kind == SegmentKind::hold && shown >= 1 && shown <= 3)
    emit(RunEventKind::countdown, static_cast<int>(shown));
  emit(RunEventKind::tick);
}

std::optional<Instant> Runner::next_deadline() const {
  if (state_.phase != RunPhase::running || state_.paused) return std::nullopt;
  if (is_check()) {
    // Only the elapsed time changes on screen: wake at its next whole second.
    const Nanos next_second = (state_.active / kSecond + 1) * kSecond;
    return active_since_ + (next_second - active_before_);
  }
  const long long shown = seconds_shown(state_.segment_remaining);
  return segment_end_ - std::max(shown - 1, 0LL) * kSecond;
}

void Runner::on_input(const InputEvent& event, Instant now) {
  handle_deadlines(now);
  if (!done()) handle_input(event, now);
  sink_.on_settled(state_);
}

void Runner::handle_input(const InputEvent& event, Instant now) {
  switch (event.kind) {
    case InputEvent::Kind::key:
      if (state_.phase == RunPhase::briefing) {
        on_briefing_key(event.key, now);
      } else {
        on_key(event.key, now);
      }
      break;
    case InputEvent::Kind::resize:
    case InputEvent::Kind::resume:
      emit(RunEventKind::redraw);
      break;
    case InputEvent::Kind::suspend:
      // Stopped means paused; `fg` brings the run back still paused.
      if (state_.phase == RunPhase::running && !state_.paused) pause(now);
      break;
    case InputEvent::Kind::interrupt:
      finish(RunEnd::interrupted, now, event.signal);
      break;
  }
}

void Runner::on_briefing_key(const Key& key, Instant now) {
  if (key.code == Key::Code::enter) {
    if (state_.equipment_ticked < timeline_.equipment.size()) {
      ++state_.equipment_ticked;
      emit(RunEventKind::briefing);
    } else {
      begin(now);
    }
  } else if (key == Key::of('q') || key == Key::of('Q')) {
    finish(RunEnd::quit, now);
  }
}

void Runner::on_key(const Key& key, Instant now) {
  if (state_.confirming_quit) {
    state_.confirming_quit = false;
    if (key == Key::of('y') || key == Key::of('Y')) {
      finish(RunEnd::quit, now);
    } else {
      emit(RunEventKind::quit_cancelled);
    }
    return;
  }
  if (state_.showing_help) {  // any key closes the help, and resumes what it paused
    state_.showing_help = false;
    emit(RunEventKind::help);
    if (paused_for_help_) toggle_pause(now);
    paused_for_help_ = false;
    return;
  }
  const KeyBinding* binding = binding_for(key);
  if (!binding) return;
  switch (binding->action) {
    case RunAction::pause:
      // Space ticks a checklist step off; `p` does nothing there.
      if (!is_check()) {
        toggle_pause(now);
      } else if (key == Key::of(' ')) {
        tick(now);
      }
      break;
    case RunAction::tick:
      if (is_check()) tick(now);
      break;
    case RunAction::skip:
      skip(now);
      break;
    case RunAction::back:
      back(now);
      break;
    case RunAction::add_time:
      add_time(key == Key::of('+') || key == Key::of('=') ? kTimeStep : -kTimeStep, now);
      break;
    case RunAction::setup:
      state_.showing_setup = !state_.showing_setup;
      emit(RunEventKind::setup);
      break;
    case RunAction::quit:
      request_quit(now);
      break;
    case RunAction::help:
      // The help hides the countdown, so the countdown waits for it.
      paused_for_help_ = !state_.paused && !is_check();
      if (paused_for_help_) pause(now);
      state_.showing_help = true;
      emit(RunEventKind::help);
      break;
  }
}

void Runner::tick(Instant now) {
  leave_segment(now);
  ++state_.completed;
  emit(RunEventKind::checked);
  next_segment(now);
}

void Runner::pause(Instant now) {
  sync(now);
  active_before_ = state_.active;
  state_.paused = true;
  paused_since_ = now;
  emit(RunEventKind::paused);
}

void Runner::toggle_pause(Instant now) {
  if (!state_.paused) {
    pause(now);
    return;
  }
  state_.paused = false;
  state_.paused_total += now - paused_since_;
  active_since_ = now;
  segment_end_ = now + state_.segment_remaining;
  emit(RunEventKind::resumed);
}

void Runner::skip(Instant now) {
  leave_segment(now);
  ++state_.skipped;
  if (current().kind == SegmentKind::hold) ++state_.holds_skipped;
  emit(RunEventKind::skipped);
  next_segment(now);
}

void Runner::back(Instant now) {
  const bool twice = last_back_ && now - *last_back_ <= kDoubleBack;
  last_back_ = now;
  leave_segment(now);
  // Never back before where the run began: a run --from a step or resumed does not own the steps before.
  const std::size_t target =
      twice && state_.segment > state_.first_segment ? state_.segment - 1 : state_.segment;
  state_.segment = target;
  state_.segment_length = current().duration;  // so that `back` tells the time left from there
  state_.segment_remaining = state_.segment_length;
  emit(RunEventKind::back);
  enter_segment(target, now);
}

void Runner::add_time(Nanos delta, Instant now) {
  if (is_check()) return;
  sync(now);
  delta = std::max(delta, -state_.segment_remaining);  // a segment can shrink to what was done, not below
  delta = std::min(
      delta, std::chrono::duration_cast<Nanos>(kMaxDuration) - state_.segment_length);  // nor grow past a day
  state_.segment_length += delta;
  state_.segment_remaining += delta;
  state_.added += delta;
  segment_end_ += delta;
  emit(RunEventKind::time_added, 0, delta);
  if (state_.segment_remaining <= Nanos(0)) {
    leave_segment(now);
    ++state_.completed;
    next_segment(now);
  } else {
    last_shown_ = shown_seconds();
  }
}

void Runner::request_quit(Instant now) {
  sync(now);
  if (state_.active <= kQuitWithoutAsking) {
    finish(RunEnd::quit, now);
    return;
  }
  state_.confirming_quit = true;
  emit(RunEventKind::quit_asked);
}

}  // namespace psoas
