#include "ui/run_screen.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "term/terminal.hpp"
#include "ui/big_text.hpp"
#include "ui/describe.hpp"
#include "ui/text.hpp"

namespace psoas {
namespace {

constexpr Attributes kPlain{};
constexpr Attributes kBold{Color::none, true};
constexpr Attributes kDim{Color::none, false, true};
constexpr Attributes kWarning{Color::yellow, true};
constexpr Attributes kAlert{Color::yellow, true, false, true};

Attributes kind_attributes(SegmentKind kind) {
  switch (kind) {
    case SegmentKind::hold:
      return {Color::green, true};
    case SegmentKind::prepare:
      return {Color::cyan, true};
    case SegmentKind::rest:
      return {Color::blue, true};
    case SegmentKind::switch_sides:
      return {Color::yellow, true};
    case SegmentKind::check:
      return {Color::magenta, true};
  }
  return kBold;
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

long long ceil_seconds(Nanos duration) {
  constexpr long long kSecond = 1'000'000'000;
  return duration.count() <= 0 ? 0 : (duration.count() + kSecond - 1) / kSecond;
}

// What the big countdown shows: seconds alone under a minute, else a clock.
std::string countdown_text(Nanos remaining) {
  const long long seconds = ceil_seconds(remaining);
  if (seconds < 60) return fmt::format("{}", seconds);
  return format_clock(Seconds(seconds));
}

std::string clock_of(Nanos duration) {
  return format_clock(std::chrono::duration_cast<Seconds>(duration));
}

// Builds a frame line by line, each cut to the width.
class Canvas {
 public:
  explicit Canvas(TerminalSize size) : size_(size), width_(static_cast<std::size_t>(size.columns)) {}

  [[nodiscard]] std::size_t width() const { return width_; }
  [[nodiscard]] int rows_left() const { return size_.rows - static_cast<int>(lines_.size()); }

  [[nodiscard]] std::size_t line_count() const { return lines_.size(); }
  void blank() { lines_.emplace_back(); }
  void insert_blanks(std::size_t at, int count) {
    lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(at),
                  static_cast<std::size_t>(std::max(count, 0)), FrameLine{});
  }
  // Every line goes through here, and is cut to the width.
  void line(FrameLine spans) {
    std::size_t used = 0;
    for (Span& span : spans) {
      span.text = std::string(fit_width(span.text, used < width_ ? width_ - used : 0));
      used += display_width(span.text);
    }
    lines_.push_back(std::move(spans));
  }
  void text(std::string text, Attributes attributes = kPlain) { line({{std::move(text), attributes}}); }

  // `left` at the left edge and `right` at the right edge.
  void split(FrameLine left, FrameLine right) {
    std::size_t used = 0;
    for (const Span& span : left) used += display_width(span.text);
    for (const Span& span : right) used += display_width(span.text);
    FrameLine joined = std::move(left);
    if (used < width_) joined.push_back({std::string(width_ - used, ' '), kPlain});
    for (Span& span : right) joined.push_back(std::move(span));
    line(std::move(joined));
  }

  void centered(const std::vector<std::string>& block, Attributes attributes) {
    std::size_t block_width = 0;
    for (const std::string& row : block) block_width = std::max(block_width, display_width(row));
    const std::string pad(block_width < width_ ? (width_ - block_width) / 2 : 0, ' ');
    for (const std::string& row : block) line({{pad, kPlain}, {row, attributes}});
  }

  // Wrapped text, each line after `lead` (first line) or as many spaces.
  void paragraph(std::string_view body, std::string lead, Attributes attributes, std::size_t max_lines) {
    const std::size_t indent = display_width(lead);
    const auto wrapped = wrap(body, width_ > indent + 10 ? width_ - indent : 10);
    for (std::size_t i = 0; i < wrapped.size() && i < max_lines; ++i) {
      const bool last_shown = i + 1 == max_lines && wrapped.size() > max_lines;
      line({{i == 0 ? lead : std::string(indent, ' '), attributes},
            {last_shown ? truncate(wrapped[i] + " …", width_ - indent) : wrapped[i], attributes}});
    }
  }

  Frame finish(std::string title) {
    lines_.resize(static_cast<std::size_t>(std::max(size_.rows, 0)));
    return Frame{std::move(lines_), std::move(title)};
  }

 private:
  TerminalSize size_;
  std::size_t width_;
  std::vector<FrameLine> lines_;
};

class RunFrame {
 public:
  RunFrame(const Routine& routine, const Timeline& timeline, const RunState& state, TerminalSize size)
      : routine_(routine), timeline_(timeline), state_(state), canvas_(size) {}

  Frame compose() {
    if (state_.phase == RunPhase::briefing) return briefing();
    return running();
  }

