#include "ui/text.hpp"

#include <doctest/doctest.h>

using namespace psoas;

TEST_CASE("display width counts columns: wide characters two, combining marks none") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("é·×") == 3);
  CHECK(display_width("日本") == 4);
  CHECK(visible_width("\x1b[1m\x1b[31mab\x1b[0m日") == 4);  // colour codes take no columns
  CHECK(display_width("e\xCC\x81") == 1);                   // e + combining acute
  CHECK(display_width("🙂") == 2);
}

TEST_CASE("wrap fills lines with whole words and collapses whitespace") {
  CHECK(wrap("one two three four", 9) == std::vector<std::string>{"one two", "three", "four"});
  CHECK(wrap("  spaced\n\nout  ", 20) == std::vector<std::string>{"spaced out"});
  CHECK(wrap("", 10).empty());
  CHECK(wrap("abcdefghij", 4) == std::vector<std::string>{"abcd", "efgh", "ij"});
  CHECK(wrap("a 日本語", 4) == std::vector<std::string>{"a", "日本", "語"});
}

TEST_CASE("truncate cuts to a width and marks the cut") {
  CHECK(truncate("Pigeon pose", 20) == "Pigeon pose");
  CHECK(truncate("Pigeon pose", 7) == "Pigeon…");
  CHECK(display_width(truncate("日本語テキスト", 5)) <= 5);
  CHECK(truncate("abc", 0).empty());
}

TEST_CASE("padding measures columns, not bytes") {
  CHECK(pad_right("é", 3) == "é  ");
  CHECK(pad_left("5", 3) == "  5");
  CHECK(pad_right("long", 2) == "long");
}

TEST_CASE(
    "fit_columns narrows the columns in order, to their minimums, and drops a column whose minimum is 0") {
  std::vector<std::size_t> widths = {10, 30, 8, 6};  // 54 + 3 gaps of 2: 60
  fit_columns(widths, {{1, 12}, {3, 0}, {1, 0}}, 2, 50);
  CHECK(widths == std::vector<std::size_t>{10, 20, 8, 6});  // the first column gave just enough
  fit_columns(widths, {{1, 12}, {3, 0}, {1, 0}}, 2, 36);
  CHECK(widths ==
        std::vector<std::size_t>{10, 12, 8, 0});  // down to its minimum, then the last dropped with its gap
  fit_columns(widths, {{1, 12}, {3, 0}, {1, 0}}, 2, 20);
  CHECK(widths == std::vector<std::size_t>{10, 0, 8, 0});  // 10 + 2 + 8: fits
  fit_columns(widths, {{1, 12}, {3, 0}, {1, 0}}, 2, 5);
  CHECK(widths == std::vector<std::size_t>{10, 0, 8, 0});  // nothing else may give: wider than asked
}
