#pragma once

#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "model/routine.hpp"
#include "plan/timeline.hpp"
#include "run/events.hpp"
#include "term/frame.hpp"
#include "term/output.hpp"
#include "term/write_batch.hpp"
#include "ui/figure_drawing.hpp"

namespace psoas {

// Figures drawn in braille, kept from frame to frame: a figure is drawn once
// per segment and size, not once a second.
class FigureSketches {
 public:
  // The sketch of `step`'s figure for `side` in `columns` by `rows` cells;
  // nothing when the step has none.
  const std::vector<FrameLine>* sketch(const Step& step, Side side, std::size_t columns, std::size_t rows);
  // Whether a segment shows its figure at a size: `judge` says, the first time.
  bool shown(std::size_t segment, TerminalSize size, const std::function<bool()>& judge);
  [[nodiscard]] std::size_t drawn() const { return drawn_; }  // sketches made, for tests

 private:
  std::map<std::tuple<const Figure*, Side, std::size_t, std::size_t>, std::vector<FrameLine>> sketches_;
  std::map<std::tuple<std::size_t, int, int>, bool> shown_;
  std::size_t drawn_ = 0;
};

// A figure is drawn beside the countdown from this size up.
inline constexpr int kFigureColumns = 100;
inline constexpr int kFigureRows = 30;
// The figure may shrink the countdown, never below this scale (15 rows high).
inline constexpr int kReadableScale = 3;

// The screen of a run for a given moment and terminal size: before the
// start, the title, cautions and the equipment checklist; while running, the
// step, the side in big letters, a big countdown, the setup or cues, overall
// progress and what comes next. Pure: the same state gives the same frame.
// Without `keys`, the screen says so rather than list keys that do nothing.
// `notices` are warnings the person must see before the run (a missing voice):
// on the briefing, and in the footer for the run's first seconds.
// `sketches` keeps the figures drawn from one frame to the next.

Frame compose_run_frame(const Routine& routine, const Timeline& timeline, const RunState& state,
                        TerminalSize size, bool keys = true, const std::vector<std::string>& notices = {},
                        FigureSketches* sketches = nullptr);

// Draws the run on a terminal: a frame per change, written in one piece, and
// only the lines that changed. Events mark the screen dirty; it is drawn once
// the runner has settled.
class ScreenView final : public RunSink {
 public:
  ScreenView(const Routine& routine, const Timeline& timeline, WriteBatch& out, bool color, bool keys,
             std::vector<std::string> notices = {});

  void on_event(const RunEvent& event, const RunState& state) override;
  void on_settled(const RunState& state) override;

 private:
  const Routine& routine_;
  const Timeline& timeline_;
  WriteBatch& out_;
  bool keys_;
  std::vector<std::string> notices_;
  FramePainter painter_;
  FigureSketches sketches_;
  TerminalSize size_;
  bool dirty_ = true;
};

}  // namespace psoas
