#include "model/figure.hpp"

#include <doctest/doctest.h>

using namespace psoas;

namespace {

Figure lunge() {
  Figure figure;
  figure.side = Side::left;
  figure.near = Side::left;
  for (std::size_t i = 0; i < kJointCount; ++i)
    figure.joints[i] = {static_cast<double>(i), static_cast<double>(i)};
  figure.at(Joint::left_knee) = {10, 0};
  figure.at(Joint::right_knee) = {90, 40};
  figure.props.push_back({PropKind::mat, {0, 0}, {60, 0}, {}, 0, Side::right, {Joint::head, Joint::head}});
  figure.props.push_back({PropKind::block, {20, 0}, {}, {10, 5}, 0, Side::right, {Joint::head, Joint::head}});
  figure.props.push_back(
      {PropKind::strap, {}, {}, {}, 0, Side::right, {Joint::left_ankle, Joint::left_wrist}});
  figure.worked.push_back({WorkedPart::Kind::bone, Joint::left_hip, Joint::left_knee, {}, 4});
  figure.worked.push_back({WorkedPart::Kind::spot, Joint::head, Joint::head, {30, 5}, 4});
  return figure;
}

}  // namespace

TEST_CASE("mirroring flips x about the figure's middle and swaps every left and right") {
  const Figure figure = lunge();
  const Figure mirrored_figure = mirror(figure);
  // x runs from 0 to 90 over the joints, so the axis is at 45: x becomes 90 - x.
  CHECK(mirrored_figure.at(Joint::right_knee) == Point{80, 0});
  CHECK(mirrored_figure.at(Joint::left_knee) == Point{0, 40});
  CHECK(mirrored_figure.at(Joint::head) == Point{90, 0});
  CHECK(mirrored_figure.side == Side::right);
  CHECK(mirrored_figure.near == Side::right);
  CHECK(mirrored_figure.worked[0].from == Joint::right_hip);
  CHECK(mirrored_figure.worked[0].to == Joint::right_knee);
  CHECK(mirrored_figure.worked[1].at == Point{60, 5});
  // A mat from 0 to 60 runs from 30 to 90; a block's lower-left corner moves by its width.
  CHECK(mirrored_figure.props[0].at.x == 30);
  CHECK(mirrored_figure.props[0].to.x == 90);
  CHECK(mirrored_figure.props[1].at.x == 60);
  CHECK(mirrored_figure.props[2].ends[0] == Joint::right_ankle);
  CHECK(mirrored_figure.props[2].ends[1] == Joint::right_wrist);
}

TEST_CASE("mirroring twice gives the figure back") {
  const Figure figure = lunge();
  const Figure twice = mirror(mirror(figure));
  CHECK(twice.joints == figure.joints);
  CHECK(twice.side == figure.side);
  CHECK(twice.props[1].at == figure.props[1].at);
  CHECK(twice.worked[0].from == figure.worked[0].from);
}

TEST_CASE("a figure is drawn as it is for its own side and for no side, mirrored for the other") {
  const Figure figure = lunge();
  CHECK(for_side(figure, Side::left).joints == figure.joints);
  CHECK(for_side(figure, Side::none).joints == figure.joints);
  CHECK(for_side(figure, Side::right).joints == mirror(figure).joints);
  Figure sideless = figure;
  sideless.side = Side::none;
  CHECK(for_side(sideless, Side::right).joints == figure.joints);
}

TEST_CASE("a step with one figure per side draws each side's own") {
  StepFigure step;
  auto left = std::make_shared<Figure>(lunge());
  auto right = std::make_shared<Figure>(lunge());
  right->side = Side::right;
  right->at(Joint::head) = {500, 500};
  step.figure = left;
  step.right_figure = right;
  CHECK(step.drawn_for(Side::right)->at(Joint::head) == Point{500, 500});
  CHECK(step.drawn_for(Side::left)->joints == left->joints);
  CHECK_FALSE(StepFigure{}.drawn_for(Side::left));
}

TEST_CASE("a figure named for one side alone draws the other side as its mirror image") {
  StepFigure step;
  auto left = std::make_shared<Figure>(lunge());
  step.left_figure = left;
  CHECK(step.loaded_for(Side::right) == left.get());
  CHECK(step.drawn_for(Side::right)->joints == mirror(*left).joints);
  CHECK(step.drawn_for(Side::left)->joints == left->joints);
}

TEST_CASE("joints: names both ways, the other side's joint, and the lines the figure draws") {
  for (std::size_t i = 0; i < kJointCount; ++i) {
    const auto joint = static_cast<Joint>(i);
    CHECK(parse_joint(to_string(joint)) == joint);
    CHECK(mirrored(mirrored(joint)) == joint);
  }
  CHECK(mirrored(Joint::left_toe) == Joint::right_toe);
  CHECK(mirrored(Joint::neck) == Joint::neck);
  CHECK_FALSE(parse_joint("left-foot"));
  CHECK(is_bone(Joint::left_knee, Joint::left_hip));
  CHECK(is_bone(Joint::neck, Joint::right_hip));
  CHECK_FALSE(is_bone(Joint::left_hip, Joint::right_knee));
  CHECK_FALSE(is_bone(Joint::head, Joint::left_wrist));
}
