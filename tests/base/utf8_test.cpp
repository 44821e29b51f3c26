#include "base/utf8.hpp"

#include <algorithm>
#include <ios>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <utf8proc.h>

using namespace psoas;

namespace {

// Plain letters and blocks, combining marks, ZWJ and emoji, flags, Hangul
// jamo, CR LF, a control character, a prepended mark, a spacing mark.
const std::vector<std::string> kTextPieces = {"a",
                                              " ",
                                              "7",
                                              "\xc3\xa9",
                                              "\xe2\x96\x88",
                                              "\xe2\x96\x80",
                                              "\xcc\x81",
                                              "\xe2\x80\x8d",
                                              "\xf0\x9f\x91\xa9",
                                              "\xf0\x9f\x91\xa7",
                                              "\xef\xb8\x8f",
                                              "\xf0\x9f\x87\xab",
                                              "\xf0\x9f\x87\xb7",
                                              "\xe1\x84\x80",
                                              "\xe1\x85\xa1",
                                              "\xe1\x86\xa8",
                                              "\r",
                                              "\n",
                                              "\x01",
                                              "\xd8\x80",
                                              "\xe0\xa4\xbe",
                                              "\xe4\xb8\xad",
                                              "\xff"};

// Up to eleven of those pieces, at random.
std::string random_text(std::mt19937& random) {
  std::string text;
  const auto length = random() % 12;
  for (std::size_t k = 0; k < length; ++k) text += kTextPieces[random() % kTextPieces.size()];
  return text;
}

}  // namespace

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

TEST_CASE("grapheme clusters are utf8proc's, with its shortcut for plain characters, over random text") {
  // utf8proc asked at every character, as clusters_of() did before its shortcut.
  const auto reference = [](std::string_view text) {
    std::vector<TextCluster> clusters;
    utf8proc_int32_t state = 0;
    utf8proc_int32_t previous = -1;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t start = i;
      const auto code_point = static_cast<utf8proc_int32_t>(next_code_point(text, i));
      if (previous < 0 || utf8proc_grapheme_break_stateful(previous, code_point, &state))
        clusters.push_back({start, 0, 0});
      previous = code_point;
      clusters.back().size = i - clusters.back().begin;
      clusters.back().width += code_point_width(static_cast<char32_t>(code_point));
    }
    return clusters;
  };
  std::mt19937 random(20261202);
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_text(random);
    CAPTURE(text);
    const auto got = clusters_of(text);
    const auto want = reference(text);
    REQUIRE(got.size() == want.size());
    for (std::size_t c = 0; c < got.size(); ++c) {
      CHECK(got[c].begin == want[c].begin);
      CHECK(got[c].size == want[c].size);
      CHECK(got[c].width == want[c].width);
    }
  }
}

TEST_CASE("every code point decodes to itself, as utf8proc encodes it") {
  for (utf8proc_int32_t code_point = 0; code_point <= 0x10FFFF; ++code_point) {
    if (code_point >= 0xD800 && code_point <= 0xDFFF) continue;  // surrogates are not UTF-8
    utf8proc_uint8_t bytes[4];
    const auto length = static_cast<std::size_t>(utf8proc_encode_char(code_point, bytes));
    const std::string_view text(reinterpret_cast<const char*>(bytes), length);
    std::size_t i = 0;
    if (next_code_point(text, i) != static_cast<char32_t>(code_point) || i != length) {
      FAIL_CHECK("U+" << std::hex << code_point << " decodes wrongly");
      break;
    }
  }
}

TEST_CASE("widths are utf8proc's whatever came before, and a fitted text's width is the one it shows") {
  // Each code point asked of utf8proc; a byte that begins no sequence is U+FFFD.
  const auto reference = [](std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
      const char32_t code_point = next_code_point(text, i);
      if (code_point < 0x7F) {
        width += code_point >= 0x20 ? 1 : 0;
      } else {
        width += static_cast<std::size_t>(
            std::max(utf8proc_charwidth(static_cast<utf8proc_int32_t>(code_point)), 0));
      }
    }
    return width;
  };
  std::mt19937 random(20261203);
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_text(random);
    CAPTURE(text);
    CHECK(display_width(text) == reference(text));
    const std::size_t columns = random() % (text.size() + 2);
    const FittedText fitted = fit_text(text, columns);
    CHECK(fitted.text == fit_width(text, columns));
    CHECK(fitted.width == reference(fitted.text));
    CHECK(fitted.width <= columns);
  }
}
