#include "term/frame.hpp"

#include <random>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "support/screen.hpp"

using namespace psoas;
using psoas::testing::ScreenModel;

namespace {

Frame frame_of(std::vector<std::string> lines, std::string title = "t") {
  Frame frame;
  for (std::string& line : lines) frame.lines.push_back({{std::move(line), {}}});
  frame.title = std::move(title);
  return frame;
}

// The screen `frame` gives when every line is drawn whole on a cleared screen.
ScreenModel drawn_whole(const Frame& frame, TerminalSize size, bool color) {
  ScreenModel screen(static_cast<std::size_t>(size.columns), static_cast<std::size_t>(size.rows));
  for (std::size_t row = 0; row < frame.lines.size() && row < static_cast<std::size_t>(size.rows); ++row) {
    const auto width =
        static_cast<std::size_t>(size.columns) - (row + 1 == static_cast<std::size_t>(size.rows));
    screen.feed(fmt::format("\x1b[{};1H{}", row + 1, encode_line(frame.lines[row], width, color)));
  }
  return screen;
}

}  // namespace

TEST_CASE("the first paint clears the screen and draws every line, with the title") {
  FramePainter painter(false);
  CHECK(painter.paint(frame_of({"one", "", "three"}), {20, 3}) ==
        "\x1b[0m\x1b[H\x1b[2J\x1b[1;1Hone\x1b[3;1Hthree\x1b]2;t\x07");
}

TEST_CASE("later paints write only the cells that changed, cursor-addressed") {
  FramePainter painter(false);
  painter.paint(frame_of({"one", "hold it 0:42"}), {20, 3});
  CHECK(painter.paint(frame_of({"one", "hold it 0:41"}), {20, 3}) == "\x1b[2;12H1");
  CHECK(painter.paint(frame_of({"one", "hold it 0:41"}), {20, 3}).empty());
  CHECK(painter.paint(frame_of({"one", "hold it 0:30"}), {20, 3}) == "\x1b[2;11H30");
  // Changes far apart: the cursor steps over what stays; close together, what stays is written again.
  CHECK(painter.paint(frame_of({"one", "HOLD it 0:31"}), {20, 3}) == "\x1b[2;1HHOLD\x1b[7C1");
  CHECK(painter.paint(frame_of({"one", "HOLd iT 0:31"}), {20, 3}) == "\x1b[2;4Hd iT");
  // A shorter line: the rest is erased from the first column that was not blank already.
  CHECK(painter.paint(frame_of({"one", "HOLd"}), {20, 3}) == "\x1b[2;6H\x1b[K");
  CHECK(painter.paint(frame_of({"one"}, "new"), {20, 3}) == "\x1b[2;1H\x1b[K\x1b]2;new\x07");
  painter.invalidate();
  CHECK(painter.paint(frame_of({"one"}, "new"), {20, 3}).starts_with("\x1b[0m\x1b[H\x1b[2J"));
}

TEST_CASE("lines are cut to the width, and the bottom-right cell is never written") {
  FramePainter painter(false);
  const std::string out = painter.paint(frame_of({"abcdefgh", "█████████"}), {5, 2});
  CHECK(out.find("abcde\x1b[2;1H████\x1b]") != std::string::npos);
}

TEST_CASE("attributes are set once for a run of cells that share them, and reset at the end of a paint") {
  Frame frame;
  frame.lines.push_back(
      {{"ho", {Color::green, true}}, {"ld", {Color::green, true}}, {" x", {Color::none, false, true}}});
  CHECK(FramePainter(true).paint(frame, {20, 2}) ==
        "\x1b[0m\x1b[H\x1b[2J\x1b[1;1H\x1b[1;32mhold\x1b[0;2m x\x1b[0m\x1b]2;\x07");
  const std::string plain = FramePainter(false).paint(frame, {20, 2});
  CHECK(plain == "\x1b[0m\x1b[H\x1b[2J\x1b[1;1H\x1b[1mhold\x1b[0m x\x1b]2;\x07");
}

