#include "ui/printed_card.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include "base/error.hpp"
#include "ui/describe.hpp"
#include "ui/figure_picture.hpp"

namespace psoas {
namespace {

constexpr double kGutter = 6;
constexpr double kCellPadding = 5;
constexpr double kLargeFigureShare = 0.5;   // two columns: the biggest figures, for a short routine
constexpr double kFigureShare = 0.34;       // of a box's width: the figure's height, above the words
constexpr double kSmallFigureShare = 0.25;  // when that is what fits the routine on a page
constexpr double kSmallestCell = 40;
constexpr double kFooterHeight = 14;
constexpr double kPngDotsPerPoint = 150.0 / 72.0;
constexpr std::size_t kCuesShown = 2;

constexpr const char* kTitleFont = "DejaVu Sans Bold 15";
constexpr const char* kFactsFont = "DejaVu Sans 9";
constexpr const char* kHeadingFont = "DejaVu Sans Bold 9.5";
constexpr const char* kCautionFont = "DejaVu Sans 6.2";
constexpr const char* kStepNameFont = "DejaVu Sans Bold 8";
constexpr const char* kStepFont = "DejaVu Sans 6.8";
constexpr const char* kCueFont = "DejaVu Sans Oblique 6.8";

struct CairoContext {
  cairo_t* cr;
  explicit CairoContext(cairo_surface_t* surface) : cr(cairo_create(surface)) {}
  ~CairoContext() { cairo_destroy(cr); }
  CairoContext(const CairoContext&) = delete;
  CairoContext& operator=(const CairoContext&) = delete;
};

struct Surface {
  cairo_surface_t* surface;
  explicit Surface(cairo_surface_t* made) : surface(made) {}
  ~Surface() { cairo_surface_destroy(surface); }
  Surface(const Surface&) = delete;
  Surface& operator=(const Surface&) = delete;
};

// Text laid out with pango, wrapped to a width, in points.
class Text {
 public:
  Text(cairo_t* cr, const std::string& text, const char* font, double width, bool markup = false)
      : layout_(pango_cairo_create_layout(cr)) {
    // Unhinted metrics: the same layout when measured and when drawn, on any surface.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(pango_layout_get_context(layout_), options);
    cairo_font_options_destroy(options);
    pango_layout_context_changed(layout_);
    PangoFontDescription* description = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout_, description);
    pango_font_description_free(description);
    pango_layout_set_width(layout_, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
    if (markup) {
      pango_layout_set_markup(layout_, text.c_str(), -1);
    } else {
      pango_layout_set_text(layout_, text.c_str(), -1);
    }
  }
  ~Text() { g_object_unref(layout_); }
  Text(const Text&) = delete;
  Text& operator=(const Text&) = delete;

  [[nodiscard]] double height() const {
    int width = 0, height = 0;
    pango_layout_get_size(layout_, &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
  }
  void draw(cairo_t* cr, double x, double y) const {
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout_);
  }

