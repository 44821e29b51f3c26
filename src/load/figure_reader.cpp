#include "load/figure_reader.hpp"

#include <cmath>

#include <fmt/format.h>

#include "base/numbers.hpp"
#include "base/printable.hpp"
#include "load/suggest.hpp"
#include "load/yaml_reader.hpp"

namespace psoas {
namespace {

const std::vector<std::string> kFigureKeys = {"title", "view", "side", "near", "joints", "props", "worked"};
const std::vector<std::string> kCircleKeys = {"at", "radius"};  // a ball, a roller, a worked spot
const std::vector<std::string> kBlockKeys = {"at", "size"};
const std::vector<std::string> kChairKeys = {"at", "facing"};
constexpr std::size_t kMostProps = 40;
constexpr std::size_t kMostWorked = 40;
constexpr double kLargestRadius = 200;

class FigureReader : YamlReader {
 public:
  FigureReader(const SourceText& source, const YamlTree& tree) : YamlReader(source, tree, out_.diagnostics) {}

  ReadFigure read() {
    const NodeId root = tree_.root();
    if (tree_.kind(root) != Kind::map) {
      error(root, "a figure file is a map with `title` and `joints`");
      return std::move(out_);
    }
    Figure& figure = out_.figure;
    const auto values = keyed(root, kFigureKeys, "a figure");
    if (const auto title = find(values, "title")) {
      figure.title = one_line(*title, "title");
    } else {
      error(root, "this figure has no `title`: a line that says what it shows");
    }
    if (const auto view = find(values, "view")) {
      const std::string_view text = text_of(*view);
      if (text == "front") {
        figure.view = FigureView::front;
      } else if (text != "side") {
        error(*view, fmt::format("`view` is `side` or `front`, not {}", describe(*view)));
      }
    }
    if (const auto side = find(values, "side")) figure.side = side_value(*side, "side");
    figure.near = figure.side == Side::none ? Side::left : figure.side;
    if (const auto near = find(values, "near")) {
      if (const Side value = side_value(*near, "near"); value != Side::none) figure.near = value;
      if (figure.view == FigureView::front)
        error(*near, "`near` is for a side view: a front view shows both sides");
    }
    if (const auto joints = find(values, "joints")) {
      read_joints(*joints);
    } else {
      error(root, fmt::format("this figure has no `joints`: where each of {} is",
                              join_alternatives(joint_names())));
    }
    if (const auto props = find(values, "props")) read_props(*props);
    if (const auto worked = find(values, "worked")) read_worked(*worked);
    return std::move(out_);
  }

 private:
  [[nodiscard]] std::string describe(NodeId node) const { return describe_node(tree_, node); }

  std::string one_line(NodeId node, std::string_view key) {
    const std::string_view text = trim_blanks(text_of(node));
    if (tree_.kind(node) != Kind::scalar || text.empty()) {
      error(node, fmt::format("`{}` must be a line of text, not {}", key, describe(node)));
      return {};
    }
    if (text.find('\n') != std::string_view::npos || find_control_character(text)) {
      error(node, fmt::format("`{}` must be one line of text", key));
      return {};
    }
    return std::string(text);
  }

  Side side_value(NodeId node, std::string_view key) {
    const std::string_view text = text_of(node);
    if (text == "left") return Side::left;
    if (text == "right") return Side::right;
    error(node, fmt::format("`{}` is `left` or `right`, not {}", key, describe(node)));
    return Side::none;
  }

  std::optional<double> number(NodeId node, std::string_view what) {
    const auto value =
        tree_.kind(node) == Kind::scalar ? parse_decimal(trim_blanks(tree_.scalar(node))) : std::nullopt;
    if (!value) {
      error(node, fmt::format("{} must be a number, not {}", what, describe(node)));
      return std::nullopt;
    }
    if (std::abs(*value) > kMaxFigureCoordinate) {
      error(node, fmt::format("{} must be between -{} and {} (centimetres), not {}", what,
                              kMaxFigureCoordinate, kMaxFigureCoordinate, describe(node)));
      return std::nullopt;
    }
    return value;
  }