 private:
  Frame briefing() {
    const std::string total =
        fmt::format("{} · {}", format_duration(timeline_.remaining_from(state_.segment)),
                    count_of(timeline_.steps.size(), "step"));
    canvas_.split({{routine_.title, kBold}}, {{total, kDim}});
    canvas_.blank();
    if (!routine_.summary.empty()) {
      canvas_.paragraph(routine_.summary, "", kPlain, 3);
      canvas_.blank();
    }
    const int footer_rows = 2;
    const int equipment_rows =
        routine_.equipment.empty() ? 0 : static_cast<int>(routine_.equipment.size()) + 2;
    if (!routine_.cautions.empty()) {
      canvas_.text("Before you start", kBold);
      for (const std::string& caution : routine_.cautions) {
        const int room = canvas_.rows_left() - equipment_rows - footer_rows;
        if (room <= 0) break;
        canvas_.paragraph(caution, "  ! ", kWarning, static_cast<std::size_t>(std::min(room, 3)));
      }
      canvas_.blank();
    }
    if (!routine_.equipment.empty()) {
      canvas_.text("Have at hand", kBold);
      for (std::size_t i = 0; i < routine_.equipment.size(); ++i) {
        const bool ticked = i < state_.equipment_ticked;
        const bool next = i == state_.equipment_ticked;
        canvas_.line({{ticked ? "  [x] " : "  [ ] ", next ? kBold : kPlain},
                      {routine_.equipment[i], ticked ? kDim
                                              : next ? kBold
                                                     : kPlain}});
      }
      canvas_.blank();
    }
    const bool all_ticked = state_.equipment_ticked >= routine_.equipment.size();
    canvas_.text(
        all_ticked ? "Press Enter to start.  q quits." : "Press Enter to tick off each item.  q quits.",
        {Color::green, true});
    return canvas_.finish(fmt::format("psoas · {}", routine_.title));
  }

  Frame running() {
    const Segment& segment = timeline_.segments[state_.segment];
    const PlannedStep& planned = timeline_.steps[segment.step];
    const Step& step = planned.step;
    const Attributes kind = kind_attributes(segment.kind);
    const bool sided = segment.side != Side::none && segment.kind != SegmentKind::check;

    // Header: the step and where it stands.
    canvas_.split({{step.name, kBold}},
                  {{fmt::format("step {} of {}", segment.step + 1, timeline_.steps.size()), kDim}});
    FrameLine label = {{upper(segment_label(segment.kind)), kind}};
    if (sided) label.push_back({fmt::format("  {} side", to_string(segment.side)), kBold});
    FrameLine reps;
    if (segment.reps > 1 && segment.kind != SegmentKind::check)
      reps.push_back({fmt::format("rep {} of {}", segment.rep, segment.reps), kPlain});
    canvas_.split(std::move(label), std::move(reps));

    const int bottom_rows = 4;  // progress, next, keys, and a blank
    const std::vector<std::string> info = info_lines(segment, step);
    const int info_rows = static_cast<int>(std::min<std::size_t>(info.size(), 4));

    // The middle: the side in big letters and the big countdown, as large as fits.
    const int middle_rows = canvas_.rows_left() - bottom_rows - info_rows - 1;
    if (state_.showing_help) {
      help(middle_rows + info_rows);
    } else {
      const std::size_t middle_start = canvas_.line_count();
      big_middle(segment, sided, middle_rows);
      // Centred between the header and the text below it.
      canvas_.insert_blanks(middle_start, std::max(0, canvas_.rows_left() - bottom_rows - info_rows) / 2);
      while (canvas_.rows_left() > bottom_rows + info_rows) canvas_.blank();
      for (int i = 0; i < info_rows; ++i) {
        const std::string& text = info[static_cast<std::size_t>(i)];
        canvas_.text(truncate(text, canvas_.width()), text.starts_with("! ") ? kWarning : kPlain);
      }
    }
    while (canvas_.rows_left() > bottom_rows - 1) canvas_.blank();
    progress();
    next_up();
    keys();
    return canvas_.finish(title(segment, step));
  }

  std::vector<std::string> info_lines(const Segment& segment, const Step& step) const {
    std::vector<std::string> paragraphs;
    switch (segment.kind) {
      case SegmentKind::prepare:
        paragraphs = step.setup;
        break;
      case SegmentKind::check:
        break;  // its setup is in the middle of the screen
      case SegmentKind::hold:
        if (!step.cues.empty()) paragraphs.push_back(fmt::format("{}", fmt::join(step.cues, " · ")));
        break;
      case SegmentKind::rest:
        paragraphs.push_back(fmt::format("Rest. Next: rep {} of {}.", segment.rep, segment.reps));
        break;
      case SegmentKind::switch_sides:
        paragraphs.push_back(fmt::format("Change to the {} side.", to_string(segment.side)));
        break;
    }
    if (!step.caution.empty() && segment.kind != SegmentKind::rest) paragraphs.push_back("! " + step.caution);
    std::vector<std::string> lines;
    for (const std::string& paragraph : paragraphs)
      for (std::string& line : wrap(paragraph, canvas_.width())) lines.push_back(std::move(line));
    return lines;
  }

