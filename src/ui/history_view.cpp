#include "ui/history_view.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/duration.hpp"
#include "ui/style.hpp"
#include "ui/text.hpp"

namespace psoas {
namespace {

using Json = nlohmann::ordered_json;

// "2026-11-21 07:30", in the session's own local time.
std::string local_minute(WallTime time) {
  const std::string iso = to_iso8601(time);
  return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

std::string clock_of(Millis duration) {
  return format_clock(std::chrono::duration_cast<Seconds>(duration));
}

std::string result_of(const Session& session) {
  if (session.outcome == SessionOutcome::finished) return "finished";
  const std::string how = session.outcome == SessionOutcome::quit ? "quit" : "stopped";
  return session.stopped_at_step ? fmt::format("{} at step {}", how, *session.stopped_at_step) : how;
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
std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string render_session_table(const std::vector<Session>& sessions, bool color) {
  const Style style(color);
  std::vector<std::array<std::string, 7>> rows;
  rows.push_back({"WHEN", "ROUTINE", "RAN", "PLANNED", "RESULT", "HELD L/R", "TIGHT L/R"});
  for (const Session& s : sessions) {
    const std::string held = s.held_left.count() || s.held_right.count()
                                 ? fmt::format("{}/{}", clock_of(s.held_left), clock_of(s.held_right))
                                 : "";
    rows.push_back({local_minute(s.started), s.routine, clock_of(s.active), clock_of(s.planned), result_of(s),
                    held, rating_text(s.ratings)});
  }
  std::array<std::size_t, 7> widths{};
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const bool numeric = c == 2 || c == 3;
      std::string cell = numeric ? pad_left(rows[r][c], widths[c]) : pad_right(rows[r][c], widths[c]);
      if (r == 0) cell = style.dim(cell);
      line += cell + (c + 1 < rows[r].size() ? "  " : "");
    }
    while (line.ends_with(' ')) line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string sessions_json(const std::vector<Session>& sessions) {
  Json out = Json::array();
  for (const Session& s : sessions) {
    out.push_back(Json{{"id", s.id},
                       {"routine", s.routine},
                       {"title", s.title},
                       {"content_hash", s.content_hash},
                       {"started", to_iso8601(s.started)},
                       {"ended", to_iso8601(s.ended)},
                       {"planned_seconds", seconds_of(s.planned)},
                       {"active_seconds", seconds_of(s.active)},
                       {"paused_seconds", seconds_of(s.paused)},
                       {"segments_completed", s.segments_completed},
                       {"segments_skipped", s.segments_skipped},
                       {"held_left_seconds", seconds_of(s.held_left)},
                       {"held_right_seconds", seconds_of(s.held_right)},
                       {"held_unsided_seconds", seconds_of(s.held_unsided)},
                       {"outcome", std::string(to_string(s.outcome))},
                       {"stopped_at_step", optional_json(s.stopped_at_step)},
                       {"tightness_left", optional_json(s.ratings.left)},
                       {"tightness_right", optional_json(s.ratings.right)},
                       {"tightness_overall", optional_json(s.ratings.overall)}});
  }
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string sessions_csv(const std::vector<Session>& sessions) {
  std::string out =
      "id,routine,title,started,ended,planned_seconds,active_seconds,paused_seconds,segments_completed,"
      "segments_skipped,held_left_seconds,held_right_seconds,held_unsided_seconds,outcome,stopped_at_step,"
      "tightness_left,tightness_right,tightness_overall\n";
  const auto optional = [](const std::optional<int>& value) {
    return value ? fmt::format("{}", *value) : std::string();
  };
  for (const Session& s : sessions) {
    out +=
        fmt::format("{},{},{},{},{},{:.3f},{:.3f},{:.3f},{},{},{:.3f},{:.3f},{:.3f},{},{},{},{},{}\n", s.id,
                    csv_field(s.routine), csv_field(s.title), to_iso8601(s.started), to_iso8601(s.ended),
                    seconds_of(s.planned), seconds_of(s.active), seconds_of(s.paused), s.segments_completed,
                    s.segments_skipped, seconds_of(s.held_left), seconds_of(s.held_right),
                    seconds_of(s.held_unsided), to_string(s.outcome), optional(s.stopped_at_step),
                    optional(s.ratings.left), optional(s.ratings.right), optional(s.ratings.overall));
  }
  return out;
}

std::string render_stats(const StatsReport& report, std::size_t width, bool color) {
  const Style style(color);
  std::string out;
  const auto days = [](int n) { return fmt::format("{} day{}", n, n == 1 ? "" : "s"); };
  out += fmt::format("{}  {} in a row (longest {})\n\n", style.heading("Streak"),
                     days(report.streaks.current), days(report.streaks.longest));

  out += style.heading("Minutes per week") + "\n";
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
  out += "\n";

  if (!report.routines.empty()) {
    out += style.heading("Most used") + "\n";
    std::size_t name_width = 0;
    for (const RoutineUse& use : report.routines)
      name_width = std::max(name_width, display_width(use.routine));
    for (const RoutineUse& use : report.routines)
      out += fmt::format("  {}  {:>3} session{}  {}\n", pad_right(use.routine, name_width), use.sessions,
                         use.sessions == 1 ? " " : "s",
                         format_duration(std::chrono::duration_cast<Seconds>(use.active)));
    out += "\n";
  }

  const auto& b = report.balance;
  if (b.left.count() || b.right.count()) {
    out += style.heading("Left and right") +
           (report.weeks.size() == 1 ? std::string(", this week\n")
                                     : fmt::format(", the last {} weeks\n", report.weeks.size()));
    const double left = seconds_of(b.left), right = seconds_of(b.right);
    std::string lean = "even";
    if (left > 0 && right > 0 && std::abs(left - right) / std::max(left, right) >= 0.05)
      lean = fmt::format("{} {:.0f}% more", left > right ? "left" : "right",
                         100 * std::abs(left - right) / std::min(left, right));
    out += fmt::format("  held       left {} · right {}  ({})\n",
                       format_duration(std::chrono::duration_cast<Seconds>(b.left)),
                       format_duration(std::chrono::duration_cast<Seconds>(b.right)), lean);
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
    const SideGap& gap = report.gap;
    const auto tighter = [](double difference) { return difference > 0 ? "left" : "right"; };
    switch (gap.trend) {
      case GapTrend::unknown:
        out += "  Rate both sides after a few more runs (psoas run --rate) to see a trend.\n";
        break;
      case GapTrend::closing:
        out += fmt::format("  The sides are evening out: the {} was {:.1f} tighter, now {}.\n",
                           tighter(gap.first), std::abs(gap.first),
                           std::abs(gap.last) < 0.05 ? std::string("even")
                           : (gap.last > 0) == (gap.first > 0)
                               ? fmt::format("{:.1f}", std::abs(gap.last))
                               : fmt::format("the {} by {:.1f}", tighter(gap.last), std::abs(gap.last)));
        break;
      case GapTrend::steady:
        out +=
            fmt::format("  The difference between the sides holds steady ({:.1f}{}).\n", std::abs(gap.last),
                        std::abs(gap.last) >= 0.5 ? fmt::format(", {} tighter", tighter(gap.last)) : "");
        break;
      case GapTrend::widening:
        out += fmt::format("  The {} side is falling behind: {:.1f} tighter, from {:.1f}.\n",
                           tighter(gap.last), std::abs(gap.last), std::abs(gap.first));
        break;
    }
  }
  if (report.sessions == 0) out = "No sessions yet: `psoas run ROUTINE` records one.\n";
  return out;
}

}  // namespace psoas
