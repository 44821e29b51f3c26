#pragma once

#include <string>
#include <vector>

#include "model/routine.hpp"
#include "plan/timeline.hpp"
#include "run/events.hpp"
#include "term/frame.hpp"
#include "term/output.hpp"

namespace psoas {

// The screen of a run for a given moment and terminal size: before the
// start, the title, cautions and the equipment checklist; while running, the
// step, the side in big letters, a big countdown, the setup or cues, overall
// progress and what comes next. Pure: the same state gives the same frame.
// Without `keys`, the screen says so rather than list keys that do nothing.
// `notices` are warnings the person must see before the run (a missing voice):
// on the briefing, and in the footer for the run's first seconds.
Frame compose_run_frame(const Routine& routine, const Timeline& timeline, const RunState& state,
                        TerminalSize size, bool keys = true, const std::vector<std::string>& notices = {});

// Draws the run on a terminal: a frame per change, written in one piece, and
// only the lines that changed. Events mark the screen dirty; it is drawn once
// the runner has settled.
class ScreenView final : public RunSink {
 public:
  ScreenView(const Routine& routine, const Timeline& timeline, int fd, bool color, bool keys,
             std::vector<std::string> notices = {});

  void on_event(const RunEvent& event, const RunState& state) override;
  void on_settled(const RunState& state) override;

 private:
  const Routine& routine_;
  const Timeline& timeline_;
  int fd_;
  bool keys_;
  std::vector<std::string> notices_;
  FramePainter painter_;
  TerminalSize size_;
  bool dirty_ = true;
};

}  // namespace psoas
