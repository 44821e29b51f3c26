#include "ui/run_summary.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "base/printable.hpp"
#include "model/duration.hpp"
#include "ui/describe.hpp"

namespace psoas {

std::string run_summary(const Routine& routine, const Timeline& timeline, const RunState& state,
                        const RunSummaryNotes& notes) {
  const std::string title = escape_line(routine.title);
  std::string line;
  if (state.end == RunEnd::finished) {
    line = fmt::format("{}: done in {} ({} planned, {} paused)", title, format_clock(state.active),
                       format_clock(timeline.remaining_from(state.first_segment)),
                       format_clock(state.paused_total));
    const std::size_t holds = timeline.holds_from(state.first_segment);
    if (state.holds_skipped > 0)
      line += fmt::format(", {} of {} skipped", state.holds_skipped, count_of(holds, "hold"));
    if (notes.session && notes.session->resumed == 0 && notes.session->outcome == SessionOutcome::partial)
      line += fmt::format("; partial: {} of {} held",
                          format_clock(std::chrono::duration_cast<Seconds>(notes.session->held())),
                          format_clock(std::chrono::duration_cast<Seconds>(notes.session->planned_hold)));
    if (notes.session && notes.session->resumed > 0)
      line += fmt::format("; {} in all with the earlier part, {}",
                          format_clock(std::chrono::duration_cast<Seconds>(notes.session->active)),
                          to_string(notes.session->outcome));
  } else if (!state.started) {
    line = fmt::format("{}: quit before starting", title);
  } else {
    const std::size_t step = timeline.segments[std::min(state.segment, timeline.segments.size() - 1)].step;
    const std::string how = state.end == RunEnd::quit ? "quit" : describe_stop(state.signal);
    line = fmt::format("{}: {} at step {} of {}, after {}", title, how, step + 1, timeline.steps.size(),
                       format_clock(state.active));
  }
  if (!notes.not_recorded.empty()) line += fmt::format(" (not recorded: {})", notes.not_recorded);
  line += '\n';
  if (!notes.resume_command.empty())
    line += fmt::format("To go on from there within a day: {}\n", notes.resume_command);
  return line;
}

}  // namespace psoas
