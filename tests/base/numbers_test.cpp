#include "base/numbers.hpp"

#include <doctest/doctest.h>

using namespace psoas;

TEST_CASE("whole numbers are digits alone, and must fit the type") {
  CHECK(parse_whole_number<int>("42") == 42);
  CHECK(parse_whole_number<int>("007") == 7);
  CHECK_FALSE(parse_whole_number<int>(""));
  CHECK_FALSE(parse_whole_number<int>("-1"));
  CHECK_FALSE(parse_whole_number<int>("+1"));
  CHECK_FALSE(parse_whole_number<int>(" 1"));
  CHECK_FALSE(parse_whole_number<int>("1x"));
  CHECK_FALSE(parse_whole_number<int>("99999999999"));
  CHECK(parse_whole_number<long long>("99999999999") == 99999999999LL);
}

TEST_CASE("decimals are finite numbers, the whole text") {
  CHECK(parse_decimal("2.5") == 2.5);
  CHECK(parse_decimal("10") == 10.0);
  CHECK_FALSE(parse_decimal("inf"));
  CHECK_FALSE(parse_decimal("nan"));
  CHECK_FALSE(parse_decimal("1.5x"));
  CHECK_FALSE(parse_decimal(""));
  CHECK(trim_blanks("  a b \n") == "a b");
  CHECK(trim_blanks(" \t ").empty());
}
