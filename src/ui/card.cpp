#include "ui/card.hpp"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "ui/describe.hpp"
#include "ui/style.hpp"
#include "ui/text.hpp"

namespace psoas {
namespace {

// Whether the step begins a run of steps from another routine than the one
// before it, or the same routine used again, or a return to the routine's own.
bool starts_group(const Timeline& timeline, std::size_t index) {
  if (index == 0) return timeline.steps[0].depth > 0;
  return timeline.steps[index].group != timeline.steps[index - 1].group;
}

constexpr std::size_t kMinWidth = 40;

std::string total_text(const Timeline& timeline) {
  return time_left_text(timeline);
}

// The parts of a card, in the order every format lays them out.
struct CardParts {
  std::function<void()> header;
  std::function<void(std::size_t step, bool whole)> step;  // whole: with everything the card shows of it
  std::function<void()> notes;
  std::function<void(std::size_t step, bool first)>
      step_heading;  // a step's own card, for `card ROUTINE STEP`
};

// The whole card, or only the steps asked for, each under its own heading.
void lay_out(const std::vector<std::size_t>& only_steps, std::size_t step_count, const CardParts& parts) {
  if (only_steps.empty()) {
    parts.header();
    for (std::size_t i = 0; i < step_count; ++i) parts.step(i, true);
    parts.notes();
    return;
  }
  for (const std::size_t i : only_steps) {
    parts.step_heading(i, i == only_steps.front());
    parts.step(i, false);
  }
}

// What both text cards write with: lines of at most the card's width.
class TextWriter {
 protected:
  TextWriter(const Routine& routine, const Timeline& timeline, const CardOptions& options)
      : routine_(routine),
        timeline_(timeline),
        width_(std::max(options.width, kMinWidth)),
        style_(options.color) {}

  // Text wrapped after `first` (on the first line) and `rest` (on the others);
  // both may hold colour codes, so their widths are measured without them.
  void paragraph(std::string_view text, const std::string& first, const std::string& rest) {
    const std::size_t indent = visible_width(first);
    const auto lines = wrap(text, width_ - std::max(indent, visible_width(rest)));
    for (std::size_t i = 0; i < lines.size(); ++i) line((i == 0 ? first : rest) + lines[i]);
  }

  void line(std::string_view text) {
    out_ += text;
    out_ += '\n';
  }

  void blank() {
    if (!out_.empty() && !out_.ends_with("\n\n")) out_ += '\n';
  }

  const Routine& routine_;
  const Timeline& timeline_;
  std::size_t width_;
  Style style_;
  std::string out_;
};

class TextCard : private TextWriter {
 public:
  TextCard(const Routine& routine, const Timeline& timeline, const CardOptions& options)
      : TextWriter(routine, timeline, options) {}

  std::string render(const std::vector<std::size_t>& only_steps) {
    lay_out(
        only_steps, timeline_.steps.size(),
        {[&] { header(); }, [&](std::size_t i, bool whole) { step(i, whole); }, [&] { notes(); },
         [&](std::size_t i, bool first) {
           if (!first) line("");  // one card after another, each cut apart
           line(style_.dim(fmt::format("{} · step {} of {}", routine_.title, i + 1, timeline_.steps.size())));
         }});
    return std::move(out_);
  }

 private:
  void header() {
    const std::string total = fmt::format("total {}", total_text(timeline_));
    const auto title_lines = wrap(routine_.title, width_ - total.size() - 2);
    for (std::size_t i = 0; i < title_lines.size(); ++i) {
      const std::string& title = title_lines[i];
      if (i == 0) {
        line(style_.bold(title) + std::string(width_ - display_width(title) - total.size(), ' ') + total);
      } else {
        line(style_.bold(title));
      }
    }
    line(std::string(width_, '='));
    if (!routine_.summary.empty()) {
      paragraph(routine_.summary, "", "");
      blank();
    }
    facts();
    if (!routine_.often.empty()) paragraph(routine_.often, style_.dim("How often: "), "           ");
    blank();
    if (!timeline_.equipment.empty()) {
      line(style_.heading("Equipment"));
      for (const std::string& item : timeline_.equipment) paragraph(item, "  [ ] ", "      ");
    }
    blank();
    if (!timeline_.cautions.empty()) {
      line(style_.heading("Before you start"));
      for (const std::string& caution : timeline_.cautions)
        paragraph(caution, style_.warning("  ! "), "    ");
      blank();
    }
    line(style_.heading(fmt::format("Steps ({})", timeline_.steps.size())));
  }

  void facts() {
    std::size_t holds = 0;
    std::size_t checks = 0;
    for (const Segment& segment : timeline_.segments) {
      if (segment.kind == SegmentKind::hold) ++holds;
      if (segment.kind == SegmentKind::check) ++checks;
    }
    std::string facts =
        fmt::format("{} · {}", count_of(timeline_.steps.size(), "step"), count_of(holds, "hold"));
    if (checks > 0) facts += fmt::format(" · {} to tick off", checks);
    if (!routine_.tags.empty()) facts += fmt::format(" · tags: {}", fmt::join(routine_.tags, ", "));
    paragraph(facts, "", "");
  }

