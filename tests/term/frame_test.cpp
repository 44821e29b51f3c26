#include "term/frame.hpp"

#include <doctest/doctest.h>

using namespace psoas;

namespace {

Frame frame_of(std::vector<std::string> lines, std::string title = "t") {
  Frame frame;
  for (std::string& line : lines) frame.lines.push_back({{std::move(line), {}}});
  frame.title = std::move(title);
  return frame;
}

}  // namespace

TEST_CASE("the first paint clears the screen and draws every line, with the title") {
  FramePainter painter(false);
  CHECK(painter.paint(frame_of({"one", "", "three"}), {20, 3}) ==
        "\x1b[0m\x1b[H\x1b[2J\x1b[1;1Hone\x1b[K\x1b[3;1Hthree\x1b[K\x1b]2;t\x07");
}

TEST_CASE("later paints write only the lines that changed") {
  FramePainter painter(false);
  painter.paint(frame_of({"one", "two"}), {20, 3});
  CHECK(painter.paint(frame_of({"one", "TWO"}), {20, 3}) == "\x1b[2;1HTWO\x1b[K");
  CHECK(painter.paint(frame_of({"one", "TWO"}), {20, 3}).empty());
  CHECK(painter.paint(frame_of({"one"}), {20, 3}) == "\x1b[2;1H\x1b[K");
  CHECK(painter.paint(frame_of({"one"}, "new"), {20, 3}) == "\x1b]2;new\x07");
  painter.invalidate();
  CHECK(painter.paint(frame_of({"one"}, "new"), {20, 3}).starts_with("\x1b[0m\x1b[H\x1b[2J"));
}

TEST_CASE("lines are cut to the width, and the bottom-right cell is never written") {
  FramePainter painter(false);
  const std::string out = painter.paint(frame_of({"abcdefgh", "█████████"}), {5, 2});
  CHECK(out.find("abcde\x1b[K") != std::string::npos);
  CHECK(out.find("\x1b[2;1H████\x1b[K") != std::string::npos);
}

TEST_CASE("attributes become SGR codes, colour and dim only with colour on") {
  Frame frame;
  frame.lines.push_back({{"hold", {Color::green, true}}, {" x", {Color::none, false, true}}});
  CHECK(FramePainter(true).paint(frame, {20, 2}).find("\x1b[1;32mhold\x1b[0m\x1b[2m x\x1b[0m") !=
        std::string::npos);
  const std::string plain = FramePainter(false).paint(frame, {20, 2});
  CHECK(plain.find("\x1b[1mhold\x1b[0m x\x1b[K") != std::string::npos);
  CHECK(plain.find("32m") == std::string::npos);
}
