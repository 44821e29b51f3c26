#include "term/keys.hpp"

#include <doctest/doctest.h>

using namespace psoas;

TEST_CASE("characters, Enter and Backspace decode one by one") {
  KeyDecoder decoder;
  const auto keys = decoder.feed("ab \r\n\x7f+");
  REQUIRE(keys.size() == 7);
  CHECK(keys[0] == Key::of('a'));
  CHECK(keys[2] == Key::of(' '));
  CHECK(keys[3].code == Key::Code::enter);
  CHECK(keys[4].code == Key::Code::enter);
  CHECK(keys[5].code == Key::Code::backspace);
  CHECK(keys[6] == Key::of('+'));
}

TEST_CASE("arrow keys in both their CSI and SS3 forms") {
  KeyDecoder decoder;
  const auto keys = decoder.feed("\x1b[C\x1b[D\x1bOC\x1bOD\x1b[A\x1b[1;5B");
  REQUIRE(keys.size() == 6);
  CHECK(keys[0].code == Key::Code::right);
  CHECK(keys[1].code == Key::Code::left);
  CHECK(keys[2].code == Key::Code::right);
  CHECK(keys[3].code == Key::Code::left);
  CHECK(keys[4].code == Key::Code::up);
  CHECK(keys[5].code == Key::Code::down);
}

TEST_CASE("a sequence split across reads is put back together") {
  KeyDecoder decoder;
  CHECK(decoder.feed("\x1b").empty());
  CHECK(decoder.pending());
  CHECK(decoder.feed("[").empty());
  const auto keys = decoder.feed("Dx");
  REQUIRE(keys.size() == 2);
  CHECK(keys[0].code == Key::Code::left);
  CHECK(keys[1] == Key::of('x'));
}

TEST_CASE("a lone ESC is the Escape key once nothing follows it") {
  KeyDecoder decoder;
  CHECK(decoder.feed("\x1b").empty());
  const auto keys = decoder.flush();
  REQUIRE(keys.size() == 1);
  CHECK(keys[0].code == Key::Code::escape);
  CHECK_FALSE(decoder.pending());
}

TEST_CASE("UTF-8 characters, even split, decode to code points, unknown sequences are swallowed") {
  KeyDecoder decoder;
  CHECK(decoder.feed("\xC3").empty());
  const auto keys = decoder.feed("\xA9\x1b[15~q");
  REQUIRE(keys.size() == 3);
  CHECK(keys[0] == Key::of(U'é'));
  CHECK(keys[1].code == Key::Code::escape);
  CHECK(keys[2] == Key::of('q'));
}
