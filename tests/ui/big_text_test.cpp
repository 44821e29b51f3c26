#include "ui/big_text.hpp"

#include <doctest/doctest.h>

#include "base/utf8.hpp"

using namespace psoas;

TEST_CASE("big digits are 5 pixels high, a pixel two columns wide") {
  const auto rows = big_text("10", 1);
  REQUIRE(rows.size() == 5);
  CHECK(rows[0] == "  ██    ██████");
  CHECK(rows[1] == "████    ██  ██");
  CHECK(rows[4] == "██████  ██████");
  CHECK(big_text_width("10", 1) == 14);  // 3 + 1 + 3 pixels
  for (const auto& row : rows) CHECK(display_width(row) == 14);
}

TEST_CASE("scale multiplies both ways, the colon is narrow") {
  const auto rows = big_text("1:", 2);
  CHECK(rows.size() == 10);
  CHECK(big_text_width("1:", 2) == (3 + 1 + 1) * 2 * 2);
  CHECK(display_width(rows[0]) == big_text_width("1:", 2));
  CHECK(rows[2] == rows[3]);
}

TEST_CASE("LEFT, RIGHT and PAUSED have glyphs of their own") {
  for (const char* word : {"LEFT", "RIGHT", "PAUSED"}) {
    const auto rows = big_text(word, 1);
    std::size_t filled = 0;
    for (const auto& row : rows) filled += row.find("█") != std::string::npos;
    CHECK(filled == 5);
  }
  CHECK(big_text("L", 1)[4] == "██████");
  CHECK(big_text("T", 1)[4] == "  ██  ");
}
