#include "load/utf8.hpp"

#include <doctest/doctest.h>

using namespace psoas;

TEST_CASE("valid UTF-8 passes through repair untouched") {
  for (const char* text : {"", "abc", "é", "日本", "🙂", "a\xC2\x85z"}) CHECK(repair_utf8(text) == text);
}

TEST_CASE("stray bytes are read as Latin-1, as yaml-cpp's \\N and \\_ escapes mean them") {
  CHECK(repair_utf8("a\x85z") == "a\xC2\x85z");  // U+0085, NEXT LINE
  CHECK(repair_utf8("a\xA0z") == "a\xC2\xA0z");  // U+00A0, NO-BREAK SPACE
  CHECK(repair_utf8("\xFF") == "\xC3\xBF");
  CHECK(repair_utf8("\xE2\x82") == "\xC3\xA2\xC2\x82");  // a cut-short sequence, byte by byte
}
