#include "load/figure_reader.hpp"

#include <doctest/doctest.h>

#include "support/inline_source.hpp"

using namespace psoas;
using psoas::testing::diagnostics_text;
using psoas::testing::inline_source;

namespace {

// Every joint, a kneeling lunge's worth, with `extra` lines after.
std::string figure_text(const std::string& extra = {}) {
  std::string text = "title: Lunge\nside: left\njoints:\n";
  const std::vector<std::pair<std::string, std::string>> joints = {
      {"head", "[0, 160]"},           {"neck", "[0, 148]"},         {"left-shoulder", "[0, 145]"},
      {"right-shoulder", "[1, 145]"}, {"left-elbow", "[5, 120]"},   {"right-elbow", "[6, 120]"},
      {"left-wrist", "[10, 100]"},    {"right-wrist", "[11, 100]"}, {"left-hip", "[0, 98]"},
      {"right-hip", "[1, 98]"},       {"left-knee", "[-30, 70]"},   {"right-knee", "[40, 90]"},
      {"left-ankle", "[-60, 60]"},    {"right-ankle", "[40, 50]"},  {"left-toe", "[-70, 50]"},
      {"right-toe", "[55, 50]"}};
  for (const auto& [name, place] : joints) text += "  " + name + ": " + place + "\n";
  return text + extra;
}

std::string errors_of(const std::string& text) {
  return diagnostics_text(read_figure(inline_source("f.yaml", text)).diagnostics);
}

}  // namespace

TEST_CASE("a figure file is read: joints, props, worked parts") {
  const ReadFigure read = read_figure(inline_source(
      "f.yaml", figure_text("props:\n  - floor\n  - mat: [-80, 60]\n  - ball: {at: [5, 8], radius: 6}\n"
                            "  - strap: [left-ankle, left-wrist]\nworked:\n  - [left-hip, left-knee]\n"
                            "  - left-hip\n  - {at: [3, 90], radius: 2.5}\n")));
  REQUIRE(read.diagnostics.empty());
  const Figure& figure = read.figure;
  CHECK(figure.title == "Lunge");
  CHECK(figure.side == Side::left);
  CHECK(figure.near == Side::left);
  CHECK(figure.at(Joint::left_knee) == Point{-30, 70});
  REQUIRE(figure.props.size() == 4);
  CHECK(figure.props[1].kind == PropKind::mat);
  CHECK(figure.props[1].to.x == 60);
  CHECK(figure.props[2].radius == 6);
  CHECK(figure.props[3].ends[1] == Joint::left_wrist);
  REQUIRE(figure.worked.size() == 3);
  CHECK(figure.worked[0].kind == WorkedPart::Kind::bone);
  CHECK(figure.worked[1].kind == WorkedPart::Kind::joint);
  CHECK(figure.worked[2].radius == 2.5);
}

TEST_CASE("an unknown joint is named, with the one it was likely meant to be") {
  CHECK(errors_of(figure_text("  left-kne: [1, 2]\n")) ==
        "f.yaml:20:3: error: unknown joint `left-kne`; did you mean `left-knee`?\n");
}

TEST_CASE("missing joints are listed at `joints`") {
  std::string text = figure_text();
  const auto at = text.find("  left-toe:");
  text.erase(at, text.find('\n', at) - at + 1);
  const auto at2 = text.find("  neck:");
  text.erase(at2, text.find('\n', at2) - at2 + 1);
  CHECK(errors_of(text) ==
        "f.yaml:4:3: error: `joints` lacks neck and left-toe: a figure gives all 16 joints\n");
}

TEST_CASE("a limb of zero length is an error at its far joint") {
  std::string text = figure_text();
  const auto at = text.find("  left-ankle: [-60, 60]");
  text.replace(at, std::string("  left-ankle: [-60, 60]").size(), "  left-ankle: [-30, 70]");
  CHECK(errors_of(text) ==
        "f.yaml:16:3: error: `left-ankle` is where `left-knee` is: the limb between them has no length\n");
}

TEST_CASE("bad values: a point that is not two numbers, an unknown prop, a worked pair no limb joins") {
  std::string text = figure_text();
  const auto at = text.find("[5, 120]");
  text.replace(at, 8, "[5, up]");
  text += "props:\n  - ball: {at: [1, 2]}\n  - rug: [1, 2]\nworked:\n  - [left-hip, right-knee]\nview: top\n";
  CHECK(errors_of(text) ==
        "f.yaml:8:19: error: `left-elbow`'s y must be a number, not `up`\n"
        "f.yaml:21:11: error: `ball` needs `at` and `radius`: `ball: {at: [40, 6], radius: 6}`\n"
        "f.yaml:22:5: error: unknown prop `rug`; the props are `floor`, `mat`, `ball`, `roller`, `block`, "
        "`chair`, "
        "`wall` or `strap`\n"
        "f.yaml:24:5: error: `left-hip` and `right-knee` are not joined by a limb; a worked limb is one the "
        "figure draws, such as [left-hip, left-knee]\n"
        "f.yaml:25:7: error: `view` is `side` or `front`, not `top`\n");
}

TEST_CASE("a figure file is told from a routine by its top-level `joints:`") {
  CHECK(is_figure_text(figure_text()));
  CHECK(is_figure_text("# a figure\ntitle: x\njoints:\n"));
  CHECK_FALSE(is_figure_text("title: Hips\nsteps:\n  - name: x\n    joints: 2\n"));
}