  void step(std::size_t index, bool with_group) {
    const PlannedStep& planned = timeline_.steps[index];
    if (with_group && starts_group(timeline_, index)) {
      blank();
      line(style_.dim(fmt::format("-- {} ({}) --", planned.routine_title, planned.routine)));
    }
    const Step& step = planned.step;
    const std::size_t number_width = fmt::format("{}", timeline_.steps.size()).size();
    const std::string number = fmt::format("{:>{}}", index + 1, number_width);
    const std::string lead = fmt::format("  {} [ ] ", number);
    const std::string indent(lead.size(), ' ');
    const std::string length =
        step.is_check() ? "until done" : format_duration(timeline_.step_duration(index));

    blank();
    const std::size_t name_room = width_ - lead.size() - length.size() - 2;
    const std::string name = truncate(step.name, name_room);
    line(fmt::format("  {} [ ] {}{}{}", style_.bold(number), style_.bold(name),
                     std::string(width_ - lead.size() - display_width(name) - length.size(), ' '), length));
    paragraph(describe_timing(step), indent, indent);
    if (!step.setup.empty()) {
      line(indent + style_.dim("Setup"));
      for (const std::string& item : step.setup) paragraph(item, indent + "- ", indent + "  ");
    }
    if (!step.cues.empty())
      paragraph(fmt::format("{}", fmt::join(step.cues, " · ")), indent + style_.dim("Cues: "),
                indent + "      ");
    if (!step.caution.empty()) paragraph(step.caution, indent + style_.warning("! "), indent + "  ");
    if (!step.source.empty())
      paragraph(step.source, indent + style_.dim("Source: "), indent + std::string(8, ' '));
  }

  // Where the numbers come from: the routine's notes, then each used routine's.
  void notes() {
    if (timeline_.notes.empty()) return;
    blank();
    line(style_.heading("Notes and sources"));
    for (const RoutineNotes& notes : timeline_.notes) {
      if (notes.routine != routine_.name) {
        blank();
        line(style_.dim(fmt::format("  {} ({})", notes.title, notes.routine)));
      }
      for (const std::string& note : notes.notes) paragraph(note, "  - ", "    ");
    }
  }
};

// Backslash-escapes the characters Markdown would read as formatting.
std::string markdown_escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

class MarkdownCard {
 public:
  MarkdownCard(const Routine& routine, const Timeline& timeline) : routine_(routine), timeline_(timeline) {}

  std::string render(const std::vector<std::size_t>& only_steps) {
    lay_out(only_steps, timeline_.steps.size(),
            {[&] { header(); }, [&](std::size_t i, bool whole) { step(i, whole); }, [&] { notes(); },
             [&](std::size_t i, bool) {
               out_ += fmt::format("*{} · step {} of {}*\n\n", markdown_escape(routine_.title), i + 1,
                                   timeline_.steps.size());
             }});
    return std::move(out_);
  }

 private:
  void header() {
    out_ += fmt::format("# {}\n\n", markdown_escape(routine_.title));
    out_ += fmt::format("**Total:** {} · **Steps:** {}", total_text(timeline_), timeline_.steps.size());
    if (!routine_.often.empty()) out_ += fmt::format(" · **How often:** {}", markdown_escape(routine_.often));
    if (!routine_.tags.empty())
      out_ +=
          fmt::format(" · **Tags:** {}", markdown_escape(fmt::format("{}", fmt::join(routine_.tags, ", "))));
    out_ += "\n\n";
    if (!routine_.summary.empty()) out_ += markdown_escape(routine_.summary) + "\n\n";
    if (!timeline_.equipment.empty()) {
      out_ += "## Equipment\n\n";
      for (const std::string& item : timeline_.equipment)
        out_ += fmt::format("- [ ] {}\n", markdown_escape(item));
      out_ += "\n";
    }
    if (!timeline_.cautions.empty()) {
      out_ += "## Before you start\n\n";
      for (const std::string& caution : timeline_.cautions)
        out_ += fmt::format("- {}\n", markdown_escape(caution));
      out_ += "\n";
    }
    out_ += "## Steps\n\n";
  }

  void step(std::size_t index, bool with_group) {
    const PlannedStep& planned = timeline_.steps[index];
    if (!out_.ends_with("\n\n")) out_ += "\n";
    if (with_group && starts_group(timeline_, index))
      out_ += fmt::format("*{} ({})*\n\n", markdown_escape(planned.routine_title), planned.routine);
    const Step& step = planned.step;
    const std::string length =
        step.is_check() ? "until done" : format_duration(timeline_.step_duration(index));
    out_ += fmt::format("- [ ] **{}. {}** ({}){}\n", index + 1, markdown_escape(step.name), length,
                        step.is_check() ? "" : ": " + describe_timing(step));
    for (const std::string& item : step.setup) out_ += fmt::format("  - {}\n", markdown_escape(item));
    if (!step.cues.empty())
      out_ +=
          fmt::format("  - *Cues:* {}\n", markdown_escape(fmt::format("{}", fmt::join(step.cues, " · "))));
    if (!step.caution.empty()) out_ += fmt::format("  - **Caution:** {}\n", markdown_escape(step.caution));
    if (!step.source.empty()) out_ += fmt::format("  - *Source:* {}\n", markdown_escape(step.source));
  }