TEST_CASE("a changed colour alone is written, and not at all without colour") {
  Frame red;
  red.lines.push_back({{"go", Attributes::in(Color::red)}});
  Frame green;
  green.lines.push_back({{"go", Attributes::in(Color::green)}});
  FramePainter colored(true);
  colored.paint(red, {10, 2});
  CHECK(colored.paint(green, {10, 2}) == "\x1b[1;1H\x1b[32mgo\x1b[0m");
  FramePainter plain(false);
  plain.paint(red, {10, 2});
  CHECK(plain.paint(green, {10, 2}).empty());
}

TEST_CASE("a wide character is written whole, and the half of one left over is redrawn") {
  FramePainter painter(false);
  painter.paint(frame_of({"ab漢字"}), {10, 2});
  // The second half of 漢 changes to "x": the whole of what covers those columns is written again.
  CHECK(painter.paint(frame_of({"ab漢x字"}), {10, 2}) == "\x1b[1;5Hx字");
  CHECK(painter.paint(frame_of({"abc漢x字"}), {10, 2}) == "\x1b[1;3Hc漢x字");
  // Another wide character in the place of one: the cursor ends after both its columns.
  ScreenModel screen(20, 2);
  FramePainter stepping(false);
  screen.feed(stepping.paint(frame_of({"漢 and so on x"}), {20, 2}));
  const std::string out = stepping.paint(frame_of({"字 and so on y"}), {20, 2});
  CHECK(out == "\x1b[1;1H字\x1b[11Cy");
  screen.feed(out);
  CHECK(screen.problems().empty());
  CHECK(screen.cells() == drawn_whole(frame_of({"字 and so on y"}), {20, 2}, false).cells());
}

TEST_CASE(
    "whatever the frames, painting them one after another shows what drawing the last one whole shows") {
  const std::vector<std::string> pieces{"a",  "hold", " ",    "0:4", "█",    "██ ", "é",  "e\u0301",
                                        "漢", "字x",  "🙂", "  ",  "left", "→",   "12", ""};
  const std::vector<Attributes> looks{{},
                                      Attributes::bold_in(Color::green),
                                      Attributes::in(Color::red),
                                      {Color::none, false, true, false},
                                      {Color::yellow, false, false, true}};
  std::mt19937 random(1234);
  const auto pick = [&random](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
  };
  for (const bool color : {true, false}) {
    for (const TerminalSize size : {TerminalSize{12, 4}, TerminalSize{7, 3}, TerminalSize{1, 1}}) {
      FramePainter painter(color);
      ScreenModel screen(static_cast<std::size_t>(size.columns), static_cast<std::size_t>(size.rows));
      Frame frame;
      for (int round = 0; round < 300; ++round) {
        frame.lines.resize(pick(6));
        // Most rounds change a little, as a countdown does; some change everything.
        const std::size_t changes = pick(4) == 0 ? 20 : 1 + pick(2);
        for (std::size_t change = 0; change < changes && !frame.lines.empty(); ++change) {
          FrameLine& line = frame.lines[pick(frame.lines.size())];
          line.resize(pick(5));
          for (Span& span : line) {
            if (pick(2) == 0)
              span =
                  Span{pieces[pick(pieces.size())] + pieces[pick(pieces.size())], looks[pick(looks.size())]};
          }
        }
        frame.title = pieces[pick(pieces.size())];
        if (pick(50) == 0) painter.invalidate();
        screen.feed(painter.paint(frame, size));
        const ScreenModel whole = drawn_whole(frame, size, color);
        REQUIRE_MESSAGE(screen.cells() == whole.cells(),
                        "round " << round << " at " << size.columns << "x" << size.rows);
        REQUIRE(screen.title() == frame.title);
        REQUIRE(screen.problems().empty());
      }
    }
  }
}
