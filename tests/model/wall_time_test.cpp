#include "model/wall_time.hpp"

#include <doctest/doctest.h>

using namespace psoas;

TEST_CASE("wall times print as ISO 8601 local time with the UTC offset") {
  CHECK(to_iso8601({0, 0}) == "1970-01-01T00:00:00.000+00:00");
  CHECK(to_iso8601({1'790'000'000'123, 60}) == "2026-09-21T15:13:20.123+01:00");
  CHECK(to_iso8601({1'790'000'000'000, -330}) == "2026-09-21T08:43:20.000-05:30");
  CHECK(to_iso8601({951'782'400'000, 0}) == "2000-02-29T00:00:00.000+00:00");  // a leap day
  CHECK(to_iso8601({-1'000, 0}) == "1969-12-31T23:59:59.000+00:00");
}
