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

Side opposite(Side side) {
  switch (side) {
    case Side::left:
      return Side::right;
    case Side::right:
      return Side::left;
    case Side::none:
      break;
  }
  return Side::none;
}

}  // namespace psoas
