#include "model/figure.hpp"

#include <algorithm>
#include <limits>

namespace psoas {
namespace {

constexpr std::array<std::string_view, kJointCount> kJointNames = {
    "head",       "neck",        "left-shoulder", "right-shoulder", "left-elbow", "right-elbow",
    "left-wrist", "right-wrist", "left-hip",      "right-hip",      "left-knee",  "right-knee",
    "left-ankle", "right-ankle", "left-toe",      "right-toe"};

constexpr std::array<std::string_view, 8> kPropNames = {"floor", "mat",   "ball", "roller",
                                                        "block", "chair", "wall", "strap"};

}  // namespace

std::string_view to_string(Joint joint) {
  return kJointNames[static_cast<std::size_t>(joint)];
}

std::optional<Joint> parse_joint(std::string_view name) {
  const auto found = std::find(kJointNames.begin(), kJointNames.end(), name);
  if (found == kJointNames.end()) return std::nullopt;
  return static_cast<Joint>(found - kJointNames.begin());
}

const std::vector<std::string>& joint_names() {
  static const std::vector<std::string> names(kJointNames.begin(), kJointNames.end());
  return names;
}

Joint mirrored(Joint joint) {
  if (joint == Joint::head || joint == Joint::neck) return joint;
  // Left and right joints alternate, left first.
  const auto index = static_cast<std::size_t>(joint);
  return static_cast<Joint>(index % 2 == 0 ? index + 1 : index - 1);
}

Side side_of(Joint joint) {
  if (joint == Joint::head || joint == Joint::neck) return Side::none;
  return static_cast<std::size_t>(joint) % 2 == 0 ? Side::left : Side::right;
}

const std::vector<Bone>& figure_bones() {
  using enum Joint;
  static const std::vector<Bone> bones = {
      {neck, head, true},
      {neck, left_shoulder, false},
      {neck, right_shoulder, false},
      {left_shoulder, left_elbow, true},
      {left_elbow, left_wrist, true},
      {right_shoulder, right_elbow, true},
      {right_elbow, right_wrist, true},
      {left_hip, right_hip, false},
      {left_hip, left_knee, true},
      {left_knee, left_ankle, true},
      {left_ankle, left_toe, true},
      {right_hip, right_knee, true},
      {right_knee, right_ankle, true},
      {right_ankle, right_toe, true},
  };
  return bones;
}

bool is_bone(Joint from, Joint to) {
  if (from == Joint::neck && (to == Joint::left_hip || to == Joint::right_hip)) return true;
  if (to == Joint::neck && (from == Joint::left_hip || from == Joint::right_hip)) return true;
  return std::any_of(figure_bones().begin(), figure_bones().end(), [&](const Bone& bone) {
    return (bone.from == from && bone.to == to) || (bone.from == to && bone.to == from);
  });
}

std::string_view to_string(PropKind kind) {
  return kPropNames[static_cast<std::size_t>(kind)];
}

std::optional<PropKind> parse_prop_kind(std::string_view name) {
  const auto found = std::find(kPropNames.begin(), kPropNames.end(), name);
  if (found == kPropNames.end()) return std::nullopt;
  return static_cast<PropKind>(found - kPropNames.begin());
}

const std::vector<std::string>& prop_names() {
  static const std::vector<std::string> names(kPropNames.begin(), kPropNames.end());
  return names;
}

Point mid_hip(const Figure& figure) {
  const Point& left = figure.at(Joint::left_hip);
  const Point& right = figure.at(Joint::right_hip);
  return {(left.x + right.x) / 2, (left.y + right.y) / 2};
}

Figure mirror(const Figure& figure) {
  // Flipped about the middle of the joints, so that the figure stays where it was.
  double low = std::numeric_limits<double>::max();
  double high = std::numeric_limits<double>::lowest();
  for (const Point& point : figure.joints) {
    low = std::min(low, point.x);
    high = std::max(high, point.x);
  }
  const double axis = low + high;
  const auto flip = [axis](Point point) { return Point{axis - point.x, point.y}; };

  Figure out = figure;
  out.side = opposite(figure.side);
  out.near = opposite(figure.near);
  for (std::size_t i = 0; i < kJointCount; ++i) {
    const auto joint = static_cast<Joint>(i);
    out.at(mirrored(joint)) = flip(figure.at(joint));
  }
  for (Prop& prop : out.props) {
    switch (prop.kind) {
      case PropKind::mat: {
        const double from = axis - prop.to.x;
        prop.to.x = axis - prop.at.x;
        prop.at.x = from;
        break;
      }
      case PropKind::block:
        prop.at.x = axis - prop.at.x - prop.size.x;
        break;
      case PropKind::chair:
        prop.at = flip(prop.at);
        prop.facing = opposite(prop.facing);
        break;
      case PropKind::strap:
        prop.ends = {mirrored(prop.ends[0]), mirrored(prop.ends[1])};
        break;
      case PropKind::floor:
        break;
      case PropKind::ball:
      case PropKind::roller:
      case PropKind::wall:
        prop.at = flip(prop.at);
        break;
    }
  }
  for (WorkedPart& part : out.worked) {
    part.from = mirrored(part.from);
    part.to = mirrored(part.to);
    part.at = flip(part.at);
  }
  return out;
}

Figure for_side(const Figure& figure, Side side) {
  if (side == Side::none || figure.side == Side::none || figure.side == side) return figure;
  return mirror(figure);
}

const Figure* StepFigure::loaded_for(Side side) const {
  const auto& own = side == Side::left ? left_figure : right_figure;
  const auto& other = side == Side::left ? right_figure : left_figure;
  if (side != Side::none && own) return own.get();
  if (figure) return figure.get();
  // One side named alone: the other side is its mirror image.
  if (side != Side::none && other) return other.get();
  return left_figure ? left_figure.get() : right_figure.get();
}

std::optional<Figure> StepFigure::drawn_for(Side side) const {
  const Figure* chosen = loaded_for(side);
  if (!chosen) return std::nullopt;
  return for_side(*chosen, side);
}

}  // namespace psoas
