#include "ui/canvas.hpp"

#include <doctest/doctest.h>

#include "base/utf8.hpp"

using namespace psoas;

namespace {

std::string text_of(const FrameLine& line) {
  std::string out;
  for (const Span& span : line) out += span.text;
  return out;
}

}  // namespace

TEST_CASE("a canvas cuts every line to its width, between characters, and pads the frame to its height") {
  Canvas canvas({10, 4});
  canvas.text("exactly 10");
  canvas.line(
      {{"日本語", {}}, {"テキスト", {.color = Color::red, .bold = true, .dim = false, .reverse = false}}});
  canvas.text("");
  CHECK(canvas.rows_left() == 1);
  const Frame frame = canvas.finish("title");
  REQUIRE(frame.lines.size() == 4);
  CHECK(text_of(frame.lines[0]) == "exactly 10");
  CHECK(text_of(frame.lines[1]) == "日本語テキ");  // 10 columns: the wide characters that fit, whole
  CHECK(display_width(text_of(frame.lines[1])) <= 10);
  CHECK(frame.lines[3].empty());
  CHECK(frame.title == "title");
}

TEST_CASE("split puts the right part at the right edge, or drops it when there is no room") {
  Canvas canvas({20, 5});
  canvas.split({{"left", {}}}, {{"right", {}}});
  canvas.split({{"a long left part", {}}}, {{"right", {}}});
  canvas.split({{"a left part far too long", {}}}, {{"r", {}}});
  const Frame frame = canvas.finish("");
  CHECK(text_of(frame.lines[0]) == "left           right");
  CHECK(text_of(frame.lines[1]) == "a long left part");
  CHECK(text_of(frame.lines[2]) == "a left part far too…");
}

TEST_CASE("centred blocks keep their rows aligned — blanks go in where asked") {
  Canvas canvas({11, 5});
  canvas.centered({"ab", "abcd"}, {});
  canvas.insert_blanks(0, 2);
  canvas.insert_blanks(99, -1);  // out of range and negative: nothing
  const Frame frame = canvas.finish("");
  CHECK(text_of(frame.lines[2]) == "   ab");
  CHECK(text_of(frame.lines[3]) == "   abcd");
  CHECK(frame.lines[0].empty());
}