  void notes() {
    if (timeline_.notes.empty()) return;
    out_ += "\n## Notes and sources\n\n";
    for (const RoutineNotes& notes : timeline_.notes) {
      if (notes.routine != routine_.name)
        out_ += fmt::format("*{} ({})*\n\n", markdown_escape(notes.title), notes.routine);
      for (const std::string& note : notes.notes) out_ += fmt::format("- {}\n", markdown_escape(note));
      out_ += "\n";
    }
  }

  const Routine& routine_;
  const Timeline& timeline_;
  std::string out_;
};

// One line per step: a page a person can follow on the wall at 80 columns.
// A cue cut shorter than this reads as nothing: it gets a line of its own.
constexpr std::size_t kShortestCue = 20;

class CompactCard : private TextWriter {
 public:
  CompactCard(const Routine& routine, const Timeline& timeline, const CardOptions& options)
      : TextWriter(routine, timeline, options) {}

  std::string render(const std::vector<std::size_t>& only_steps) {
    std::string head = fmt::format("{} · {}", routine_.title, total_text(timeline_));
    if (!routine_.often.empty()) head += fmt::format(" · {}", routine_.often);
    line(style_.bold(truncate(head, width_)));
    if (!timeline_.equipment.empty())
      paragraph(fmt::format("{}", fmt::join(timeline_.equipment, ", ")), style_.dim("Have at hand: "), "  ");
    for (const std::string& caution : timeline_.cautions) paragraph(caution, style_.warning("! "), "  ");
    out_ += '\n';
    std::vector<std::size_t> steps = only_steps;
    if (steps.empty())
      for (std::size_t i = 0; i < timeline_.steps.size(); ++i) steps.push_back(i);
    std::size_t name_width = 0;
    std::size_t sides_width = 0;
    std::size_t timing_width = 0;
    for (const std::size_t i : steps) {
      name_width = std::max(name_width, display_width(timeline_.steps[i].step.name));
      sides_width = std::max(sides_width, display_width(sides_of(timeline_.steps[i].step)));
      timing_width = std::max(timing_width, display_width(hold_and_reps(timeline_.steps[i].step)));
    }
    const std::size_t number_width = fmt::format("{}", timeline_.steps.size()).size();
    // The name gives way first when the line is too narrow for the cue to
    // start, but never below what reads as a name; the cue then gives way.
    const std::size_t fixed = number_width + 5 + sides_width + 2 + timing_width + 2;
    name_width =
        std::min(name_width, std::max<std::size_t>(width_ > fixed + 20 ? width_ - fixed - 20 : 0, 16));
    for (const std::size_t i : steps) {
      const Step& step = timeline_.steps[i].step;
      std::string text =
          fmt::format("{:>{}} [ ] {}  {}  {}", i + 1, number_width,
                      pad_right(truncate(step.name, name_width), name_width),
                      pad_right(sides_of(step), sides_width), pad_right(hold_and_reps(step), timing_width));
      const std::string cue =
          step.cues.empty() ? (step.setup.empty() ? "" : step.setup.front()) : step.cues.front();
      // The cue goes on the step's line when it fits there, or enough of it to
      // read; else on a line of its own under the name.
      const std::size_t used = display_width(text);
      const std::size_t room = used + 2 < width_ ? width_ - used - 2 : 0;
      const auto trimmed = [](std::string shown) {
        while (shown.ends_with(' ')) shown.pop_back();
        return shown;
      };
      if (cue.empty()) {
        line(trimmed(text));
      } else if (display_width(one_line(cue)) <= room || room >= kShortestCue) {
        line(text + "  " + truncate(one_line(cue), room));
      } else {
        line(trimmed(text));
        const std::size_t indent = number_width + 5;
        line(std::string(indent, ' ') + truncate(one_line(cue), width_ > indent ? width_ - indent : 1));
      }
    }
    return std::move(out_);
  }

 private:
  static std::string sides_of(const Step& step) {
    const std::string sides = describe_sides(step);
    return sides.empty() ? "-" : sides;
  }
};

}  // namespace

std::string render_card(const Routine& routine, const Timeline& timeline, const CardOptions& options) {
  if (options.format == CardFormat::markdown)
    return MarkdownCard(routine, timeline).render(options.only_steps);
  if (options.compact) return CompactCard(routine, timeline, options).render(options.only_steps);
  return TextCard(routine, timeline, options).render(options.only_steps);
}

}  // namespace psoas
