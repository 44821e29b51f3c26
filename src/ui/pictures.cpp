#include "ui/pictures.hpp"

namespace psoas {

std::optional<PictureFormat> parse_picture_format(std::string_view text) {
  if (text == "pdf") return PictureFormat::pdf;
  if (text == "svg") return PictureFormat::svg;
  if (text == "png") return PictureFormat::png;
  return std::nullopt;
}

std::string_view to_string(PictureFormat format) {
  switch (format) {
    case PictureFormat::pdf:
      return "pdf";
    case PictureFormat::svg:
      return "svg";
    case PictureFormat::png:
      return "png";
  }
  return "";
}

PageSize page_size(Paper paper) {
  // ISO 216's 210 × 297 mm, and 8.5 × 11 inches.
  if (paper == Paper::letter) return {612, 792};
  return {595.2756, 841.8898};
}

}  // namespace psoas
