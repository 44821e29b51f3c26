#pragma once

#include <cstddef>
#include <optional>

#include "model/routine.hpp"
#include "plan/timeline.hpp"
#include "run/clock.hpp"
#include "run/events.hpp"
#include "run/input.hpp"

namespace psoas {

struct RunnerOptions {
  std::size_t first_segment = 0;  // --from
  bool briefing = true;           // show title, cautions and equipment, and wait for Enter
  bool interactive = true;        // keys can arrive; without them check segments pass at once
};

// Seconds of time that + and - add and take.
inline constexpr Nanos kTimeStep = std::chrono::seconds(10);
// Two presses of `back` this close together go back a segment.
inline constexpr Nanos kDoubleBack = std::chrono::seconds(2);
// After this much time, `q` asks before quitting.
inline constexpr Nanos kQuitWithoutAsking = std::chrono::seconds(10);

// The run's state machine over a timeline. It owns no clock and no terminal:
// every call says what time it is, and every change goes out as an event to
// the sink. Deadlines are absolute, and each segment's end is the previous
// one's end plus its length, so lateness in waking never accumulates.
class Runner {
 public:
  Runner(const Timeline& timeline, RunnerOptions options, RunSink& sink);

  // Shows the briefing, or starts the first segment.
  void start(Instant now);
  void on_input(const InputEvent& event, Instant now);
  // Handles every deadline up to `now`.
  void advance(Instant now);
  // When something next changes without input: a segment's end, or the next
  // second shown. None while paused, waiting on a check, or finished.
  [[nodiscard]] std::optional<Instant> next_deadline() const;

  [[nodiscard]] bool done() const { return state_.phase == RunPhase::finished; }
  [[nodiscard]] const RunState& state() const { return state_; }
  [[nodiscard]] const Timeline& timeline() const { return timeline_; }

 private:
  [[nodiscard]] const Segment& current() const { return timeline_.segments[state_.segment]; }
  [[nodiscard]] bool is_check() const { return current().kind == SegmentKind::check; }
  [[nodiscard]] bool counting() const;

  void handle_deadlines(Instant now);
  void handle_input(const InputEvent& event, Instant now);
  void on_key(const Key& key, Instant now);
  void on_briefing_key(const Key& key, Instant now);
  void begin(Instant now);
  void emit(RunEventKind kind, int seconds_left = 0, Nanos delta = Nanos(0));
  void sync(Instant now);
  // Starts segment `index`, its timed part ending at `start` plus its length.
  void enter_segment(std::size_t index, Instant start);
  // Leaves the current segment, counting the time held.
  void leave_segment(Instant now);
  void next_segment(Instant start);
  void finish(RunEnd end, Instant now, int signal = 0);
  void toggle_pause(Instant now);
  // Ticks off the checklist step in progress.
  void tick(Instant now);
  void pause(Instant now);
  void skip(Instant now);
  void back(Instant now);
  void add_time(Nanos delta, Instant now);
  void request_quit(Instant now);
  void tick_if_changed();
  [[nodiscard]] long long shown_seconds() const;

  const Timeline& timeline_;
  RunnerOptions options_;
  RunSink& sink_;
  RunState state_;

  Instant segment_end_{};   // while counting a timed segment
  Instant active_since_{};  // while running and not paused
  Nanos active_before_{0};  // active time up to active_since_
  Instant paused_since_{};
  std::optional<Instant> last_back_;
  bool paused_for_help_ = false;
  long long last_shown_ = -1;  // the seconds last shown, to tick only on a change
};

}  // namespace psoas
