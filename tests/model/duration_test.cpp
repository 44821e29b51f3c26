#include "model/duration.hpp"

#include <doctest/doctest.h>

using namespace psoas;
using std::chrono::hours;
using std::chrono::minutes;

TEST_CASE("every duration form of psoas(1) parses") {
  CHECK(parse_duration("45") == Seconds(45));
  CHECK(parse_duration("45s") == Seconds(45));
  CHECK(parse_duration("2m") == minutes(2));
  CHECK(parse_duration("1m30s") == Seconds(90));
  CHECK(parse_duration("1h") == hours(1));
  CHECK(parse_duration("1h5m") == minutes(65));
  CHECK(parse_duration("1:30") == Seconds(90));
  CHECK(parse_duration("0:45") == Seconds(45));
  CHECK(parse_duration("0") == Seconds(0));
}

TEST_CASE("extensions: h:mm:ss, h with seconds, values past 24 hours for the caller to refuse") {
  CHECK(parse_duration("1:02:03") == Seconds(3723));
  CHECK(parse_duration("1h0m5s") == Seconds(3605));
  CHECK(parse_duration("90s") == Seconds(90));
  CHECK(parse_duration("90m") == minutes(90));
  CHECK(parse_duration("25h") == hours(25));
}

TEST_CASE("anything else is refused") {
  for (const char* bad : {"30 secs",    "-5s",     "1.5m",       "abc",   "",
                          " 45",        "45 ",     "s",          "m5",    "1:5",
                          "1:60",       "1:5:00",  "1:00:00:00", "5s3m",  "1m90s",
                          "1h60m",      "1h0m60s", "1m1m",       "1h 5m", "+5",
                          "0x10",       "1_000",   "45S",        "1:30s", "99999999999999999999",
                          "9999999999h"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_duration(bad).has_value());
  }
}

TEST_CASE("format_duration writes the shortest form that parses back") {
  CHECK(format_duration(Seconds(0)) == "0s");
  CHECK(format_duration(Seconds(45)) == "45s");
  CHECK(format_duration(Seconds(120)) == "2m");
  CHECK(format_duration(Seconds(90)) == "1m30s");
  CHECK(format_duration(Seconds(3900)) == "1h5m");
  CHECK(format_duration(Seconds(3601)) == "1h1s");
  for (const long long s : {1LL, 59LL, 61LL, 3599LL, 3661LL, 86400LL})
    CHECK(parse_duration(format_duration(Seconds(s))) == Seconds(s));
}

TEST_CASE("format_clock shows minutes and seconds, and hours when there are any") {
  CHECK(format_clock(Seconds(0)) == "0:00");
  CHECK(format_clock(Seconds(45)) == "0:45");
  CHECK(format_clock(Seconds(725)) == "12:05");
  CHECK(format_clock(Seconds(3723)) == "1:02:03");
  CHECK(format_clock(Seconds(-3)) == "0:00");
}

TEST_CASE("a finer duration shows its completed seconds, and counts in fractions of one") {
  using std::chrono::milliseconds;
  using std::chrono::nanoseconds;
  CHECK(format_clock(milliseconds(65'900)) == "1:05");
  CHECK(format_clock(nanoseconds(3'723'999'999'999)) == "1:02:03");
  CHECK(format_clock(milliseconds(999)) == "0:00");
  CHECK(in_seconds(milliseconds(1'250)) == doctest::Approx(1.25));
  CHECK(in_seconds(nanoseconds(1)) == doctest::Approx(1e-9));
  CHECK(in_seconds(minutes(2)) == doctest::Approx(120.0));
}

TEST_CASE("duration_mistake names the rule a refused duration breaks, or nothing when it cannot") {
  CHECK(duration_mistake("-5s") == "a duration cannot be negative");
  CHECK(duration_mistake("1.5m") == "use whole seconds, such as 1m30s for a minute and a half");
  CHECK(duration_mistake("1:60") == "after a colon come two digits from 00 to 59, as in 1:30 or 1:02:03");
  CHECK(duration_mistake("1:2") == "after a colon come two digits from 00 to 59, as in 1:30 or 1:02:03");
  CHECK(duration_mistake("1m90s") == "after h or m the next number is below 60, as in 1m30s");
  CHECK(duration_mistake("30s1m") == "units come once each, in the order h, m, s, as in 1h5m or 1m30s");
  CHECK(duration_mistake("1m1m") == "units come once each, in the order h, m, s, as in 1h5m or 1m30s");
  CHECK(duration_mistake("5m5") == "each number needs its unit: h, m or s");
  CHECK(duration_mistake("30 secs").empty());
  CHECK(duration_mistake("abc").empty());
  CHECK(duration_mistake("m").empty());
}
