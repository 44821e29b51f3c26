#include "remind/schedule.hpp"

#include <doctest/doctest.h>

using namespace psoas;

namespace {

std::string days_error(std::string_view text) {
  std::string why;
  return parse_days(text, why) ? "" : why;
}

}  // namespace

TEST_CASE("a time of day is H:MM or HH:MM from 00:00 to 23:59 — 24:00 only ends a part of the day") {
  CHECK(parse_clock("10:30") == 630);
  CHECK(parse_clock("9:05") == 545);
  CHECK(parse_clock("00:00") == 0);
  CHECK(parse_clock("23:59") == 1439);
  CHECK_FALSE(parse_clock("24:00"));
  CHECK(parse_clock("24:00", true) == 1440);
  for (const char* bad :
       {"25:00", "10:60", "1030", "10:3", ":30", "10:30:00", "ab:cd", "", "-1:00", "24:01"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_clock(bad, true));
  }
}

TEST_CASE("--at takes times separated by commas, sorted, each once, and names the one that is wrong") {
  std::string why;
  CHECK(parse_clock_list("15:00,10:30, 15:00", why) == std::vector<MinuteOfDay>{630, 900});
  CHECK_FALSE(parse_clock_list("10:30,25:00", why));
  CHECK(why == "`25:00` is not a time of day such as 10:30 (00:00 to 23:59)");
  CHECK_FALSE(parse_clock_list("10:30,", why));
  CHECK(why == "`10:30,` has an empty time: times are separated by single commas, such as 10:30,15:00");
}

TEST_CASE("--between is one part of a day: it may end at 24:00, and never crosses midnight") {
  std::string why;
  CHECK(parse_window("09:00-17:30", why) == std::pair{540, 1050});
  CHECK(parse_window("22:00-24:00", why) == std::pair{1320, 1440});
  CHECK_FALSE(parse_window("17:00-09:00", why));
  CHECK(why ==
        "`17:00-09:00` ends before it starts: a part of the day cannot cross midnight; for a night shift, "
        "add two "
        "reminders, such as 17:00-24:00 and 00:00-09:00");
  CHECK_FALSE(parse_window("09:00-09:00", why));
  CHECK(why == "`09:00-09:00` is empty: it ends as it starts");
  CHECK_FALSE(parse_window("09:00", why));
  CHECK(why == "`09:00` is not a part of the day such as 09:00-17:30");
}

TEST_CASE("--days: names, ranges that may wrap past Sunday, lists, and the words daily, weekdays, weekends") {
  std::string why;
  CHECK(parse_days("mon-fri", why) == 0x1F);
  CHECK(parse_days("Mon,Wed,Fri", why) == 0x15);
  CHECK(parse_days("sat-mon", why) == 0x61);
  CHECK(parse_days("daily", why) == kEveryDay);
  CHECK(parse_days("weekdays", why) == 0x1F);
  CHECK(parse_days("weekends", why) == 0x60);
  CHECK(parse_days("monday,sunday", why) == 0x41);
  CHECK(days_error("mon-fry") ==
        "`mon-fry` is not days of the week such as mon-fri, mon,wed,fri, daily, weekdays or weekends");
  CHECK_FALSE(days_error("").empty());
  CHECK_FALSE(days_error("mo").empty());
}

TEST_CASE("days are written back in the fewest words that read back the same") {
  for (const char* text : {"daily", "mon-fri", "weekends", "mon,wed,fri", "mon,tue", "sat", "tue-thu,sun"}) {
    std::string why;
    const auto days = parse_days(text, why);
    REQUIRE(days);
    CHECK(format_days(*days) == text);
  }
  CHECK(format_days(0x61) == "mon,sat,sun");
}

TEST_CASE("--every is 5 minutes to 12 hours") {
  std::string why;
  CHECK(parse_interval("50m", why) == Seconds(3000));
  CHECK(parse_interval("1h30m", why) == Seconds(5400));
  CHECK(parse_interval("5m", why) == Seconds(300));
  CHECK_FALSE(parse_interval("0", why));
  CHECK(why == "`0` is not a time from 5m to 12h, such as 50m or 1h30m");
  CHECK_FALSE(parse_interval("4m59s", why));
  CHECK_FALSE(parse_interval("13h", why));
}

TEST_CASE("a schedule in words") {
  Reminder at;
  at.at = {630, 900, 1200};
  at.days = 0x1F;
  CHECK(describe_schedule(at) == "at 10:30, 15:00 and 20:00, mon-fri");
  Reminder every;
  every.every = Seconds(3000);
  every.window_start = 540;
  every.window_end = 1050;
  CHECK(describe_schedule(every) == "every 50m, 09:00-17:30, daily");
}