 private:
  PangoLayout* layout_;
};

std::string escaped(const std::string& text) {
  char* escaped = g_markup_escape_text(text.c_str(), -1);
  std::string out(escaped);
  g_free(escaped);
  return out;
}

// The lines of a step's box beside its figure.
struct StepText {
  std::string name;
  std::string details;
  std::string cues;
};

StepText step_text(const Timeline& timeline, const CardEntry& entry) {
  const Step& step = timeline.steps[entry.steps.front()].step;
  StepText text;
  std::vector<std::string> numbers;
  for (const std::size_t index : entry.steps) numbers.push_back(fmt::format("{}", index + 1));
  text.name = fmt::format("{}. {}", fmt::join(numbers, " & "), step.name);
  std::string sides;
  if (entry.steps.size() == 1) {
    sides = describe_sides(step);
  } else {
    // The same pose again later, on the other side: which side, at which step.
    std::vector<std::string> each;
    for (const std::size_t index : entry.steps) {
      const Step& each_step = timeline.steps[index].step;
      const bool one_side = each_step.sides.size() == 1;
      each.push_back(fmt::format(
          "{} ({})", one_side ? std::string(to_string(each_step.sides.front())) : list_sides(each_step),
          index + 1));
    }
    sides = fmt::format("{}", fmt::join(each, ", "));
    if (!step.side_label.empty()) sides += fmt::format(" ({})", step.side_label);
  }
  text.details = sides.empty() ? hold_and_reps(step) : fmt::format("{} · {}", sides, hold_and_reps(step));
  // The cues every step of the box shares: the first two.
  std::size_t shown = 0;
  for (const std::string& cue : step.cues) {
    const bool shared = std::all_of(entry.steps.begin(), entry.steps.end(), [&](std::size_t index) {
      const auto& cues = timeline.steps[index].step.cues;
      return std::find(cues.begin(), cues.end(), cue) != cues.end();
    });
    if (!shared || shown == kCuesShown) continue;
    text.cues += fmt::format("{}{}", shown ? " · " : "", cue);
    ++shown;
  }
  return text;
}

// Steps that are the same pose, done again on the other side, share a box.
std::vector<CardEntry> card_entries(const Timeline& timeline) {
  std::vector<CardEntry> entries;
  for (std::size_t i = 0; i < timeline.steps.size(); ++i) {
    const Step& step = timeline.steps[i].step;
    const auto same = std::find_if(entries.begin(), entries.end(), [&](const CardEntry& entry) {
      const Step& other = timeline.steps[entry.steps.front()].step;
      return other.name == step.name && other.hold == step.hold && other.reps == step.reps &&
             other.figure.name == step.figure.name && step.sides != std::vector{Side::none} &&
             other.sides != step.sides && entry.steps.size() == 1;
    });
    if (same != entries.end()) {
      same->steps.push_back(i);
    } else {
      entries.push_back({{i}});
    }
  }
  return entries;
}

// The figure a step's box shows: for the side it starts on.
std::optional<Figure> figure_of(const Step& step) {
  return step.figure.drawn_for(step.sides.empty() ? Side::none : step.sides.front());
}

std::string facts_line(const Routine& routine, const Timeline& timeline) {
  std::string facts =
      fmt::format("{} · {}", time_left_text(timeline), count_of(timeline.steps.size(), "step"));
  if (!routine.often.empty()) facts += fmt::format(" · how often: {}", routine.often);
  return facts;
}

class CardPainter {
 public:
  CardPainter(const Routine& routine, const Timeline& timeline, Paper paper)
      : routine_(routine), timeline_(timeline), page_(page_size(paper)) {}

  [[nodiscard]] double content_width() const { return page_.width - 2 * kCardMargin; }