  std::optional<double> radius(NodeId node, std::string_view what) {
    const auto value = number(node, what);
    if (value && (*value <= 0 || *value > kLargestRadius)) {
      error(node, fmt::format("{} must be more than 0 and at most {}, not {}", what, kLargestRadius,
                              describe(node)));
      return std::nullopt;
    }
    return value;
  }

  // `[x, y]`.
  std::optional<Point> point(NodeId node, std::string_view what) {
    if (tree_.kind(node) != Kind::sequence || tree_.children(node).size() != 2) {
      error(node, fmt::format("{} must be a point, [x, y], not {}", what, describe(node)));
      return std::nullopt;
    }
    const auto x = number(tree_.children(node)[0], fmt::format("{}'s x", what));
    const auto y = number(tree_.children(node)[1], fmt::format("{}'s y", what));
    if (!x || !y) return std::nullopt;
    return Point{*x, *y};
  }

  std::optional<Joint> joint(NodeId node, std::string_view what) {
    const std::string_view name = text_of(node);
    if (const auto found = parse_joint(name)) return found;
    error(node, fmt::format("{} must be a joint, not {}{}", what, describe(node),
                            suggestion(name, joint_names(), "joints")));
    return std::nullopt;
  }

  void read_joints(NodeId node) {
    if (tree_.kind(node) != Kind::map) {
      error(node, "`joints` must be a map from each joint's name to its place, [x, y]");
      return;
    }
    std::array<bool, kJointCount> given{};
    bool bad_place = false;  // said already; the limbs are not judged then
    const auto children = tree_.children(node);
    for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
      const std::string_view name = text_of(children[i]);
      const auto found = parse_joint(name);
      if (!found) {
        error(children[i], fmt::format("unknown joint `{}`{}", escape_line(name),
                                       suggestion(name, joint_names(), "joints")));
        continue;
      }
      const auto index = static_cast<std::size_t>(*found);
      if (given[index]) {
        error(children[i], fmt::format("the joint `{}` is given twice", name));
        continue;
      }
      if (const auto place = point(children[i + 1], fmt::format("`{}`", name))) {
        given[index] = true;
        out_.figure.joints[index] = *place;
      } else {
        given[index] = true;  // said already: not missing as well
        bad_place = true;
      }
    }
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < kJointCount; ++i)
      if (!given[i]) missing.emplace_back(to_string(static_cast<Joint>(i)));
    if (!missing.empty()) {
      const std::string last = missing.back();
      missing.pop_back();
      error(node, fmt::format("`joints` lacks {}{}{}: a figure gives all {} joints", fmt::join(missing, ", "),
                              missing.empty() ? "" : " and ", last, kJointCount));
      return;
    }
    if (bad_place) return;
    // Limbs of zero length: a slip, since nothing would be drawn.
    for (const Bone& bone : figure_bones()) {
      if (!bone.limb || out_.figure.at(bone.from) != out_.figure.at(bone.to)) continue;
      error(joint_key(node, bone.to),
            fmt::format("`{}` is where `{}` is: the limb between them has no length", to_string(bone.to),
                        to_string(bone.from)));
    }
    const Point hips = mid_hip(out_.figure);
    if (hips == out_.figure.at(Joint::neck))
      error(joint_key(node, Joint::neck), "`neck` is at the middle of the hips: the spine has no length");
  }

  NodeId joint_key(NodeId joints, Joint joint) const {
    const auto children = tree_.children(joints);
    for (std::size_t i = 0; i + 1 < children.size(); i += 2)
      if (text_of(children[i]) == to_string(joint)) return children[i];
    return joints;
  }

  void read_props(NodeId node) {
    if (tree_.kind(node) != Kind::sequence) {
      error(node, "`props` must be a list, such as [floor, {mat: [-20, 150]}]");
      return;
    }
    if (tree_.children(node).size() > kMostProps) {
      error(node, fmt::format("more than {} props", kMostProps));
      return;
    }
    for (const NodeId item : tree_.children(node)) {
      NodeId name_node = item;
      std::optional<NodeId> value;
      if (tree_.kind(item) == Kind::map && tree_.children(item).size() == 2) {
        name_node = tree_.children(item)[0];
        value = tree_.children(item)[1];
      } else if (tree_.kind(item) != Kind::scalar) {
        error(item, fmt::format("each prop is a name and its place, such as `mat: [-20, 150]`, not {}",
                                describe(item)));
        continue;
      }
      const std::string_view name = text_of(name_node);
      const auto kind = parse_prop_kind(name);
      if (!kind) {
        error(name_node,
              fmt::format("unknown prop `{}`{}", escape_line(name), suggestion(name, prop_names(), "props")));
        continue;
      }
      if (auto prop = read_prop(*kind, name_node, value)) out_.figure.props.push_back(*prop);
    }
  }

