#include "ui/plain_view.hpp"

#include <ostream>

#include <fmt/format.h>

#include "run/key_table.hpp"
#include "ui/describe.hpp"
#include "ui/text.hpp"

namespace psoas {

std::string format_elapsed(Seconds elapsed) {
  const long long total = elapsed.count();
  if (total >= 3600) return fmt::format("{}:{:02}:{:02}", total / 3600, total % 3600 / 60, total % 60);
  return fmt::format("{:02}:{:02}", total / 60, total % 60);
}

std::string describe_segment(const Timeline& timeline, std::size_t index) {
  const Segment& segment = timeline.segments[index];
  const Step& step = timeline.steps[segment.step].step;
  std::string text = step.name;
  if (segment.side != Side::none && segment.kind != SegmentKind::check)
    text += fmt::format(" · {}", side_words(segment.side, step));
  switch (segment.kind) {
    case SegmentKind::check:
      return text + " · check off";
    case SegmentKind::prepare:
      text += fmt::format(" · get ready {}", format_duration(segment.duration));
      break;
    case SegmentKind::hold:
      text += fmt::format(" · hold {}", format_duration(segment.duration));
      break;
    case SegmentKind::rest:
      text += fmt::format(" · rest {}", format_duration(segment.duration));
      break;
    case SegmentKind::switch_sides:
      text += fmt::format(" · switch sides {}", format_duration(segment.duration));
      break;
  }
  if (segment.reps > 1 && segment.kind == SegmentKind::hold)
    text += fmt::format(" (rep {} of {})", segment.rep, segment.reps);
  return text;
}

namespace {

// The line of an event that needs only a word, or null.
const char* word_for(RunEventKind kind) {
  switch (kind) {
    case RunEventKind::back:
      return "back";
    case RunEventKind::quit_asked:
      return "quit? y quits, any other key goes on";
    case RunEventKind::quit_cancelled:
      return "going on";
    case RunEventKind::paused:
      return "paused";
    case RunEventKind::resumed:
      return "resumed";
    case RunEventKind::skipped:
      return "skipped";
    case RunEventKind::finished:
      return "done";
    case RunEventKind::quit:
      return "quit";
    default:
      return nullptr;
  }
}

}  // namespace

PlainView::PlainView(const Routine& routine, const Timeline& timeline, std::ostream& out, bool keys)
    : routine_(routine), timeline_(timeline), out_(out), keys_(keys) {}

void PlainView::on_event(const RunEvent& event, const RunState& state) {
  const std::string at = format_elapsed(state.active);
  switch (event.kind) {
    case RunEventKind::started:
      out_ << fmt::format("{} · {} · {}\n", routine_.title, time_left_text(timeline_, state.first_segment),
                          count_of(timeline_.steps.size(), "step"));
      for (const std::string& caution : timeline_.cautions) out_ << fmt::format("! {}\n", one_line(caution));
      if (keys_) out_ << fmt::format("keys: {}\n", key_line(false));
      break;
    case RunEventKind::segment: {
      // Without keys to read, a checklist step passes at once.
      const bool check = timeline_.segments[event.segment].kind == SegmentKind::check;
      out_ << fmt::format("{}  {}{}\n", at, describe_segment(timeline_, event.segment),
                          !check  ? ""
                          : keys_ ? " (Enter when done)"
                                  : " (untimed: not waited for)");
      break;
    }
    case RunEventKind::checked:
      if (keys_) out_ << fmt::format("{}  ticked off\n", at);
      break;
    case RunEventKind::time_added:
      out_ << fmt::format("{}  {:+}s\n", at, std::chrono::duration_cast<Seconds>(event.delta).count());
      break;
    case RunEventKind::help:
      if (state.showing_help)
        for (const KeyBinding& binding : run_key_table())
          out_ << fmt::format("  {:<10} {}\n", binding.keys_text, binding.description);
      break;
    case RunEventKind::setup: {
      const Step& step = timeline_.steps[timeline_.segments[event.segment].step].step;
      for (const std::string& line : step.setup) out_ << fmt::format("  {}\n", one_line(line));
      if (step.setup.empty()) out_ << "  (this step has no setup)\n";
      break;
    }
    case RunEventKind::interrupted:
      out_ << fmt::format("{}  {}\n", at, describe_stop(state.signal));
      break;
    default:
      if (const char* word = word_for(event.kind)) out_ << fmt::format("{}  {}\n", at, word);
      break;
  }
  out_.flush();
}

}  // namespace psoas
