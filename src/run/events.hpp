#pragma once

#include <cstddef>
#include <vector>

#include "model/routine.hpp"
#include "plan/timeline.hpp"
#include "run/clock.hpp"

namespace psoas {

enum class RunPhase : unsigned char { briefing, running, finished };

// Why a run ended.
enum class RunEnd : unsigned char { none, finished, quit, interrupted };

// Everything a view needs to draw the run, at the moment of an event.
struct RunState {
  RunPhase phase = RunPhase::briefing;
  bool started = false;  // the first segment began (the briefing is over)
  RunEnd end = RunEnd::none;
  int signal = 0;  // for RunEnd::interrupted

  std::size_t segment = 0;        // the current segment
  std::size_t first_segment = 0;  // where the run began (--from)
  Nanos segment_length{0};        // its length, with time added or taken
  Nanos segment_remaining{0};     // for a timed segment
  bool paused = false;
  bool confirming_quit = false;
  bool showing_help = false;
  bool showing_setup = false;        // `i`: the setup is shown again, until the segment ends
  std::size_t equipment_ticked = 0;  // items ticked off before the start

  Instant started_at{};  // when the first segment began
  Nanos active{0};       // time run, pauses excluded
  Nanos paused_total{0};
  Nanos added{0};  // time added (+) or taken (-) so far
  std::size_t completed = 0;
  std::size_t skipped = 0;
  std::size_t holds_skipped = 0;
  Nanos held_left{0};
  Nanos held_right{0};
  Nanos held_unsided{0};
  Nanos last_held{0};  // how long the last hold left was held: at a quit, the one it stopped in

  // The whole routine's remaining time: this segment's and all those after it.
  [[nodiscard]] Nanos remaining(const Timeline& timeline) const;
};

enum class RunEventKind : unsigned char {
  briefing,   // the title, cautions and equipment are shown; something was ticked
  started,    // the first segment begins
  segment,    // a new segment begins (naturally, skipped to, or gone back to)
  tick,       // the displayed time changed
  countdown,  // 3, 2, 1 seconds left of a hold
  paused,
  resumed,
  skipped,     // the segment `segment` was skipped
  back,        // the current segment was restarted, or the previous one resumed
  time_added,  // `delta` was added to the segment (negative: taken)
  checked,     // a check segment was ticked off
  quit_asked,  // "quit? y/n"
  quit_cancelled,
  help,    // the key help was shown or hidden
  setup,   // `i`: the setup was shown again, or hidden
  redraw,  // the screen must be drawn again from scratch
  finished,
  quit,
  interrupted,
};

struct RunEvent {
  RunEventKind kind = RunEventKind::tick;
  std::size_t segment = 0;  // the segment the event is about
  Nanos delta{0};           // time_added
  int seconds_left = 0;     // countdown
};

// A view of the run: the screen, plain lines, sound, voice, a history recorder.
class RunSink {
 public:
  virtual ~RunSink() = default;
  virtual void on_event(const RunEvent& event, const RunState& state) = 0;
  // The runner has handled a call and its events: a view may draw now, once.
  virtual void on_settled(const RunState& /*state*/) {}
};

// Sends each event to several sinks, in order.
class SinkList final : public RunSink {
 public:
  void add(RunSink& sink) { sinks_.push_back(&sink); }
  void on_event(const RunEvent& event, const RunState& state) override {
    for (RunSink* sink : sinks_) sink->on_event(event, state);
  }
  void on_settled(const RunState& state) override {
    for (RunSink* sink : sinks_) sink->on_settled(state);
  }

 private:
  std::vector<RunSink*> sinks_;
};

}  // namespace psoas