  void big_middle(const Segment& segment, bool sided, int rows) {
    const std::size_t width = canvas_.width();
    if (segment.kind == SegmentKind::check) {
      // No countdown: the instructions take the middle, then what ends the step.
      canvas_.blank();
      for (const std::string& item : timeline_.steps[segment.step].step.setup)
        for (const std::string& line : wrap(item, width)) canvas_.centered({line}, kPlain);
      canvas_.blank();
      canvas_.centered({"When you are done, press Enter."}, kind_attributes(segment.kind));
      return;
    }
    const std::string count = countdown_text(state_.segment_remaining);
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
        if (big_text_width(count, scale) > width || big_text_height(scale) + side_rows + 1 > rows) continue;
        canvas_.blank();
        if (with_side) {
          canvas_.centered(big_text(side, 1), state_.paused ? kWarning : kBold);
          canvas_.blank();
        }
        canvas_.centered(big_text(count, scale), count_attributes);
        return;
      }
    }
    // Too small for big digits: plain text.
    canvas_.centered({fmt::format("{}  {}", sided ? side : std::string(), count)}, count_attributes);
  }

  void help(int rows) {
    static const std::vector<std::pair<std::string, std::string>> kKeys = {
        {"space, p", "pause or resume"},
        {"n, →", "skip this segment"},
        {"b, ←", "restart this segment; twice quickly: go back one"},
        {"+, -", "add or take 10 seconds"},
        {"Enter", "tick off a checklist step"},
        {"q", "quit"},
        {"?", "this help; any key closes it"},
    };
    canvas_.blank();
    canvas_.text("Keys", kBold);
    for (std::size_t i = 0; i < kKeys.size() && static_cast<int>(i) + 2 < rows; ++i)
      canvas_.line({{fmt::format("  {:<10}", kKeys[i].first), kBold}, {kKeys[i].second, kPlain}});
  }

  void progress() {
    const Nanos total = std::chrono::duration_cast<Nanos>(timeline_.total) + state_.added;
    const Nanos remaining = state_.remaining(timeline_);
    const std::string times =
        fmt::format("  {} elapsed · {} left", clock_of(state_.active), clock_of(remaining));
    const std::size_t times_width = display_width(times);
    const std::size_t bar_width = canvas_.width() > times_width + 10 ? canvas_.width() - times_width - 1 : 10;
    const double done =
        total.count() > 0 ? 1.0 - static_cast<double>(remaining.count()) / static_cast<double>(total.count())
                          : 1.0;
    const auto filled = static_cast<std::size_t>(std::clamp(done, 0.0, 1.0) * static_cast<double>(bar_width));
    std::string full, empty;
    for (std::size_t i = 0; i < filled; ++i) full += "█";
    for (std::size_t i = filled; i < bar_width; ++i) empty += "░";
    canvas_.line({{full, {Color::green}}, {empty, kDim}, {times, kPlain}});
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
      text += fmt::format(" · {}", to_string(segment.side));
    text += fmt::format(" · {}", to_string(segment.kind));
    if (segment.kind != SegmentKind::check) text += fmt::format(" {}", format_duration(segment.duration));
    canvas_.text(truncate(text, canvas_.width()), kDim);
  }

  void keys() {
    if (state_.confirming_quit) {
      canvas_.text(" Quit?  y = yes, any other key = keep going ", kAlert);
    } else if (state_.paused) {
      canvas_.text(" PAUSED  space to resume ", kAlert);
    } else {
      canvas_.text(truncate("space pause · n skip · b back · +/- 10s · q quit · ? keys", canvas_.width()),
                   kDim);
    }
  }

  std::string title(const Segment& segment, const Step& step) const {
    const std::string count = segment.kind == SegmentKind::check
                                  ? "check"
                                  : clock_of(state_.segment_remaining + Nanos(999'999'999));
    return fmt::format("{}{} {} · {} left · psoas", state_.paused ? "paused " : "", count, step.name,
                       clock_of(state_.remaining(timeline_)));
  }

  const Routine& routine_;
  const Timeline& timeline_;
  const RunState& state_;
  Canvas canvas_;
};

}  // namespace

Frame compose_run_frame(const Routine& routine, const Timeline& timeline, const RunState& state,
                        TerminalSize size) {
  return RunFrame(routine, timeline, state, size).compose();
}

ScreenView::ScreenView(const Routine& routine, const Timeline& timeline, int fd, bool color)
    : routine_(routine),
      timeline_(timeline),
      fd_(fd),
      painter_(color),
      size_(terminal_size(fd).value_or(TerminalSize{})) {}

void ScreenView::on_event(const RunEvent& event, const RunState&) {
  if (event.kind == RunEventKind::countdown) return;  // a sound, not a picture
  if (event.kind == RunEventKind::redraw) {
    size_ = terminal_size(fd_).value_or(size_);
    painter_.invalidate();
  }
  dirty_ = true;
}

void ScreenView::on_settled(const RunState& state) {
  if (!dirty_ || state.phase == RunPhase::finished) return;
  dirty_ = false;
  write_all(fd_, painter_.paint(compose_run_frame(routine_, timeline_, state, size_), size_));
}

}  // namespace psoas
