#include "base/printable.hpp"

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

TEST_CASE("escape_line keeps text on one line: a line feed becomes \\n") {
  CHECK(escape_line("key\nfile.yaml:1:1: error: forged") == "key\\nfile.yaml:1:1: error: forged");
  CHECK(escape_line("tab\tstays") == "tab\tstays");
  CHECK(find_control_character("ok\n\tfine") == std::nullopt);
  CHECK(find_control_character("bell\a") == 7u);
  CHECK(find_control_character("csi\xC2\x9B") == 0x9Bu);
}
