#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/side.hpp"

namespace psoas {

// The named points of a stick figure (psoas(1), FIGURES).
enum class Joint : std::uint8_t {
  head,
  neck,
  left_shoulder,
  right_shoulder,
  left_elbow,
  right_elbow,
  left_wrist,
  right_wrist,
  left_hip,
  right_hip,
  left_knee,
  right_knee,
  left_ankle,
  right_ankle,
  left_toe,
  right_toe,
};
inline constexpr std::size_t kJointCount = 16;

// "head", "left-shoulder", …: the names figure files use.
std::string_view to_string(Joint joint);
std::optional<Joint> parse_joint(std::string_view name);
// Every joint's name, in order, for errors and did-you-mean.
const std::vector<std::string>& joint_names();
// The same joint on the other side of the body; head and neck are their own.
Joint mirrored(Joint joint);
// The side a joint is on: none for head and neck.
Side side_of(Joint joint);

struct Point {
  double x = 0;
  double y = 0;
  friend bool operator==(const Point&, const Point&) = default;
};

// Two joints a figure draws a line between.
struct Bone {
  Joint from;
  Joint to;
  bool limb;  // a limb may not have zero length; a girdle (shoulders, pelvis) may
};
// The lines of a stick figure: the head's neck, the spine (drawn to the
// middle of the hips), the girdles, the arms and the legs.
const std::vector<Bone>& figure_bones();
// Whether `from`–`to` is a line the figure draws (either way round), or the
// spine drawn down to one hip.
bool is_bone(Joint from, Joint to);

enum class PropKind : std::uint8_t { floor, mat, ball, roller, block, chair, wall, strap };
std::string_view to_string(PropKind kind);
std::optional<PropKind> parse_prop_kind(std::string_view name);
const std::vector<std::string>& prop_names();

// A thing drawn behind the figure, in its coordinates. Which fields count
// depends on the kind: floor `at.y`; mat `at.x` to `to.x`; ball and roller
// `at` and `radius`; block `at` (its lower-left corner) and `size`; chair
// `at` (the seat's middle) and `facing`; wall `at.x`; strap `ends`.
struct Prop {
  PropKind kind = PropKind::floor;
  Point at;
  Point to;
  Point size;
  double radius = 0;
  Side facing = Side::right;  // a chair's front: right is +x
  std::array<Joint, 2> ends{Joint::head, Joint::head};
};

// What a figure marks as worked: along a bone, at a joint, or at a spot.
struct WorkedPart {
  enum class Kind : std::uint8_t { bone, joint, spot };
  Kind kind = Kind::spot;
  Joint from = Joint::head;
  Joint to = Joint::head;
  Point at;
  double radius = 4;
};

enum class FigureView : std::uint8_t { side, front };

// A pose as a stick figure: joints in centimetres, x to the right and y up,
// the floor at 0. A figure with a side works that side; the other side is
// the same figure mirrored.
struct Figure {
  std::string name;
  std::string title;
  FigureView view = FigureView::side;
  Side side = Side::none;
  Side near = Side::left;  // in a side view, the side turned to the viewer
  std::array<Point, kJointCount> joints{};
  std::vector<Prop> props;
  std::vector<WorkedPart> worked;

  [[nodiscard]] const Point& at(Joint joint) const { return joints[static_cast<std::size_t>(joint)]; }
  [[nodiscard]] Point& at(Joint joint) { return joints[static_cast<std::size_t>(joint)]; }
};

// The head is drawn as a circle this much of the head–neck distance across.
inline constexpr double kHeadRadiusShare = 0.65;
// A worked spot with no radius of its own.
inline constexpr double kSpotRadius = 4;

// The middle of the hips, where the spine ends.
Point mid_hip(const Figure& figure);
// The figure seen in a mirror: x flipped about its middle, every left and
// right swapped, so that it works the other side.
Figure mirror(const Figure& figure);
// The figure as it works `side`: mirrored when it is drawn for the other side.
Figure for_side(const Figure& figure, Side side);

// The figure a step shows: the same for every side, or one per side.
struct StepFigure {
  std::string name;
  std::string left;                      // for the left side, instead of `name`
  std::string right;                     // for the right side
  std::shared_ptr<const Figure> figure;  // loaded only by commands that draw
  std::shared_ptr<const Figure> left_figure;
  std::shared_ptr<const Figure> right_figure;

  [[nodiscard]] bool named() const { return !name.empty() || !left.empty() || !right.empty(); }
  // The loaded figure that draws `side`: that side's own, else the one for
  // every side, else the other side's (to be mirrored); null when none is loaded.
  [[nodiscard]] const Figure* loaded_for(Side side) const;
  // The loaded figure for `side`, as that side is drawn (mirrored if need
  // be); nothing when none is named or loaded.
  [[nodiscard]] std::optional<Figure> drawn_for(Side side) const;
};

}  // namespace psoas
