#include "ui/history_view.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "base/printable.hpp"
#include "model/duration.hpp"
#include "ui/json_dump.hpp"
#include "ui/style.hpp"
#include "ui/text.hpp"

namespace psoas {
namespace {

// "2026-11-21 07:30", in the session's own local time.
std::string local_minute(WallTime time) {
  const std::string iso = to_iso8601(time);
  return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

std::string clock_of(Millis duration) {
  return format_clock(std::chrono::duration_cast<Seconds>(duration));
}

std::string result_of(const Session& session) {
  std::string result;
  if (session.reached_end()) {
    result = std::string(to_string(session.outcome));
    if (session.holds_skipped > 0) result += fmt::format(", {} skipped", session.holds_skipped);
  } else {
    const std::string how = session.outcome == SessionOutcome::quit ? "quit" : "stopped";
    result = session.stopped_at_step ? fmt::format("{} at step {}", how, *session.stopped_at_step) : how;
  }
  if (session.resumed > 0)
    result += session.resumed == 1 ? ", resumed" : fmt::format(", resumed {}×", session.resumed);
  return result;
}

std::string rating_text(const Ratings& ratings) {
  const auto one = [](const std::optional<int>& value) {
    return value ? fmt::format("{}", *value) : std::string("-");
  };
  if (ratings.overall) return fmt::format("{} (all)", *ratings.overall);  // a routine without sides
  if (!ratings.left && !ratings.right) return "";
  return fmt::format("{}/{}", one(ratings.left), one(ratings.right));
}

std::string month_day(std::int64_t day) {
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const CivilDate date = civil_from_days(day);
  return fmt::format("{} {:>2}", kMonths[date.month - 1], date.day);
}

Json optional_json(const std::optional<int>& value) {
  return value ? Json(*value) : Json(nullptr);
}

double seconds_of(Millis duration) {
  return std::chrono::duration<double>(duration).count();
}

// A CSV field, quoted when it must be (RFC 4180).
std::string csv_field(std::string_view raw) {
  const std::string text = escape_line(raw);
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string render_session_table(const std::vector<Session>& sessions, bool color,
                                 std::optional<std::size_t> width) {
  const Style style(color);
  std::vector<std::array<std::string, 8>> rows;
  rows.push_back({"ID", "WHEN", "ROUTINE", "RAN", "PLANNED", "RESULT", "HELD L/R", "TIGHT L/R"});
  for (const Session& s : sessions) {
    const std::string held = s.held_left.count() || s.held_right.count()
                                 ? fmt::format("{}/{}", clock_of(s.held_left), clock_of(s.held_right))
                                 : "";
    rows.push_back({s.uuid.substr(0, kShortIdLength), local_minute(s.started), escape_line(s.routine),
                    clock_of(s.active), clock_of(s.planned), result_of(s), held, rating_text(s.ratings)});
  }
  std::vector<std::size_t> widths(8, 0);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  // On a narrow terminal the routine and the result give way first, then the
  // time planned, the ratings, the time held, the result and the time run go.
  if (width) fit_columns(widths, {{2, 10}, {5, 10}, {4, 0}, {7, 0}, {6, 0}, {5, 0}, {3, 0}}, 2, *width);
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      if (widths[c] == 0) continue;
      const bool numeric = c == 3 || c == 4;
      const std::string text = truncate(rows[r][c], widths[c]);
      std::string cell = numeric ? pad_left(text, widths[c]) : pad_right(text, widths[c]);
      if (r == 0) cell = style.dim(cell);
      line += cell + "  ";
    }
    while (line.ends_with(' ')) line.pop_back();
    out += line + "\n";
  }
  return out;
}

Json session_json(const Session& s) {
  const auto optional_seconds = [](const std::optional<Seconds>& value) {
    return value ? Json(value->count()) : Json(nullptr);
  };
  return Json{
      {"log_format", kSessionLogFormat},
      {"id", s.uuid.empty() ? Json(nullptr) : Json(s.uuid)},
      {"routine", s.routine},
      {"title", s.title},
      {"content_hash", s.content_hash},
      {"started", to_iso8601(s.started)},
      {"ended", to_iso8601(s.ended)},
      {"planned_seconds", seconds_of(s.planned)},
      {"planned_hold_seconds", seconds_of(s.planned_hold)},
      {"reached_hold_seconds", seconds_of(s.reached_hold)},
      {"active_seconds", seconds_of(s.active)},
      {"paused_seconds", seconds_of(s.paused)},
      {"segments_completed", s.segments_completed},
      {"segments_skipped", s.segments_skipped},
      {"holds", s.holds},
      {"holds_skipped", s.holds_skipped},
      {"held_left_seconds", seconds_of(s.held_left)},
      {"held_right_seconds", seconds_of(s.held_right)},
      {"held_unsided_seconds", seconds_of(s.held_unsided)},
      {"outcome", std::string(to_string(s.outcome))},
      {"stopped_at_step", optional_json(s.stopped_at_step)},
      {"stopped_at_segment", optional_json(s.stopped_at_segment)},
      {"stopped_hold_seconds", seconds_of(s.stopped_hold)},
      {"resumed", s.resumed},
      {"speed", s.speed},
      {"hold_override_seconds", optional_seconds(s.timing.hold)},
      {"reps_override", optional_json(s.timing.reps)},
      {"fit_seconds", optional_seconds(s.timing.fit)},
      {"from_step", optional_json(s.timing.from_step)},
      {"plan", s.plan.empty() ? Json(nullptr) : Json(s.plan)},
      {"plan_week", optional_json(s.plan_week)},
      {"favoured_side", s.timing.favoured ? Json(std::string(to_string(*s.timing.favoured))) : Json(nullptr)},
      {"tightness_left", optional_json(s.ratings.left)},
      {"tightness_right", optional_json(s.ratings.right)},
      {"tightness_overall", optional_json(s.ratings.overall)}};
}

namespace {

constexpr std::string_view kCsvHeader =
    "id,routine,title,started,ended,planned_seconds,planned_hold_seconds,active_seconds,paused_seconds,"
    "segments_completed,segments_skipped,holds,holds_skipped,held_left_seconds,held_right_seconds,"
    "held_unsided_seconds,outcome,stopped_at_step,resumed,tightness_left,tightness_right,tightness_"
    "overall\n";

std::string csv_row(const Session& s) {
  const auto optional = [](const std::optional<int>& value) {
    return value ? fmt::format("{}", *value) : std::string();
  };
  return fmt::format(
      "{},{},{},{},{},{:.3f},{:.3f},{:.3f},{:.3f},{},{},{},{},{:.3f},{:.3f},{:.3f},{},{},{},{},{},{}\n",
      s.uuid, csv_field(s.routine), csv_field(s.title), to_iso8601(s.started), to_iso8601(s.ended),
      seconds_of(s.planned), seconds_of(s.planned_hold), seconds_of(s.active), seconds_of(s.paused),
      s.segments_completed, s.segments_skipped, s.holds, s.holds_skipped, seconds_of(s.held_left),
      seconds_of(s.held_right), seconds_of(s.held_unsided), to_string(s.outcome), optional(s.stopped_at_step),
      s.resumed, optional(s.ratings.left), optional(s.ratings.right), optional(s.ratings.overall));
}

}  // namespace

SessionWriter::SessionWriter(std::ostream& out, SessionFormat format) : out_(out), format_(format) {
  if (format_ == SessionFormat::csv) out_ << kCsvHeader;
}

void SessionWriter::add(const Session& session) {
  if (format_ == SessionFormat::csv) {
    out_ << csv_row(session);
  } else {
    // An element of the array as dump_json indents it: two spaces deeper.
    const std::string element = dump_json(session_json(session));
    std::string_view rest(element.data(), element.size() - 1);  // without its closing newline
    out_ << (written_ == 0 ? "[\n  " : ",\n  ");
    for (auto newline = rest.find('\n'); newline != std::string_view::npos; newline = rest.find('\n')) {
      out_.write(rest.data(), static_cast<std::streamsize>(newline + 1));
      out_ << "  ";
      rest.remove_prefix(newline + 1);
    }
    out_.write(rest.data(), static_cast<std::streamsize>(rest.size()));
  }
  ++written_;
}

void SessionWriter::finish() {
  if (format_ == SessionFormat::json) out_ << (written_ == 0 ? "[]\n" : "\n]\n");
  out_.flush();
}

std::string sessions_json(const std::vector<Session>& sessions) {
  std::ostringstream out;
  SessionWriter writer(out, SessionFormat::json);
  for (const Session& s : sessions) writer.add(s);
  writer.finish();
  return out.str();
}

std::string sessions_csv(const std::vector<Session>& sessions) {
  std::ostringstream out;
  SessionWriter writer(out, SessionFormat::csv);
  for (const Session& s : sessions) writer.add(s);
  writer.finish();
  return out.str();
}

namespace {

std::string days_text(int n) {
  return fmt::format("{} day{}", n, n == 1 ? "" : "s");
}

std::string duration_text(Millis duration) {
  return format_duration(std::chrono::duration_cast<Seconds>(duration));
}

std::string streak_section(const StatsReport& report, const Style& style) {
  return fmt::format("{}  {} in a row (longest {})\n\n", style.heading("Streak"),
                     days_text(report.streaks.current), days_text(report.streaks.longest));
}

std::string weeks_section(const StatsReport& report, std::size_t width, const Style& style) {
  std::string out = style.heading("Minutes per week") + "\n";
  double most = 0;
  for (const WeekMinutes& week : report.weeks) most = std::max(most, week.minutes);
  const std::size_t bar_room = width > 20 ? std::min<std::size_t>(width - 16, 50) : 4;
  for (const WeekMinutes& week : report.weeks) {
    const auto cells =
        most > 0 ? static_cast<std::size_t>(std::lround(week.minutes / most * static_cast<double>(bar_room)))
                 : 0;
    std::string bar;
    for (std::size_t i = 0; i < cells; ++i) bar += "█";
    if (cells == 0 && week.minutes > 0) bar = "▏";
    out += fmt::format("  {}  {}{}{:.0f}\n", month_day(week.monday), style.good(bar), bar.empty() ? "" : " ",
                       week.minutes);
  }
  return out + "\n";
}

std::string routines_section(const StatsReport& report, const Style& style) {
  if (report.routines.empty()) return {};
  std::string out = style.heading("Most used") + "\n";
  std::size_t name_width = 0;
  for (const RoutineUse& use : report.routines)
    name_width = std::max(name_width, display_width(escape_line(use.routine)));
  for (const RoutineUse& use : report.routines)
    out += fmt::format("  {}  {:>3} session{}  {}\n", pad_right(escape_line(use.routine), name_width),
                       use.sessions, use.sessions == 1 ? " " : "s", duration_text(use.active));
  return out + "\n";
}

// "(left 21% more)", "(even)", "(only the right side)": how the sides compare.
std::string lean_of(const SideBalance& b) {
  if (b.comparable_sessions == 0) {
    if (b.left.count() == 0) return "only the right side";
    if (b.right.count() == 0) return "only the left side";
    return "no session worked both sides to the end yet, so no comparison";
  }
  const double left = seconds_of(b.comparable_left);
  const double right = seconds_of(b.comparable_right);
  std::string lean = "even";
  if (std::abs(left - right) / std::max(left, right) >= 0.05)
    lean = fmt::format("{} {:.0f}% more", left > right ? "left" : "right",
                       100 * std::abs(left - right) / std::min(left, right));
  if (b.comparable_left != b.left || b.comparable_right != b.right)
    lean += fmt::format(", in the {} session{} that worked both sides to the end", b.comparable_sessions,
                        b.comparable_sessions == 1 ? "" : "s");
  return lean;
}

std::string gap_sentence(const SideGap& gap) {
  const auto tighter = [](double difference) { return difference > 0 ? "left" : "right"; };
  switch (gap.trend) {
    case GapTrend::unknown:
      return "  Rate both sides after a few more runs (psoas run --rate) to see a trend.\n";
    case GapTrend::closing:
      return fmt::format("  The sides are evening out: the {} was {:.1f} tighter, now {}.\n",
                         tighter(gap.first), std::abs(gap.first),
                         std::abs(gap.last) < 0.05 ? std::string("even")
                         : (gap.last > 0) == (gap.first > 0)
                             ? fmt::format("{:.1f}", std::abs(gap.last))
                             : fmt::format("the {} by {:.1f}", tighter(gap.last), std::abs(gap.last)));
    case GapTrend::steady:
      return fmt::format("  The difference between the sides holds steady ({:.1f}{}).\n", std::abs(gap.last),
                         std::abs(gap.last) >= 0.5 ? fmt::format(", {} tighter", tighter(gap.last)) : "");
    case GapTrend::widening:
      return fmt::format("  The {} side is falling behind: {:.1f} tighter, from {:.1f}.\n", tighter(gap.last),
                         std::abs(gap.last), std::abs(gap.first));
  }
  return {};
}

std::string sides_section(const StatsReport& report, const Style& style) {
  std::string out;
  const SideBalance& b = report.balance;
  if (b.left.count() || b.right.count()) {
    out += style.heading("Left and right") +
           (report.weeks.size() == 1 ? std::string(", this week\n")
                                     : fmt::format(", the last {} weeks\n", report.weeks.size()));
    out += fmt::format("  held       left {} · right {}  ({})\n", duration_text(b.left),
                       duration_text(b.right), lean_of(b));
  }
  if (!report.ratings.empty()) {
    out += "  tightness  0 loose … 10 very tight, weekly averages\n";
    for (const WeekRatings& week : report.ratings) {
      const auto one = [](const std::optional<double>& v) {
        return v ? fmt::format("{:4.1f}", *v) : std::string("   -");
      };
      out +=
          fmt::format("    {}  left {}  right {}\n", month_day(week.monday), one(week.left), one(week.right));
    }
    out += gap_sentence(report.gap);
  }
  return out;
}

Json optional_number(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

}  // namespace

std::string render_stats(const StatsReport& report, std::size_t width, bool color) {
  if (report.sessions == 0)
    return report.routine.empty() ? "No sessions yet: `psoas run ROUTINE` records one.\n"
                                  : fmt::format("No sessions of {} yet.\n", escape_line(report.routine));
  const Style style(color);
  std::string out = streak_section(report, style) + weeks_section(report, width, style) +
                    routines_section(report, style) + sides_section(report, style);
  return out;
}

std::string stats_json(const StatsReport& report) {
  Json weeks = Json::array();
  for (const WeekMinutes& week : report.weeks)
    weeks.push_back({{"week", to_string(civil_from_days(week.monday))}, {"minutes", week.minutes}});
  Json routines = Json::array();
  for (const RoutineUse& use : report.routines)
    routines.push_back(
        {{"routine", use.routine}, {"sessions", use.sessions}, {"active_seconds", seconds_of(use.active)}});
  Json ratings = Json::array();
  for (const WeekRatings& week : report.ratings)
    ratings.push_back({{"week", to_string(civil_from_days(week.monday))},
                       {"left", optional_number(week.left)},
                       {"right", optional_number(week.right)}});
  static constexpr std::array<const char*, 4> kTrends = {"unknown", "closing", "steady", "widening"};
  const SideBalance& b = report.balance;
  const Json out{
      {"today", to_string(civil_from_days(report.today))},
      {"routine", report.routine.empty() ? Json(nullptr) : Json(report.routine)},
      {"sessions", report.sessions},
      {"streak", {{"current_days", report.streaks.current}, {"longest_days", report.streaks.longest}}},
      {"weeks", weeks},
      {"most_used", routines},
      {"sides",
       {{"held_left_seconds", seconds_of(b.left)},
        {"held_right_seconds", seconds_of(b.right)},
        {"comparable_sessions", b.comparable_sessions},
        {"comparable_left_seconds", seconds_of(b.comparable_left)},
        {"comparable_right_seconds", seconds_of(b.comparable_right)}}},
      {"tightness",
       {{"weeks", ratings},
        {"trend", kTrends[static_cast<std::size_t>(report.gap.trend)]},
        {"first_gap", report.gap.trend == GapTrend::unknown ? Json(nullptr) : Json(report.gap.first)},
        {"last_gap", report.gap.trend == GapTrend::unknown ? Json(nullptr) : Json(report.gap.last)}}}};
  return dump_json(out);
}

}  // namespace psoas
