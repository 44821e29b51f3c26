#include "commands/log.hpp"

#include <charconv>
#include <ostream>

#include <fmt/format.h>

#include "run/clock.hpp"
#include "ui/history_view.hpp"

namespace psoas {
namespace {

std::optional<int> number(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

constexpr std::size_t kTableLimit = 20;

}  // namespace

std::int64_t parse_since(std::string_view text, WallTime now) {
  const std::int64_t today = local_day(now);
  if (text == "today") return local_midnight_unix_ms(today);
  if (text == "yesterday") return local_midnight_unix_ms(today - 1);
  if (text.size() >= 2 && (text.back() == 'd' || text.back() == 'w')) {
    if (const auto count = number(text.substr(0, text.size() - 1)))
      return local_midnight_unix_ms(today - *count * (text.back() == 'w' ? 7 : 1));
  }
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    const auto year = number(text.substr(0, 4));
    const auto month = number(text.substr(5, 2));
    const auto day = number(text.substr(8, 2));
    if (year && month && day && *month >= 1 && *month <= 12 && *day >= 1 && *day <= 31) {
      const CivilDate date{*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day)};
      if (civil_from_days(days_from_civil(date)) == date)
        return local_midnight_unix_ms(days_from_civil(date));
    }
  }
  throw Error(
      fmt::format("--since takes a date such as 2026-11-01, today, yesterday, 7d or 2w, not `{}`", text),
      ExitCode::usage);
}

ExitCode show_log(const LogOptions& options, const std::optional<HistoryReader>& history,
                  const Console& console) {
  HistoryQuery query;
  query.routine = options.routine;
  query.limit = options.limit.value_or(options.json || options.csv ? 0 : kTableLimit);
  if (options.since) query.since_unix_ms = parse_since(*options.since, wall_time_now());
  const std::vector<Session> sessions = history ? history->sessions(query) : std::vector<Session>{};
  if (options.json) {
    console.out << sessions_json(sessions);
  } else if (options.csv) {
    console.out << sessions_csv(sessions);
  } else if (sessions.empty()) {
    const bool filtered = options.routine || options.since;
    HistoryQuery any;
    any.limit = 1;
    if (filtered && history && !history->sessions(any).empty()) {
      console.err << "psoas: no sessions match; `psoas log` without --routine and --since shows them all\n";
    } else {
      console.err << "psoas: no sessions recorded yet: `psoas run ROUTINE` records one\n";
    }
  } else {
    console.out << render_session_table(sessions, console.out_info.color);
  }
  return ExitCode::ok;
}

}  // namespace psoas
