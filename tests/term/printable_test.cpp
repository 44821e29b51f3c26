#include "term/printable.hpp"

#include <doctest/doctest.h>

using namespace psoas;

TEST_CASE("escape_controls: C0, DEL, C1 and bytes that are not UTF-8 become escapes, the rest stays") {
  CHECK(escape_controls("plain, tab\tand é 日") == "plain, tab\tand é 日");
  CHECK(escape_controls("\x1b[2J") == "\\x1b[2J");
  CHECK(escape_controls(std::string_view("a\0b\x7f", 4)) == "a\\x00b\\x7f");
  CHECK(escape_controls("\xc2\x9b"
                        "31m") == "\\u009b31m");                // C1 CSI
  CHECK(escape_controls("\xff\xc3(") == "\\xff\\xc3(");         // not UTF-8
  CHECK(escape_controls("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a surrogate
  CHECK_FALSE(has_controls("日本\té"));
  CHECK(has_controls("\r"));
  CHECK(escape_controls("two\nlines") == "two\nlines");  // a message may have several
}
