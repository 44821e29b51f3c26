#include "model/wall_time.hpp"

#include <cstdlib>

#include <fmt/format.h>

namespace psoas {
namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

}  // namespace

// Howard Hinnant's algorithms, http://howardhinnant.github.io/date_algorithms.html
std::int64_t days_from_civil(CivilDate date) {
  const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = floor_div(y, 400);
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (date.month > 2 ? date.month - 3 : date.month + 9) + 2) / 5 + date.day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = floor_div(days, 146097);
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

std::int64_t local_day(WallTime time) {
  return floor_div(time.unix_ms + std::int64_t{time.utc_offset_minutes} * 60'000, kMsPerDay);
}

int weekday(std::int64_t days) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::string to_string(CivilDate date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::string to_iso8601(WallTime time) {
  const std::int64_t local_ms = time.unix_ms + std::int64_t{time.utc_offset_minutes} * 60'000;
  const std::int64_t days = floor_div(local_ms, kMsPerDay);
  const std::int64_t ms_of_day = local_ms - days * kMsPerDay;
  const CivilDate date = civil_from_days(days);
  const int offset = std::abs(time.utc_offset_minutes);
  return fmt::format("{}T{:02}:{:02}:{:02}.{:03}{}{:02}:{:02}", to_string(date), ms_of_day / 3'600'000,
                     ms_of_day / 60'000 % 60, ms_of_day / 1000 % 60, ms_of_day % 1000,
                     time.utc_offset_minutes < 0 ? '-' : '+', offset / 60, offset % 60);
}

}  // namespace psoas
