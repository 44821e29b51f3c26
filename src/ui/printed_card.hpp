#pragma once

#include <cstddef>
#include <vector>

#include "model/routine.hpp"
#include "plan/timeline.hpp"
#include "ui/pictures.hpp"

// The pictures psoas draws with cairo and pango: built into `psoas-print`
// and the tests, never into `psoas` itself.
namespace psoas {

struct CardBox {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

// A box of the card: a step, or a step and the same pose later on the other side.
struct CardEntry {
  std::vector<std::size_t> steps;  // indexes into Timeline::steps
};

struct CardPage {
  bool full_header = false;          // the first page: title, facts, equipment, cautions
  double header_height = 0;          // what the header takes from the top margin down
  std::vector<std::size_t> entries;  // indexes into CardLayout::entries
  std::vector<CardBox> boxes;        // where each of them is drawn
};

// Where everything of a printed card goes: one page when the routine fits,
// else as many as it needs, each with the title; steps in a grid of two to
// five columns, the fewest that fit. In points, from the top-left.
struct CardLayout {
  PageSize page;
  std::size_t columns = 3;
  double figure_share = 0;  // a figure's height in its box, as a share of the box's width
  std::vector<CardEntry> entries;
  std::vector<CardPage> pages;
};
CardLayout layout_printed_card(const Routine& routine, const Timeline& timeline, Paper paper);

// The page's margin, in points.
inline constexpr double kCardMargin = 30;

class CairoPictures final : public PictureMaker {
 public:
  [[nodiscard]] std::vector<std::string> card(const Routine& routine, const Timeline& timeline,
                                              PictureFormat format, Paper paper) const override;
  [[nodiscard]] std::string figure(const FigureDrawing& drawing, PictureFormat format, int width,
                                   int height) const override;
};

}  // namespace psoas
