#include "model/wall_time.hpp"

#include <random>

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace psoas;

TEST_CASE("wall times print as ISO 8601 local time with the UTC offset") {
  CHECK(to_iso8601({0, 0}) == "1970-01-01T00:00:00.000+00:00");
  CHECK(to_iso8601({1'790'000'000'123, 60}) == "2026-09-21T15:13:20.123+01:00");
  CHECK(to_iso8601({1'790'000'000'000, -330}) == "2026-09-21T08:43:20.000-05:30");
  CHECK(to_iso8601({951'782'400'000, 0}) == "2000-02-29T00:00:00.000+00:00");  // a leap day
  CHECK(to_iso8601({-1'000, 0}) == "1969-12-31T23:59:59.000+00:00");
  std::string out = "x";
  append_iso8601(out, {0, 0});
  CHECK(out == "x1970-01-01T00:00:00.000+00:00");
}

TEST_CASE("any moment prints as its date, time and offset, digit by digit or beyond four-digit years") {
  std::mt19937_64 random(7);
  std::uniform_int_distribution<std::int64_t> moment(-70'000'000'000'000,
                                                     300'000'000'000'000);  // -249 to 11476
  std::uniform_int_distribution<int> offset(-7000, 7000);
  for (int i = 0; i < 5000; ++i) {
    const WallTime time{moment(random), i % 3 == 0 ? offset(random) : offset(random) % 900};
    const std::int64_t local = time.unix_ms + std::int64_t{time.utc_offset_minutes} * 60'000;
    const std::int64_t day = local >= 0 ? local / 86'400'000 : -((-local + 86'400'000 - 1) / 86'400'000);
    const std::int64_t ms = local - day * 86'400'000;
    const int minutes = std::abs(time.utc_offset_minutes);
    const std::string expected =
        fmt::format("{}T{:02}:{:02}:{:02}.{:03}{}{:02}:{:02}", to_string(civil_from_days(day)),
                    ms / 3'600'000, ms / 60'000 % 60, ms / 1000 % 60, ms % 1000,
                    time.utc_offset_minutes < 0 ? '-' : '+', minutes / 60, minutes % 60);
    REQUIRE_MESSAGE(to_iso8601(time) == expected, time.unix_ms << " " << time.utc_offset_minutes);
  }
}

TEST_CASE("civil dates and day numbers convert both ways, across months, leap years and eras") {
  CHECK(days_from_civil({1970, 1, 1}) == 0);
  CHECK(days_from_civil({2000, 3, 1}) - days_from_civil({2000, 2, 28}) == 2);  // 2000 was a leap year
  CHECK(days_from_civil({1900, 3, 1}) - days_from_civil({1900, 2, 28}) == 1);  // 1900 was not
  CHECK(days_from_civil({2026, 12, 1}) - days_from_civil({2026, 11, 30}) == 1);
  CHECK(days_from_civil({2027, 1, 1}) - days_from_civil({2026, 12, 31}) == 1);
  for (std::int64_t day = -800'000; day < 800'000; day += 997)
    CHECK(days_from_civil(civil_from_days(day)) == day);
  CHECK(civil_from_days(-1) == CivilDate{1969, 12, 31});
  CHECK(to_string(civil_from_days(days_from_civil({2026, 2, 28}) + 1)) == "2026-03-01");
}

TEST_CASE("the local day of a moment uses the offset recorded with it") {
  const std::int64_t nov21 = days_from_civil({2026, 11, 21});
  const std::int64_t midnight_utc = nov21 * 86'400'000;
  CHECK(local_day({midnight_utc, 0}) == nov21);
  CHECK(local_day({midnight_utc - 1, 0}) == nov21 - 1);
  CHECK(local_day({midnight_utc - 30 * 60'000, 60}) == nov21);  // 23:30Z is 00:30 at +01:00
  CHECK(local_day({midnight_utc + 60 * 60'000, -120}) ==
        nov21 - 1);            // 01:00Z is 23:00 the day before at -02:00
  CHECK(weekday(nov21) == 5);  // a Saturday
  CHECK(weekday(days_from_civil({2026, 11, 23})) == 0);
}

TEST_CASE("--since names a day: a date, today, yesterday, days or weeks ago") {
  const std::int64_t today = days_from_civil({2026, 12, 1});
  CHECK(since_day("today", today) == today);
  CHECK(since_day("yesterday", today) == today - 1);
  CHECK(since_day("7d", today) == today - 7);
  CHECK(since_day("2w", today) == today - 14);
  CHECK(since_day("0d", today) == today);
  CHECK(since_day("2026-11-01", today) == days_from_civil({2026, 11, 1}));
  CHECK(since_day("2024-02-29", today) == days_from_civil({2024, 2, 29}));
  CHECK_FALSE(since_day("2026-02-29", today));  // not a leap year
  CHECK_FALSE(since_day("2026-13-01", today));
  CHECK_FALSE(since_day("d", today));
  CHECK_FALSE(since_day("-3d", today));
  CHECK_FALSE(since_day("99999999999999999999d", today));
  CHECK_FALSE(since_day("last tuesday", today));
}

TEST_CASE("ISO 8601 times read back what psoas writes, and nothing else") {
  for (const WallTime time :
       {WallTime{1'790'000'000'123, 60}, WallTime{0, 0}, WallTime{1'790'000'000'000, -330}})
    CHECK(parse_iso8601(to_iso8601(time))->unix_ms == time.unix_ms);
  CHECK(parse_iso8601("2026-09-21T15:13:20.123+01:00")->utc_offset_minutes == 60);
  CHECK(parse_iso8601("2026-09-21T14:13:20Z")->unix_ms == 1'790'000'000'000);
  CHECK_FALSE(parse_iso8601("2026-02-30T00:00:00Z"));
  CHECK_FALSE(parse_iso8601("2026-09-21 14:13:20Z"));
  CHECK_FALSE(parse_iso8601("2026-09-21T24:00:00Z"));
  CHECK_FALSE(parse_iso8601("2026-09-21T14:13:20+01"));
  CHECK_FALSE(parse_iso8601("2026-09-21T14:13:20.1Z"));
  CHECK_FALSE(parse_iso8601(""));
}
