#include "ui/voice.hpp"

#include <signal.h>
#include <sys/wait.h>

#include <fmt/format.h>

#include "base/process.hpp"

namespace psoas {
Voice::Voice(const Timeline& timeline, std::string program)
    : timeline_(timeline), program_path_(find_program(program).value_or("")) {}

Voice::~Voice() {
  for (const pid_t pid : children_) {
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
  }
}

std::string Voice::phrase_for(const Timeline& timeline, std::size_t index) {
  const Segment& segment = timeline.segments[index];
  const PlannedStep& planned = timeline.steps[segment.step];
  const Step& step = planned.step;
  const std::string side = segment.side == Side::none ? ""
                           : step.side_label.empty()
                               ? fmt::format(", {} side", to_string(segment.side))
                               : fmt::format(", {} side, {}", to_string(segment.side), step.side_label);
  const bool first_of_step = index == planned.first_segment;
  switch (segment.kind) {
    case SegmentKind::prepare:
      return fmt::format("Get ready: {}{}.", step.name, side);
    case SegmentKind::hold: {
      std::string phrase =
          first_of_step ? fmt::format("{}{}. Hold.", step.name, side) : fmt::format("Hold{}.", side);
      if (segment.rep == 1)  // cues once per side, not at every rep
        for (const std::string& cue : step.cues) phrase += fmt::format(" {}.", cue);
      return phrase;
    }
    case SegmentKind::rest:
      return "Rest.";
    case SegmentKind::switch_sides:
      return fmt::format("Switch sides{}.", side);
    case SegmentKind::check:
      return fmt::format("{}. Press enter when done.", step.name);
  }
  return "";
}

void Voice::on_event(const RunEvent& event, const RunState& state) {
  reap();
  if (!available()) return;
  if (event.kind == RunEventKind::segment && state.phase == RunPhase::running) {
    say(phrase_for(timeline_, event.segment));
  } else if (event.kind == RunEventKind::finished) {
    say("Done. Well done.");
  }
}

void Voice::say(const std::string& text) {
  if (text.empty()) return;
  for (const pid_t pid : children_) ::kill(pid, SIGTERM);  // the timer has moved on

  if (const auto pid = spawn_process({program_path_, "--", text}, ChildStreams::silenced))
    children_.push_back(*pid);
}

void Voice::reap() {
  std::erase_if(children_, [](pid_t pid) { return ::waitpid(pid, nullptr, WNOHANG) != 0; });
}

}  // namespace psoas
