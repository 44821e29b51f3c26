#include "base/utf8.hpp"

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

TEST_CASE("code points decode, and a byte that begins no valid sequence reads as U+FFFD, one byte long") {
  const std::string_view text = "a\xC3\xA9\xFF\xF0\x9F\x99\x82";
  std::size_t i = 0;
  CHECK(next_code_point(text, i) == U'a');
  CHECK(next_code_point(text, i) == U'é');
  CHECK(next_code_point(text, i) == 0xFFFD);
  CHECK(i == 4);
  CHECK(next_code_point(text, i) == U'🙂');
  CHECK(i == text.size());
}

TEST_CASE("fitting to a width never cuts inside a character, nor between a letter and its accent") {
  CHECK(fit_width("abcdef", 3) == "abc");
  CHECK(fit_width("日本語", 5) == "日本");
  CHECK(fit_width("e\xCC\x81"
                  "e\xCC\x81"
                  "e",
                  2) ==
        "e\xCC\x81"
        "e\xCC\x81");
  CHECK(fit_width("ab\xE2\x82", 10) == "ab\xE2\x82");  // fits as it is: nothing is cut
  CHECK(fit_width("ab\xE2\x82xyz", 3).size() == 3);    // a broken sequence counts byte by byte
  CHECK(fit_width("🙂🙂", 3) == "🙂");
  CHECK(fit_width("", 0).empty());
  CHECK(fit_width("abc", 0).empty());
}

TEST_CASE("validity: overlong forms, surrogates and cut-short sequences are not UTF-8") {
  CHECK(is_valid_utf8("plain é 日 🙂"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));
  CHECK_FALSE(is_valid_utf8("\xE2\x82"));
  CHECK(count_code_points("aé日🙂") == 4);
}