  std::optional<Prop> read_prop(PropKind kind, NodeId name_node, std::optional<NodeId> value) {
    Prop prop;
    prop.kind = kind;
    const std::string what = fmt::format("`{}`", to_string(kind));
    if (!value && kind != PropKind::floor) {
      error(name_node, fmt::format("{} needs its place: {}", what, prop_example(kind)));
      return std::nullopt;
    }
    switch (kind) {
      case PropKind::floor:
        if (value) {
          const auto y = number(*value, "`floor`");
          if (!y) return std::nullopt;
          prop.at.y = *y;
        }
        return prop;
      case PropKind::wall: {
        const auto x = number(*value, "`wall`");
        if (!x) return std::nullopt;
        prop.at.x = *x;
        return prop;
      }
      case PropKind::mat: {
        const auto span = point(*value, "`mat`");
        if (!span) return std::nullopt;
        if (span->x >= span->y) {
          error(*value, "`mat` is [from, to], the x where it starts and a larger x where it ends");
          return std::nullopt;
        }
        prop.at.x = span->x;
        prop.to.x = span->y;
        return prop;
      }
      case PropKind::ball:
      case PropKind::roller: {
        const auto values = map_of(*value, kCircleKeys, what, kind);
        if (!values) return std::nullopt;
        const auto at = find(*values, "at");
        const auto size = find(*values, "radius");
        if (!at || !size) {
          error(*value, fmt::format("{} needs `at` and `radius`: {}", what, prop_example(kind)));
          return std::nullopt;
        }
        const auto centre = point(*at, fmt::format("{}'s `at`", what));
        const auto r = radius(*size, fmt::format("{}'s `radius`", what));
        if (!centre || !r) return std::nullopt;
        prop.at = *centre;
        prop.radius = *r;
        return prop;
      }
      case PropKind::block: {
        const auto values = map_of(*value, kBlockKeys, what, kind);
        if (!values) return std::nullopt;
        const auto at = find(*values, "at");
        const auto size = find(*values, "size");
        if (!at || !size) {
          error(*value, fmt::format("{} needs `at` and `size`: {}", what, prop_example(kind)));
          return std::nullopt;
        }
        const auto corner = point(*at, "`block`'s `at`");
        const auto extent = point(*size, "`block`'s `size`");
        if (!corner || !extent) return std::nullopt;
        if (extent->x <= 0 || extent->y <= 0) {
          error(*size, "`block`'s `size` is [width, height], both more than 0");
          return std::nullopt;
        }
        prop.at = *corner;
        prop.size = *extent;
        return prop;
      }
      case PropKind::chair: {
        const auto values = map_of(*value, kChairKeys, what, kind);
        if (!values) return std::nullopt;
        const auto at = find(*values, "at");
        if (!at) {
          error(*value, fmt::format("`chair` needs `at`: {}", prop_example(kind)));
          return std::nullopt;
        }
        const auto seat = point(*at, "`chair`'s `at`");
        if (!seat) return std::nullopt;
        prop.at = *seat;
        if (const auto facing = find(*values, "facing")) {
          const Side side = side_value(*facing, "`chair`'s `facing`");
          if (side == Side::none) return std::nullopt;
          prop.facing = side;
        }
        return prop;
      }
      case PropKind::strap: {
        if (tree_.kind(*value) != Kind::sequence || tree_.children(*value).size() != 2) {
          error(*value, fmt::format("`strap` joins two joints: {}", prop_example(kind)));
          return std::nullopt;
        }
        const auto from = joint(tree_.children(*value)[0], "each end of `strap`");
        const auto to = joint(tree_.children(*value)[1], "each end of `strap`");
        if (!from || !to) return std::nullopt;
        prop.ends = {*from, *to};
        return prop;
      }
    }
    return std::nullopt;
  }