  // The first page's header: title, facts, equipment, cautions; drawn when `draw`.
  double header(cairo_t* cr, bool draw) const {
    const double width = content_width();
    double y = kCardMargin;
    const auto put = [&](const Text& text, double x, double gap) {
      if (draw) text.draw(cr, x, y);
      y += text.height() + gap;
    };
    set_colour(cr, 0.05);
    put(Text(cr, routine_.title, kTitleFont, width), kCardMargin, 2);
    set_colour(cr, 0.3);
    put(Text(cr, facts_line(routine_, timeline_), kFactsFont, width), kCardMargin, 6);
    set_colour(cr, 0.05);
    if (!timeline_.equipment.empty()) {
      std::string items;
      for (const std::string& item : timeline_.equipment)
        items += fmt::format("{}☐ {}", items.empty() ? "" : "   ", item);
      put(Text(cr, fmt::format("<b>Have at hand</b>   {}", escaped(items)), kFactsFont, width, true),
          kCardMargin, 6);
    }
    if (!timeline_.cautions.empty()) {
      put(Text(cr, "Before you start", kHeadingFont, width), kCardMargin, 2);
      // Columns of cautions, filled down the first and then the next.
      const std::size_t columns = timeline_.cautions.size() > 12 ? 4 : timeline_.cautions.size() > 6 ? 3 : 2;
      const double column =
          (width - static_cast<double>(columns - 1) * kGutter) / static_cast<double>(columns);
      std::vector<double> heights;
      double total = 0;
      for (const std::string& caution : timeline_.cautions) {
        heights.push_back(Text(cr, "! " + caution, kCautionFont, column).height() + 1.5);
        total += heights.back();
      }
      // Each column takes cautions until it holds its share of their height.
      std::vector<std::size_t> column_of(heights.size(), 0);
      double filled = 0;
      for (std::size_t i = 0; i < heights.size(); ++i) {
        const double share = total / static_cast<double>(columns);
        column_of[i] = std::min(columns - 1, static_cast<std::size_t>((filled + heights[i] / 2) / share));
        filled += heights[i];
      }
      const double top = y;
      double column_y = top;
      double tallest = 0;
      for (std::size_t i = 0; i < timeline_.cautions.size(); ++i) {
        if (i > 0 && column_of[i] != column_of[i - 1]) column_y = top;
        const double x = kCardMargin + static_cast<double>(column_of[i]) * (column + kGutter);
        if (draw) {
          cairo_set_source_rgb(cr, 0.6, 0.25, 0.0);
          Text(cr, "! " + timeline_.cautions[i], kCautionFont, column).draw(cr, x, column_y);
        }
        column_y += heights[i];
        tallest = std::max(tallest, column_y - top);
      }
      y = top + tallest + 6;
    }
    return y - kCardMargin + 4;
  }

  double continued_header(cairo_t* cr, bool draw, std::size_t page, std::size_t pages) const {
    set_colour(cr, 0.05);
    const Text title(cr, fmt::format("{} (page {} of {})", routine_.title, page, pages), kHeadingFont,
                     content_width());
    if (draw) title.draw(cr, kCardMargin, kCardMargin);
    return title.height() + 8;
  }

  double entry_height(cairo_t* cr, const CardEntry& entry, double box_width, double figure_share) const {
    const StepText text = step_text(timeline_, entry);
    const double width = box_width - 2 * kCellPadding;
    double height = 2 * kCellPadding + Text(cr, text.name, kStepNameFont, width).height() + 1 +
                    Text(cr, text.details, kStepFont, width).height();
    if (!text.cues.empty()) height += 2 + Text(cr, text.cues, kCueFont, width).height();
    if (has_figure(entry)) height += box_width * figure_share;
    return std::max(height, kSmallestCell);
  }

  [[nodiscard]] bool has_figure(const CardEntry& entry) const {
    return timeline_.steps[entry.steps.front()].step.figure.named();
  }

  void draw_entry(cairo_t* cr, const CardEntry& entry, const CardBox& box, double figure_share) const {
    cairo_set_line_width(cr, 0.6);
    cairo_set_source_rgb(cr, 0.75, 0.75, 0.78);
    cairo_rectangle(cr, box.x, box.y, box.width, box.height);
    cairo_stroke(cr);
    const Step& step = timeline_.steps[entry.steps.front()].step;
    double y = box.y + kCellPadding;
    if (has_figure(entry)) {
      const double figure_height = box.width * figure_share;
      if (const auto figure = figure_of(step))
        paint_figure(cr, draw_figure(*figure), box.x + kCellPadding, y, box.width - 2 * kCellPadding,
                     figure_height - kCellPadding);
      y += figure_height;
    }
    const double width = box.width - 2 * kCellPadding;
    const double x = box.x + kCellPadding;
    const StepText text = step_text(timeline_, entry);
    set_colour(cr, 0.05);
    const Text name(cr, text.name, kStepNameFont, width);
    name.draw(cr, x, y);
    y += name.height() + 1;
    set_colour(cr, 0.3);
    const Text details(cr, text.details, kStepFont, width);
    details.draw(cr, x, y);
    y += details.height() + 2;
    if (!text.cues.empty()) {
      set_colour(cr, 0.1);
      Text(cr, text.cues, kCueFont, width).draw(cr, x, y);
    }
  }

