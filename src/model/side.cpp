#include "model/side.hpp"

namespace psoas {

std::string_view to_string(Side side) {
  switch (side) {
    case Side::left:
      return "left";
    case Side::right:
      return "right";
    case Side::none:
      break;
  }
  return "";
}

}  // namespace psoas