  static std::string_view prop_example(PropKind kind) {
    switch (kind) {
      case PropKind::floor:
        return "`floor` or `floor: 0`";
      case PropKind::mat:
        return "`mat: [-20, 150]`";
      case PropKind::ball:
        return "`ball: {at: [40, 6], radius: 6}`";
      case PropKind::roller:
        return "`roller: {at: [40, 7], radius: 7}`";
      case PropKind::block:
        return "`block: {at: [30, 0], size: [20, 10]}`";
      case PropKind::chair:
        return "`chair: {at: [0, 45], facing: right}`";
      case PropKind::wall:
        return "`wall: 120`";
      case PropKind::strap:
        return "`strap: [left-ankle, left-wrist]`";
    }
    return "";
  }

  std::optional<Values> map_of(NodeId node, const std::vector<std::string>& keys, std::string_view what,
                               PropKind kind) {
    if (tree_.kind(node) != Kind::map) {
      error(node, fmt::format("{} is a map: {}", what, prop_example(kind)));
      return std::nullopt;
    }
    const std::size_t before = errors();
    Values values = keyed(node, keys, what);
    if (errors() != before) return std::nullopt;
    return values;
  }

  void read_worked(NodeId node) {
    if (tree_.kind(node) != Kind::sequence) {
      error(
          node,
          "`worked` must be a list of what the pose works: [left-hip, left-knee], left-hip or {at: [x, y]}");
      return;
    }
    if (tree_.children(node).size() > kMostWorked) {
      error(node, fmt::format("more than {} worked parts", kMostWorked));
      return;
    }
    for (const NodeId item : tree_.children(node)) {
      WorkedPart part;
      switch (tree_.kind(item)) {
        case Kind::scalar: {
          const auto at = joint(item, "a worked joint");
          if (!at) continue;
          part.kind = WorkedPart::Kind::joint;
          part.from = part.to = *at;
          break;
        }
        case Kind::sequence: {
          if (tree_.children(item).size() != 2) {
            error(item, "a worked limb is two joints it joins, such as [left-hip, left-knee]");
            continue;
          }
          const auto from = joint(tree_.children(item)[0], "each end of a worked limb");
          const auto to = joint(tree_.children(item)[1], "each end of a worked limb");
          if (!from || !to) continue;
          if (!is_bone(*from, *to)) {
            error(item, fmt::format("`{}` and `{}` are not joined by a limb; a worked limb is one the figure "
                                    "draws, such as [left-hip, left-knee]",
                                    to_string(*from), to_string(*to)));
            continue;
          }
          part.kind = WorkedPart::Kind::bone;
          part.from = *from;
          part.to = *to;
          break;
        }
        case Kind::map: {
          const std::size_t before = errors();
          const Values values = keyed(item, kCircleKeys, "a worked spot");
          if (errors() != before) continue;
          const auto at = find(values, "at");
          if (!at) {
            error(item, "a worked spot needs `at`: {at: [x, y]}");
            continue;
          }
          const auto place = point(*at, "a worked spot's `at`");
          if (!place) continue;
          part.kind = WorkedPart::Kind::spot;
          part.at = *place;
          if (const auto size = find(values, "radius")) {
            const auto r = radius(*size, "a worked spot's `radius`");
            if (!r) continue;
            part.radius = *r;
          }
          break;
        }
        default:
          error(item, "each worked part is [joint, joint], a joint, or {at: [x, y]}");
          continue;
      }
      out_.figure.worked.push_back(part);
    }
  }

  ReadFigure out_;
};

}  // namespace

ReadFigure read_figure(const SourceText& source) {
  return read_yaml_with<ReadFigure, FigureReader>(source);
}

bool is_figure_text(std::string_view text) {
  // A top-level key starts a line, with no indent.
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find('\n', at);
    const std::string_view line =
        text.substr(at, end == std::string_view::npos ? text.size() - at : end - at);
    if (line.starts_with("joints:")) return true;
    if (end == std::string_view::npos) break;
    at = end + 1;
  }
  return false;
}

}  // namespace psoas