  void footer(cairo_t* cr, std::size_t page, std::size_t pages) const {
    cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
    const std::string words = pages > 1
                                  ? fmt::format("psoas card {} · page {} of {}", routine_.name, page, pages)
                                  : fmt::format("psoas card {}", routine_.name);
    Text(cr, words, kStepFont, content_width()).draw(cr, kCardMargin, page_.height - kCardMargin + 4);
  }

  CardLayout layout(cairo_t* cr) const {
    CardLayout out;
    out.page = page_;
    out.entries = card_entries(timeline_);
    const double first_header = header(cr, false);
    const double usable = page_.height - 2 * kCardMargin - kFooterHeight;
    // The biggest figures that put the routine on one page; else three columns, over pages.
    const std::pair<std::size_t, double> tries[] = {{2, kLargeFigureShare}, {3, kFigureShare},
                                                    {4, kFigureShare},      {5, kFigureShare},
                                                    {5, kSmallFigureShare}, {3, kFigureShare}};
    for (const auto& [columns, figure_share] : tries) {
      out.columns = columns;
      out.figure_share = figure_share;
      const double box_width =
          (content_width() - static_cast<double>(columns - 1) * kGutter) / static_cast<double>(columns);
      std::vector<double> heights;
      for (const CardEntry& entry : out.entries)
        heights.push_back(entry_height(cr, entry, box_width, figure_share));
      out.pages = paginate(cr, heights, columns, box_width, first_header, usable);
      if (out.pages.size() == 1) break;
    }
    return out;
  }

 private:
  static void set_colour(cairo_t* cr, double grey) { cairo_set_source_rgb(cr, grey, grey, grey); }

  std::vector<CardPage> paginate(cairo_t* cr, const std::vector<double>& heights, std::size_t columns,
                                 double box_width, double first_header, double usable) const {
    std::vector<CardPage> pages;
    const double continued = continued_header(cr, false, 1, 1);
    std::size_t next = 0;
    do {
      CardPage page;
      page.full_header = pages.empty();
      page.header_height = page.full_header ? first_header : continued;
      double y = kCardMargin + page.header_height;
      const double bottom = kCardMargin + usable;
      // Row by row: a row is as tall as its tallest box.
      while (next < heights.size()) {
        const std::size_t end = std::min(next + columns, heights.size());
        const double row = *std::max_element(heights.begin() + static_cast<std::ptrdiff_t>(next),
                                             heights.begin() + static_cast<std::ptrdiff_t>(end));
        // A page always takes at least one row, however tall.
        if (y + row > bottom && !page.entries.empty()) break;
        for (std::size_t i = next; i < end; ++i) {
          page.entries.push_back(i);
          page.boxes.push_back(
              {kCardMargin + static_cast<double>(i - next) * (box_width + kGutter), y, box_width, row});
        }
        y += row + kGutter;
        next = end;
      }
      pages.push_back(std::move(page));
    } while (next < heights.size());
    return pages;
  }

  const Routine& routine_;
  const Timeline& timeline_;
  PageSize page_;
};

void draw_page(const CardPainter& painter, const CardLayout& layout, cairo_t* cr, std::size_t index) {
  const CardPage& page = layout.pages[index];
  const std::size_t number = index + 1;
  const std::size_t pages = layout.pages.size();
  const double width = layout.page.width;
  const double height = layout.page.height;
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, 0, 0, width, height);
  cairo_fill(cr);
  if (page.full_header) {
    painter.header(cr, true);
  } else {
    painter.continued_header(cr, true, number, pages);
  }
  for (std::size_t i = 0; i < page.entries.size(); ++i)
    painter.draw_entry(cr, layout.entries[page.entries[i]], page.boxes[i], layout.figure_share);
  painter.footer(cr, number, pages);
}

void check(cairo_status_t status, std::string_view what) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(fmt::format("could not draw {}: {}", what, cairo_status_to_string(status)));
}

CardLayout measure_layout(const CardPainter& painter) {
  const Surface measure(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr));
  const CairoContext context(measure.surface);
  return painter.layout(context.cr);
}

}  // namespace

