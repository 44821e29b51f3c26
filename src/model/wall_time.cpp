#include "model/wall_time.hpp"

#include <time.h>

#include <array>
#include <cstdlib>

#include <fmt/format.h>

#include "base/numbers.hpp"

namespace psoas {
namespace {

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
  return floor_div(time.unix_ms + std::int64_t{time.utc_offset_minutes} * 60'000, kDayMs);
}

int weekday(std::int64_t days) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::string to_string(CivilDate date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::optional<WallTime> parse_iso8601(std::string_view text) {
  std::size_t pos = 0;
  const auto digits = [&](std::size_t count) -> std::optional<int> {
    if (pos + count > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const char c = text[pos + i];
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    pos += count;
    return value;
  };
  const auto expect = [&](char c) {
    if (pos < text.size() && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  };
  const auto year = digits(4);
  if (!year || !expect('-')) return std::nullopt;
  const auto month = digits(2);
  if (!month || !expect('-')) return std::nullopt;
  const auto day = digits(2);
  if (!day || !expect('T')) return std::nullopt;
  const auto hour = digits(2);
  if (!hour || !expect(':')) return std::nullopt;
  const auto minute = digits(2);
  if (!minute || !expect(':')) return std::nullopt;
  const auto second = digits(2);
  if (!second) return std::nullopt;
  int millis = 0;
  if (expect('.')) {
    const auto fraction = digits(3);
    if (!fraction) return std::nullopt;
    millis = *fraction;
  }
  int offset = 0;
  if (!expect('Z')) {
    const bool negative = pos < text.size() && text[pos] == '-';
    if (!expect('+') && !expect('-')) return std::nullopt;
    const auto offset_hours = digits(2);
    if (!offset_hours || !expect(':')) return std::nullopt;
    const auto offset_minutes = digits(2);
    if (!offset_minutes || *offset_hours > 23 || *offset_minutes > 59) return std::nullopt;
    offset = (negative ? -1 : 1) * (*offset_hours * 60 + *offset_minutes);
  }
  if (pos != text.size() || *month < 1 || *month > 12 || *day < 1 || *hour > 23 || *minute > 59 ||
      *second > 59)
    return std::nullopt;
  const CivilDate date{*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day)};
  const std::int64_t days = days_from_civil(date);
  if (civil_from_days(days) != date) return std::nullopt;
  const std::int64_t local_ms =
      days * kDayMs + ((std::int64_t{*hour} * 60 + *minute) * 60 + *second) * 1000 + millis;
  return WallTime{local_ms - std::int64_t{offset} * 60'000, offset};
}

std::optional<std::int64_t> since_day(std::string_view text, std::int64_t today) {
  if (text == "today") return today;
  if (text == "yesterday") return today - 1;
  if (text.size() >= 2 && (text.back() == 'd' || text.back() == 'w')) {
    const auto count = parse_whole_number<std::int64_t>(text.substr(0, text.size() - 1));
    if (count && *count <= 100'000) return today - *count * (text.back() == 'w' ? 7 : 1);
    return std::nullopt;
  }
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    const auto year = parse_whole_number<int>(text.substr(0, 4));
    const auto month = parse_whole_number<unsigned>(text.substr(5, 2));
    const auto day = parse_whole_number<unsigned>(text.substr(8, 2));
    if (year && month && day && *month >= 1 && *month <= 12 && *day >= 1 && *day <= 31) {
      const CivilDate date{*year, *month, *day};
      if (civil_from_days(days_from_civil(date)) == date) return days_from_civil(date);
    }
  }
  return std::nullopt;
}

void append_iso8601(std::string& out, WallTime time) {
  const std::int64_t local_ms = time.unix_ms + std::int64_t{time.utc_offset_minutes} * 60'000;
  const std::int64_t days = floor_div(local_ms, kDayMs);
  const auto ms_of_day = static_cast<int>(local_ms - days * kDayMs);
  const CivilDate date = civil_from_days(days);
  const int offset = std::abs(time.utc_offset_minutes);
  if (date.year < 0 || date.year > 9999 || offset >= 6000) {  // widths the digits below do not keep to
    out += fmt::format("{}T{:02}:{:02}:{:02}.{:03}{}{:02}:{:02}", to_string(date), ms_of_day / 3'600'000,
                       ms_of_day / 60'000 % 60, ms_of_day / 1000 % 60, ms_of_day % 1000,
                       time.utc_offset_minutes < 0 ? '-' : '+', offset / 60, offset % 60);
    return;
  }
  // Digit by digit, not through fmt: `log --json` writes two per session.
  const auto digits = [&out](std::int64_t value, int count) {
    std::array<char, 4> text{};
    for (int i = count - 1; i >= 0; --i, value /= 10)
      text[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    out.append(text.data(), static_cast<std::size_t>(count));
  };
  digits(date.year, 4);
  out += '-';
  digits(date.month, 2);
  out += '-';
  digits(date.day, 2);
  out += 'T';
  digits(ms_of_day / 3'600'000, 2);
  out += ':';
  digits(ms_of_day / 60'000 % 60, 2);
  out += ':';
  digits(ms_of_day / 1000 % 60, 2);
  out += '.';
  digits(ms_of_day % 1000, 3);
  out += time.utc_offset_minutes < 0 ? '-' : '+';
  digits(offset / 60, 2);
  out += ':';
  digits(offset % 60, 2);
}

std::string to_iso8601(WallTime time) {
  std::string out;
  append_iso8601(out, time);
  return out;
}

WallTime wall_time_now() {
  timespec ts{};
  ::clock_gettime(CLOCK_REALTIME, &ts);
  tm local{};
  ::localtime_r(&ts.tv_sec, &local);
  return {std::int64_t{ts.tv_sec} * 1000 + ts.tv_nsec / 1'000'000, static_cast<int>(local.tm_gmtoff / 60)};
}

WallTime wall_time_at(std::int64_t unix_ms) {
  const auto seconds = static_cast<time_t>(unix_ms >= 0 ? unix_ms / 1000 : (unix_ms - 999) / 1000);
  tm local{};
  ::localtime_r(&seconds, &local);
  return {unix_ms, static_cast<int>(local.tm_gmtoff / 60)};
}

std::int64_t local_unix_ms(std::int64_t day, int minute_of_day) {
  const CivilDate date = civil_from_days(day);
  tm local{};
  local.tm_year = static_cast<int>(date.year - 1900);
  local.tm_mon = static_cast<int>(date.month) - 1;
  local.tm_mday = static_cast<int>(date.day);
  local.tm_hour = minute_of_day / 60;
  local.tm_min = minute_of_day % 60;
  local.tm_isdst = -1;  // whatever the zone says for that date and time
  return std::int64_t{::mktime(&local)} * 1000;
}

std::int64_t local_midnight_unix_ms(std::int64_t day) {
  return local_unix_ms(day, 0);
}

int local_minute_of_day(WallTime time) {
  const std::int64_t local_ms = time.unix_ms + std::int64_t{time.utc_offset_minutes} * 60'000;
  const std::int64_t in_day = ((local_ms % kDayMs) + kDayMs) % kDayMs;
  return static_cast<int>(in_day / 60'000);
}

}  // namespace psoas
