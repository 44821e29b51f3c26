#include "ui/run_screen.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "model/duration.hpp"
#include "run/key_table.hpp"
#include "ui/big_text.hpp"
#include "ui/canvas.hpp"
#include "ui/describe.hpp"
#include "ui/text.hpp"

namespace psoas {
namespace {

// A notice stays in the footer for the run's first seconds.
constexpr Nanos kNoticeTime = std::chrono::seconds(10);

constexpr Attributes kPlain{};
constexpr Attributes kBold = Attributes::bold_in(Color::none);
constexpr Attributes kDim{.color = Color::none, .bold = false, .dim = true, .reverse = false};
constexpr Attributes kWarning = Attributes::bold_in(Color::yellow);
constexpr Attributes kAlert{.color = Color::yellow, .bold = true, .dim = false, .reverse = true};

Attributes kind_attributes(SegmentKind kind) {
  switch (kind) {
    case SegmentKind::hold:
      return Attributes::bold_in(Color::green);
    case SegmentKind::prepare:
      return Attributes::bold_in(Color::cyan);
    case SegmentKind::rest:
      return Attributes::bold_in(Color::blue);
    case SegmentKind::switch_sides:
      return Attributes::bold_in(Color::yellow);
    case SegmentKind::check:
      return Attributes::bold_in(Color::magenta);
  }
  return kBold;
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// What the big countdown shows: seconds alone under a minute, else a clock.
std::string countdown_text(Nanos remaining) {
  const long long seconds = seconds_shown(remaining);
  if (seconds < 60) return fmt::format("{}", seconds);
  return format_clock(Seconds(seconds));
}

// Time left counts up, as the countdown does, so that elapsed + left adds up to the total.
std::string left_clock_of(Nanos duration) {
  return format_clock(Seconds(seconds_shown(duration)));
}

class RunFrame {
 public:
  RunFrame(const Routine& routine, const Timeline& timeline, const RunState& state, TerminalSize size,
           bool keys, const std::vector<std::string>& notices, FigureSketches& sketches)
      : routine_(routine),
        timeline_(timeline),
        state_(state),
        size_(size),
        canvas_(size),
        keys_(keys),
        notices_(notices),
        sketches_(sketches) {}

  Frame compose() {
    if (state_.phase == RunPhase::briefing) return briefing();
    return running();
  }

 private:
  // Cautions are never left out without saying so: the summary, the blank
  // lines and then the equipment's own lines give way first.
  Frame briefing() {
    const std::size_t width = canvas_.width();
    const int rows = canvas_.rows_left();
    const std::string total = fmt::format("{} · {}", time_left_text(timeline_, state_.segment),
                                          count_of(timeline_.steps.size(), "step"));
    // Each caution as its wrapped lines, kept together.
    std::vector<std::vector<std::string>> cautions;
    std::size_t caution_rows = 0;
    for (const std::string& caution : timeline_.cautions) {
      auto lines = wrap(caution, width > 8 ? width - 4 : 4);
      for (std::size_t i = 0; i < lines.size(); ++i) lines[i] = (i == 0 ? "  ! " : "    ") + lines[i];
      caution_rows += lines.size();
      cautions.push_back(std::move(lines));
    }
    std::string ticks;
    for (std::size_t i = 0; i < timeline_.equipment.size(); ++i)
      ticks += fmt::format("{}[{}] {}", i ? "  " : "", i < state_.equipment_ticked ? 'x' : ' ',
                           timeline_.equipment[i]);
    const auto compact = wrap("Have at hand: " + ticks, width);
    const bool has_equipment = !timeline_.equipment.empty();
    const auto summary = wrap(routine_.summary, width);
    const int needed = 2 + static_cast<int>(caution_rows) + static_cast<int>(notices_.size()) +
                       1;  // title, heading, cautions, notices, prompt
    const int full_equipment = has_equipment ? static_cast<int>(timeline_.equipment.size()) + 1 : 0;
    const bool roomy = needed + full_equipment + 3 + static_cast<int>(summary.size()) + 1 <= rows;
    const bool compact_equipment = needed + full_equipment > rows;
    const int equipment_rows = !has_equipment      ? 0
                               : compact_equipment ? static_cast<int>(compact.size())
                                                   : full_equipment;

    canvas_.split({{routine_.title, kBold}}, {{total, kDim}});
    for (const std::string& notice : notices_) canvas_.text(truncate(notice, width), kAlert);
    if (roomy) {
      canvas_.blank();
      if (!summary.empty()) {
        for (const std::string& line : summary) canvas_.text(line);
        canvas_.blank();
      }
    }
    if (!cautions.empty()) {
      canvas_.text("Before you start", kBold);
      int room = rows - static_cast<int>(canvas_.line_count()) - 1 - equipment_rows;
      const bool all_fit = static_cast<int>(caution_rows) <= room;
      if (!all_fit) --room;  // for the line that says some are missing
      for (const auto& caution : cautions) {
        if (!all_fit && static_cast<int>(caution.size()) > room) break;
        for (const std::string& line : caution) canvas_.text(line, kWarning);
        room -= static_cast<int>(caution.size());
      }
      if (!all_fit)
        canvas_.text(truncate(fmt::format("  ! …and more: psoas card {}", routine_.name), width), kAlert);
      if (roomy) canvas_.blank();
    }
    if (has_equipment) {
      if (compact_equipment) {
        for (const std::string& line : compact) canvas_.text(line);
      } else {
        canvas_.text("Have at hand", kBold);
        for (std::size_t i = 0; i < timeline_.equipment.size(); ++i) {
          const bool ticked = i < state_.equipment_ticked;
          const Attributes attributes = ticked ? kDim : i == state_.equipment_ticked ? kBold : kPlain;
          canvas_.line({{ticked ? "  [x] " : "  [ ] ", attributes}, {timeline_.equipment[i], attributes}});
        }
      }
      if (roomy) canvas_.blank();
    }
    const bool all_ticked = state_.equipment_ticked >= timeline_.equipment.size();
    const bool narrow = canvas_.width() < 44;  // the longer prompt's width
    canvas_.text(all_ticked ? (narrow ? "Enter starts · q quits" : "Press Enter to start.  q quits.")
                            : (narrow ? "Enter ticks an item · q quits"
                                      : "Press Enter to tick off each item.  q quits."),
                 Attributes::bold_in(Color::green));
    return canvas_.finish(fmt::format("psoas · {}", routine_.title));
  }

  Frame running() {
    const Segment& segment = timeline_.segments[state_.segment];
    const Step& step = timeline_.steps[segment.step].step;
    const bool sided = segment.side != Side::none && segment.kind != SegmentKind::check;

    // Header: the step and where it stands.
    canvas_.split({{step.name, kBold}},
                  {{fmt::format("step {} of {}", segment.step + 1, timeline_.steps.size()), kDim}});
    FrameLine label = {{upper(segment_label(segment.kind)), kind_attributes(segment.kind)}};
    if (sided)
      label.push_back({step.side_label.empty()
                           ? fmt::format("  {} side", to_string(segment.side))
                           : fmt::format("  {} side · {}", to_string(segment.side), step.side_label),
                       kBold});
    FrameLine reps;
    if (segment.reps > 1 && segment.kind != SegmentKind::check)
      reps.push_back({fmt::format("{}rep {} of {}", segment.kind == SegmentKind::hold ? "" : "next: ",
                                  segment.rep, segment.reps),
                      kPlain});
    canvas_.split(std::move(label), std::move(reps));

    constexpr int kBottomRows = 4;  // a blank, progress, next, keys
    const int rows = canvas_.rows_left() - kBottomRows;
    if (state_.showing_help) {
      help(rows);
    } else if (figure_beside(segment, step, sided, rows)) {
      // The figure at the left, the rest beside it.
    } else if (segment.kind == SegmentKind::check) {
      check_middle(step, rows);
    } else {
      timed_middle(segment, step, sided, rows);
    }
    while (canvas_.rows_left() > kBottomRows - 1) canvas_.blank();
    progress();
    next_up();
    keys(segment);
    return canvas_.finish(title(segment, step));
  }

  // On a large screen, the step's figure at the left of the countdown and the
  // words, when it leaves the countdown at least readable from two metres.
  bool figure_beside(const Segment& segment, const Step& step, bool sided, int rows) {
    const std::size_t width = canvas_.width();
    if (width < static_cast<std::size_t>(kFigureColumns) || size_.rows < kFigureRows || rows < 8)
      return false;
    const bool check = segment.kind == SegmentKind::check;
    const std::size_t figure_width = std::clamp<std::size_t>(width * 2 / 5, 30, 64);
    const std::size_t middle_width = width - figure_width - 2;
    const auto* sketch = sketches_.sketch(step, check ? Side::none : segment.side, figure_width,
                                          static_cast<std::size_t>(rows));
    if (!sketch) return false;
    // Judged once per segment, with its whole length on the countdown.
    const bool shown = sketches_.shown(state_.segment, size_, [&] {
      return check || countdown_scale(segment, step, sided, rows, middle_width) >=
                          std::min(countdown_scale(segment, step, sided, rows, width), kReadableScale);
    });
    if (!shown) return false;
    Canvas middle({static_cast<int>(middle_width), rows});
    std::swap(canvas_, middle);
    if (check) {
      check_middle(step, rows);
    } else {
      timed_middle(segment, step, sided, rows);
    }
    std::swap(canvas_, middle);
    std::vector<FrameLine> lines = middle.take_lines();
    lines.resize(static_cast<std::size_t>(rows));
    for (std::size_t i = 0; i < lines.size(); ++i) {
      FrameLine line = (*sketch)[i];
      line.push_back({"  ", kPlain});
      line.insert(line.end(), std::make_move_iterator(lines[i].begin()),
                  std::make_move_iterator(lines[i].end()));
      canvas_.line(std::move(line));
    }
    return true;
  }

  // The scale the countdown takes at `width`, showing the segment's whole length.
  int countdown_scale(const Segment& segment, const Step& step, bool sided, int rows, std::size_t width) {
    Canvas probe({static_cast<int>(width), rows});
    std::swap(canvas_, probe);
    probing_ = true;
    timed_middle(segment, step, sided, rows);
    probing_ = false;
    std::swap(canvas_, probe);
    return scale_;
  }

  // Which words a hold shows: the setup at its start (or on `i`), then the cues.
  enum class HoldWords : unsigned char { setup, cues, both };

  // The words shown with a segment: how to get into position, the cues, the
  // step's caution.
  std::vector<std::string> info_lines(SegmentKind kind, const Segment& segment, const Step& step,
                                      HoldWords hold_words = HoldWords::cues) const {
    std::vector<std::string> paragraphs;
    const bool setup_asked = state_.showing_setup && !step.setup.empty();
    if (kind == SegmentKind::rest && setup_asked) kind = SegmentKind::prepare;
    if (kind == SegmentKind::hold && setup_asked && hold_words == HoldWords::cues)
      hold_words = HoldWords::setup;
    switch (kind) {
      case SegmentKind::switch_sides:
        paragraphs.push_back(
            step.side_label.empty()
                ? fmt::format("Change to the {} side.", to_string(segment.side))
                : fmt::format("Change to the {} side ({}).", to_string(segment.side), step.side_label));
        [[fallthrough]];
      case SegmentKind::prepare:
      case SegmentKind::check:
        paragraphs.insert(paragraphs.end(), step.setup.begin(), step.setup.end());
        break;
      case SegmentKind::hold:
        if (hold_words != HoldWords::cues)
          paragraphs.insert(paragraphs.end(), step.setup.begin(), step.setup.end());
        break;
      case SegmentKind::rest:
        paragraphs.push_back(fmt::format("Rest. Then rep {} of {}.", segment.rep, segment.reps));
        break;
    }
    const bool with_cues =
        kind == SegmentKind::check || (kind == SegmentKind::hold && hold_words != HoldWords::setup);
    if (with_cues && !step.cues.empty()) paragraphs.push_back(fmt::format("{}", fmt::join(step.cues, " · ")));
    if (!step.caution.empty() && kind != SegmentKind::rest) paragraphs.push_back("! " + step.caution);
    std::vector<std::string> lines;
    const std::size_t width = canvas_.width() > 4 ? canvas_.width() - 2 : canvas_.width();
    for (const std::string& paragraph : paragraphs)
      for (std::string& line : wrap(paragraph, width)) lines.push_back(std::move(line));
    return lines;
  }

  // Up to `rows` info lines as one block centred on the screen; the last line
  // shown ends in "…" when some are left out.
  void info_block(std::vector<std::string> lines, int rows) {
    if (rows <= 0 || lines.empty()) return;
    if (static_cast<int>(lines.size()) > rows) {
      lines.resize(static_cast<std::size_t>(rows));
      lines.back() = truncate(lines.back() + " …", canvas_.width() > 2 ? canvas_.width() - 2 : 1);
    }
    std::size_t block = 0;
    for (const std::string& line : lines) block = std::max(block, display_width(line));
    const std::string pad(block < canvas_.width() ? (canvas_.width() - block) / 2 : 0, ' ');
    for (const std::string& line : lines)
      canvas_.line({{pad, kPlain}, {line, line.starts_with("! ") ? kWarning : kPlain}});
  }

  void check_middle(const Step& step, int rows) {
    std::vector<std::string> lines = info_lines(SegmentKind::check, timeline_.segments[state_.segment], step);
    const int shown = std::min(static_cast<int>(lines.size()), rows - 3);
    canvas_.insert_blanks(canvas_.line_count(), std::max(0, (rows - shown - 2) / 2));
    info_block(std::move(lines), shown);
    canvas_.blank();
    canvas_.centered({keys_ ? "When you are done, press Enter." : "Do this now."},
                     kind_attributes(SegmentKind::check));
  }

  // The big side and countdown above the words. The countdown's size is
  // chosen for the words of the whole step, so it keeps its size through it.
  void timed_middle(const Segment& segment, const Step& step, bool sided, int rows) {
    std::size_t most_words = 0;
    for (const SegmentKind kind : {SegmentKind::prepare, SegmentKind::switch_sides})
      most_words = std::max(most_words, info_lines(kind, segment, step).size());
    for (const HoldWords words : {HoldWords::setup, HoldWords::cues})
      most_words = std::max(most_words, info_lines(SegmentKind::hold, segment, step, words).size());
    // The words may take all but what the smallest big countdown needs; on a
    // screen too small for both, a few lines of words win over big digits, so
    // that the setup is never lost.
    const int some_words = std::min({static_cast<int>(most_words), 3, std::max(rows - 2, 0)});
    const int word_budget =
        std::max(some_words, std::min(static_cast<int>(most_words), rows - big_text_height(1) - 2));
    const std::size_t middle_start = canvas_.line_count();
    big_middle(segment, sided, rows - word_budget - 1);
    const int used = static_cast<int>(canvas_.line_count() - middle_start);
    // A hold shows its setup and cues together when there is room, else the
    // setup for its first seconds and the cues after.
    std::vector<std::string> info = info_lines(segment.kind, segment, step, HoldWords::both);
    if (segment.kind == SegmentKind::hold && static_cast<int>(info.size()) > rows - used - 1) {
      const Nanos elapsed = state_.segment_length - state_.segment_remaining;
      const bool starting = elapsed < std::chrono::duration_cast<Nanos>(setup_time_in_hold(segment.duration));
      info = info_lines(segment.kind, segment, step, starting ? HoldWords::setup : HoldWords::cues);
    }
    const int shown = std::min(static_cast<int>(info.size()), rows - used - 1);
    const int spare = rows - used - std::max(shown, 0) - 1;
    canvas_.insert_blanks(middle_start, spare / 2);  // centred between header and bottom
    canvas_.blank();
    info_block(info, shown);
  }

  void big_middle(const Segment& segment, bool sided, int rows) {
    const std::size_t width = canvas_.width();
    const std::string count = countdown_text(probing_ ? std::chrono::duration_cast<Nanos>(segment.duration)
                                                      : state_.segment_remaining);
    scale_ = 0;
    // While paused, the big word above the countdown says so.
    const std::string side = state_.paused ? "PAUSED" : upper(to_string(segment.side));
    sided = sided || state_.paused;
    const Attributes count_attributes = state_.paused ? kDim : kind_attributes(segment.kind);
    // The largest countdown that fits with the side above it; failing that,
    // the largest that fits alone.
    for (const bool with_side : {sided, false}) {
      const int side_rows = with_side ? big_text_height(1) + 1 : 0;
      if (with_side && big_text_width(side, 1) > width) continue;
      for (int scale = 4; scale >= 1; --scale) {
        if (big_text_width(count, scale) > width || big_text_height(scale) + side_rows > rows) continue;
        if (with_side) {
          canvas_.centered(big_text(side, 1), state_.paused ? kWarning : kBold);
          canvas_.blank();
        }
        canvas_.centered(big_text(count, scale), count_attributes);
        scale_ = scale;
        return;
      }
    }
    // Too small for big digits: plain text.
    canvas_.centered({fmt::format("{}  {}", sided ? side : std::string(), count)}, count_attributes);
  }

  void help(int rows) {
    const auto& table = run_key_table();
    canvas_.blank();
    canvas_.text("Keys (any key closes this)", kBold);
    for (std::size_t i = 0; i < table.size() && static_cast<int>(i) + 2 < rows; ++i)
      canvas_.line({{pad_right(fmt::format("  {}", table[i].keys_text), 12), kBold},
                    {std::string(table[i].description), kPlain}});
  }

  void progress() {
    const Nanos total = std::chrono::duration_cast<Nanos>(timeline_.total) + state_.added;
    const Nanos remaining = state_.remaining(timeline_);
    std::string times =
        fmt::format("  {} elapsed · {} left", format_clock(state_.active), left_clock_of(remaining));
    // A narrow screen keeps what matters most, the time left, whole.
    if (canvas_.width() < display_width(times) + 10)
      times = fmt::format(" {} left", left_clock_of(remaining));
    const std::size_t times_width = display_width(times);
    const std::size_t bar_width = canvas_.width() > times_width + 1 ? canvas_.width() - times_width - 1 : 0;
    const double done =
        total.count() > 0 ? 1.0 - static_cast<double>(remaining.count()) / static_cast<double>(total.count())
                          : 1.0;
    const auto filled = static_cast<std::size_t>(std::clamp(done, 0.0, 1.0) * static_cast<double>(bar_width));
    std::string full, empty;
    for (std::size_t i = 0; i < filled; ++i) full += "█";
    for (std::size_t i = filled; i < bar_width; ++i) empty += "░";
    canvas_.line({{full, Attributes::in(Color::green)}, {empty, kDim}, {times, kPlain}});
  }

  void next_up() {
    const std::size_t next = state_.segment + 1;
    if (next >= timeline_.segments.size()) {
      canvas_.text("Next: the end", kDim);
      return;
    }
    const Segment& segment = timeline_.segments[next];
    const Step& step = timeline_.steps[segment.step].step;
    std::string text = fmt::format("Next: {}", step.name);
    if (segment.side != Side::none && segment.kind != SegmentKind::check)
      text += fmt::format(" · {}", side_words(segment.side, step));
    text += fmt::format(" · {}", kind_phrase(segment.kind));
    if (segment.kind != SegmentKind::check) text += fmt::format(" {}", format_duration(segment.duration));
    canvas_.text(truncate(text, canvas_.width()), kDim);
  }

  void keys(const Segment& segment) {
    std::string text = key_line(segment.kind == SegmentKind::check);
    if (!keys_) text = "no keys: standard input is not a terminal · Ctrl-C stops";
    if (!notices_.empty() && state_.active < kNoticeTime) {
      canvas_.text(truncate(notices_.front(), canvas_.width()), kAlert);
    } else if (keys_ && state_.paused) {
      canvas_.text(" PAUSED  space to resume ", kAlert);
    } else if (keys_ && state_.confirming_quit) {
      canvas_.text(" Quit?  y = yes, any other key = keep going ", kAlert);
    } else {
      canvas_.text(truncate(text, canvas_.width()), kDim);
    }
  }

  std::string title(const Segment& segment, const Step& step) const {
    const std::string count = segment.kind == SegmentKind::check
                                  ? "check"
                                  : format_clock(Seconds(seconds_shown(state_.segment_remaining)));
    return fmt::format("{}{} {} · {} left · psoas", state_.paused ? "paused " : "", count, step.name,
                       left_clock_of(state_.remaining(timeline_)));
  }

  const Routine& routine_;
  const Timeline& timeline_;
  const RunState& state_;
  TerminalSize size_;
  Canvas canvas_;
  bool keys_;
  const std::vector<std::string>& notices_;
  FigureSketches& sketches_;
  bool probing_ = false;  // measuring the countdown: its whole length, not what is left
  int scale_ = 0;         // the big countdown's scale last drawn; 0 for plain text
};

}  // namespace

const std::vector<FrameLine>* FigureSketches::sketch(const Step& step, Side side, std::size_t columns,
                                                     std::size_t rows) {
  const Figure* chosen = step.figure.loaded_for(side);
  if (!chosen) return nullptr;
  const auto key = std::make_tuple(chosen, side, columns, rows);
  if (const auto found = sketches_.find(key); found != sketches_.end()) return &found->second;
  ++drawn_;
  auto sketch = braille_sketch(draw_figure(for_side(*chosen, side)), columns, rows);
  return &sketches_.emplace(key, std::move(sketch)).first->second;
}

bool FigureSketches::shown(std::size_t segment, TerminalSize size, const std::function<bool()>& judge) {
  const auto key = std::make_tuple(segment, size.columns, size.rows);
  if (const auto found = shown_.find(key); found != shown_.end()) return found->second;
  return shown_.emplace(key, judge()).first->second;
}

Frame compose_run_frame(const Routine& routine, const Timeline& timeline, const RunState& state,
                        TerminalSize size, bool keys, const std::vector<std::string>& notices,
                        FigureSketches* sketches) {
  FigureSketches own;
  return RunFrame(routine, timeline, state, size, keys, notices, sketches ? *sketches : own).compose();
}

ScreenView::ScreenView(const Routine& routine, const Timeline& timeline, WriteBatch& out, bool color,
                       bool keys, std::vector<std::string> notices)
    : routine_(routine),
      timeline_(timeline),
      out_(out),
      keys_(keys),
      notices_(std::move(notices)),
      painter_(color),
      size_(terminal_size(out.fd()).value_or(TerminalSize{})) {}

void ScreenView::on_event(const RunEvent& event, const RunState&) {
  if (event.kind == RunEventKind::countdown) return;  // a sound, not a picture
  if (event.kind == RunEventKind::redraw) {
    size_ = terminal_size(out_.fd()).value_or(size_);
    painter_.invalidate();
  }
  dirty_ = true;
}

void ScreenView::on_settled(const RunState& state) {
  if (dirty_ && state.phase != RunPhase::finished) {
    dirty_ = false;
    out_.add(painter_.paint(compose_run_frame(routine_, timeline_, state, size_, keys_, notices_, &sketches_),
                            size_));
  }
  out_.flush();  // with a bell rung at this moment, if there is one
}

}  // namespace psoas