CardLayout layout_printed_card(const Routine& routine, const Timeline& timeline, Paper paper) {
  return measure_layout(CardPainter(routine, timeline, paper));
}

std::vector<std::string> CairoPictures::card(const Routine& routine, const Timeline& timeline,
                                             PictureFormat format, Paper paper) const {
  const CardPainter painter(routine, timeline, paper);
  const CardLayout layout = measure_layout(painter);
  const std::size_t pages = layout.pages.size();
  std::vector<std::string> out;
  if (format == PictureFormat::pdf) {
    std::string bytes;
    {
      const Surface pdf(cairo_pdf_surface_create_for_stream(append_to_string, &bytes, layout.page.width,
                                                            layout.page.height));
      cairo_pdf_surface_set_metadata(pdf.surface, CAIRO_PDF_METADATA_TITLE, routine.title.c_str());
      cairo_pdf_surface_set_metadata(pdf.surface, CAIRO_PDF_METADATA_CREATOR, "psoas");
      const CairoContext context(pdf.surface);
      for (std::size_t i = 0; i < pages; ++i) {
        draw_page(painter, layout, context.cr, i);
        cairo_show_page(context.cr);
      }
      check(cairo_status(context.cr), "the card");
      cairo_surface_finish(pdf.surface);
      check(cairo_surface_status(pdf.surface), "the card");
    }
    out.push_back(std::move(bytes));
    return out;
  }
  for (std::size_t i = 0; i < pages; ++i) {
    std::string bytes;
    if (format == PictureFormat::svg) {
      const Surface svg(cairo_svg_surface_create_for_stream(append_to_string, &bytes, layout.page.width,
                                                            layout.page.height));
      {
        const CairoContext context(svg.surface);
        draw_page(painter, layout, context.cr, i);
        check(cairo_status(context.cr), "the card");
      }
      cairo_surface_finish(svg.surface);
      check(cairo_surface_status(svg.surface), "the card");
    } else {
      const auto width = static_cast<int>(std::lround(layout.page.width * kPngDotsPerPoint));
      const auto height = static_cast<int>(std::lround(layout.page.height * kPngDotsPerPoint));
      const Surface png(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
      {
        const CairoContext context(png.surface);
        cairo_scale(context.cr, kPngDotsPerPoint, kPngDotsPerPoint);
        draw_page(painter, layout, context.cr, i);
        check(cairo_status(context.cr), "the card");
      }
      check(cairo_surface_write_to_png_stream(png.surface, append_to_string, &bytes), "the card");
    }
    out.push_back(std::move(bytes));
  }
  return out;
}

std::string CairoPictures::figure(const FigureDrawing& drawing, PictureFormat format, int width,
                                  int height) const {
  std::string bytes;
  const auto w = static_cast<double>(width);
  const auto h = static_cast<double>(height);
  const double margin = std::min(w, h) * 0.05;
  const auto paint = [&](cairo_surface_t* surface) {
    const CairoContext context(surface);
    cairo_set_source_rgb(context.cr, 1, 1, 1);
    cairo_paint(context.cr);
    paint_figure(context.cr, drawing, margin, margin, w - 2 * margin, h - 2 * margin);
    check(cairo_status(context.cr), "the figure");
  };
  switch (format) {
    case PictureFormat::png: {
      const Surface png(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
      paint(png.surface);
      check(cairo_surface_write_to_png_stream(png.surface, append_to_string, &bytes), "the figure");
      break;
    }
    case PictureFormat::svg: {
      const Surface svg(cairo_svg_surface_create_for_stream(append_to_string, &bytes, w, h));
      paint(svg.surface);
      cairo_surface_finish(svg.surface);
      break;
    }
    case PictureFormat::pdf: {
      const Surface pdf(cairo_pdf_surface_create_for_stream(append_to_string, &bytes, w, h));
      paint(pdf.surface);
      cairo_surface_finish(pdf.surface);
      break;
    }
  }
  return bytes;
}

}  // namespace psoas
