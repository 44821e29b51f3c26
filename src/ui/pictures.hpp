#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/routine.hpp"
#include "plan/timeline.hpp"
#include "ui/figure_drawing.hpp"

namespace psoas {

enum class PictureFormat : std::uint8_t { pdf, svg, png };
std::optional<PictureFormat> parse_picture_format(std::string_view text);
std::string_view to_string(PictureFormat format);

enum class Paper : std::uint8_t { a4, letter };

// A page's size in points (1/72 inch).
struct PageSize {
  double width = 0;
  double height = 0;
};
PageSize page_size(Paper paper);

// What draws pictures: the printed card and a figure on its own. Made with
// cairo and pango, which only `psoas-print` links (see cli.hpp), so that
// every other command starts without loading them.
class PictureMaker {
 public:
  PictureMaker() = default;
  PictureMaker(const PictureMaker&) = delete;
  PictureMaker& operator=(const PictureMaker&) = delete;
  virtual ~PictureMaker() = default;

  // The wall card of a routine: a PDF of every page, or an SVG or PNG per page.
  [[nodiscard]] virtual std::vector<std::string> card(const Routine& routine, const Timeline& timeline,
                                                      PictureFormat format, Paper paper) const = 0;
  // One figure, fitted to `width` by `height` pixels (points for PDF and SVG).
  [[nodiscard]] virtual std::string figure(const FigureDrawing& drawing, PictureFormat format, int width,
                                           int height) const = 0;
};

}  // namespace psoas
