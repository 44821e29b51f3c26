#include "ui/history_view.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "base/printable.hpp"
#include "base/utf8.hpp"
#include "model/duration.hpp"
#include "ui/json_dump.hpp"
#include "ui/style.hpp"
#include "ui/text.hpp"

namespace psoas {
namespace {

using namespace std::string_view_literals;

// "2026-11-21 07:30", in the session's own local time.
std::string local_minute(WallTime time) {
  const std::string iso = to_iso8601(time);
  return iso.substr(0, 10) + " " + iso.substr(11, 5);
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
                                 ? fmt::format("{}/{}", format_clock(s.held_left), format_clock(s.held_right))
                                 : "";
    rows.push_back({s.uuid.substr(0, kShortIdLength), local_minute(s.started), escape_line(s.routine),
                    format_clock(s.active), format_clock(s.planned), result_of(s), held,
                    rating_text(s.ratings)});
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

namespace {

void append_integer(std::string& out, std::int64_t value) {
  const fmt::format_int digits(value);
  out.append(digits.data(), digits.size());
}

// A string as dump_json writes it: escaped as nlohmann escapes (with raw
// UTF-8), and U+0080..U+009F as \u0080..\u009f.
void append_json_string(std::string& out, std::string_view text) {
  const bool ascii =
      std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii && !is_valid_utf8(text)) {
    // nlohmann replaces what is not UTF-8 in its own way: it writes these.
    const std::string dumped = dump_json(Json(std::string(text)), true);
    out.append(dumped, 0, dumped.size() - 1);
    return;
  }
  out += '"';
  std::size_t plain = 0;  // where the bytes not yet copied begin
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const bool c1 = byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (byte >= 0x20 && byte != '"' && byte != '\\' && !c1) continue;
    out.append(text, plain, i - plain);
    switch (byte) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        // A control character, or the two bytes of a C1 one.
        if (c1) ++i;
        fmt::format_to(std::back_inserter(out), "\\u{:04x}", c1 ? static_cast<unsigned char>(text[i]) : byte);
    }
    plain = i + 1;
  }
  out.append(text, plain);
  out += '"';
}

// A number as nlohmann writes it: its own shortest form, "60.0", "0.001".
void append_json_number(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  std::array<char, 64> digits{};
  const char* end = nlohmann::detail::to_chars(digits.data(), digits.data() + digits.size(), value);
  out.append(digits.data(), static_cast<std::size_t>(end - digits.data()));
}

// One session as an element of the array `psoas log --json` writes, as
// dump_json would indent it there; the bytes session_json() dumped before
// it was written directly, and log --import reads.
void append_session_json(std::string& out, const Session& s) {
  bool first = true;
  const auto key = [&](std::string_view name) {
    out += first ? "{\n    \""sv : ",\n    \""sv;
    first = false;
    out += name;
    out += "\": "sv;
  };
  const auto text = [&](std::string_view name, std::string_view value) {
    key(name);
    append_json_string(out, value);
  };
  const auto null = [&](std::string_view name) {
    key(name);
    out += "null"sv;
  };
  const auto optional_text = [&](std::string_view name, std::string_view value) {
    if (value.empty()) {
      null(name);
    } else {
      text(name, value);
    }
  };
  const auto integer = [&](std::string_view name, std::int64_t value) {
    key(name);
    append_integer(out, value);
  };
  const auto optional_integer = [&](std::string_view name, const std::optional<int>& value) {
    if (value) {
      integer(name, *value);
    } else {
      null(name);
    }
  };
  const auto number = [&](std::string_view name, double value) {
    key(name);
    append_json_number(out, value);
  };
  const auto seconds = [&](std::string_view name, Millis value) { number(name, in_seconds(value)); };
  const auto optional_seconds = [&](std::string_view name, const std::optional<Seconds>& value) {
    if (value) {
      integer(name, value->count());
    } else {
      null(name);
    }
  };
  integer("log_format", kSessionLogFormat);
  optional_text("id", s.uuid);
  text("routine", s.routine);
  text("title", s.title);
  text("content_hash", s.content_hash);
  for (const auto& [name, time] : {std::pair{"started"sv, s.started}, std::pair{"ended"sv, s.ended}}) {
    key(name);
    out += '"';
    append_iso8601(out, time);  // nothing in it to escape
    out += '"';
  }
  seconds("planned_seconds", s.planned);
  seconds("planned_hold_seconds", s.planned_hold);
  seconds("reached_hold_seconds", s.reached_hold);
  seconds("active_seconds", s.active);
  seconds("paused_seconds", s.paused);
  integer("segments_completed", s.segments_completed);
  integer("segments_skipped", s.segments_skipped);
  integer("holds", s.holds);
  integer("holds_skipped", s.holds_skipped);
  seconds("held_left_seconds", s.held_left);
  seconds("held_right_seconds", s.held_right);
  seconds("held_unsided_seconds", s.held_unsided);
  text("outcome", to_string(s.outcome));
  optional_integer("stopped_at_step", s.stopped_at_step);
  optional_integer("stopped_at_segment", s.stopped_at_segment);
  seconds("stopped_hold_seconds", s.stopped_hold);
  integer("resumed", s.resumed);
  number("speed", s.speed);
  optional_seconds("hold_override_seconds", s.timing.hold);
  optional_integer("reps_override", s.timing.reps);
  optional_seconds("fit_seconds", s.timing.fit);
  optional_integer("from_step", s.timing.from_step);
  optional_text("plan", s.plan);
  optional_integer("plan_week", s.plan_week);
  optional_text("favoured_side", s.timing.favoured ? to_string(*s.timing.favoured) : "");
  optional_integer("tightness_left", s.ratings.left);
  optional_integer("tightness_right", s.ratings.right);
  optional_integer("tightness_overall", s.ratings.overall);
  out += "\n  }"sv;
}

constexpr std::string_view kCsvHeader =
    "id,routine,title,started,ended,planned_seconds,planned_hold_seconds,active_seconds,paused_seconds,"
    "segments_completed,segments_skipped,holds,holds_skipped,held_left_seconds,held_right_seconds,"
    "held_unsided_seconds,outcome,stopped_at_step,resumed,tightness_left,tightness_right,tightness_"
    "overall\n";

// Seconds with three decimals, as {:.3f} writes a whole number of milliseconds.
void append_millis_as_seconds(std::string& out, Millis duration) {
  const std::int64_t ms = duration.count();
  // Beyond 2^53 ms a double no longer holds every millisecond: leave those to fmt.
  if (ms <= -(std::int64_t{1} << 53) || ms >= (std::int64_t{1} << 53)) {
    fmt::format_to(std::back_inserter(out), "{:.3f}", in_seconds(duration));
    return;
  }
  if (ms < 0) out += '-';
  const std::int64_t magnitude = ms < 0 ? -ms : ms;
  append_integer(out, magnitude / 1000);
  const auto fraction = static_cast<int>(magnitude % 1000);
  out += '.';
  out += static_cast<char>('0' + fraction / 100);
  out += static_cast<char>('0' + fraction / 10 % 10);
  out += static_cast<char>('0' + fraction % 10);
}

void append_csv_row(std::string& out, const Session& s) {
  const auto field = [&out](std::string_view text) {
    out += csv_field(text);
    out += ',';
  };
  const auto integer = [&out](std::int64_t value) {
    append_integer(out, value);
    out += ',';
  };
  const auto optional = [&out](const std::optional<int>& value) {
    if (value) append_integer(out, *value);
    out += ',';
  };
  const auto seconds = [&out](Millis value) {
    append_millis_as_seconds(out, value);
    out += ',';
  };
  out += s.uuid;
  out += ',';
  field(s.routine);
  field(s.title);
  for (const WallTime time : {s.started, s.ended}) {
    append_iso8601(out, time);
    out += ',';
  }
  for (const Millis value : {s.planned, s.planned_hold, s.active, s.paused}) seconds(value);
  for (const int value : {s.segments_completed, s.segments_skipped, s.holds, s.holds_skipped}) integer(value);
  for (const Millis value : {s.held_left, s.held_right, s.held_unsided}) seconds(value);
  out += to_string(s.outcome);
  out += ',';
  optional(s.stopped_at_step);
  integer(s.resumed);
  optional(s.ratings.left);
  optional(s.ratings.right);
  if (s.ratings.overall) append_integer(out, *s.ratings.overall);
  out += '\n';
}

}  // namespace

SessionWriter::SessionWriter(std::ostream& out, SessionFormat format) : out_(out), format_(format) {
  if (format_ == SessionFormat::csv) out_ << kCsvHeader;
}

void SessionWriter::add(const Session& session) {
  element_.clear();
  if (format_ == SessionFormat::csv) {
    append_csv_row(element_, session);
  } else {
    element_ += written_ == 0 ? "[\n  "sv : ",\n  "sv;
    append_session_json(element_, session);
  }
  out_.write(element_.data(), static_cast<std::streamsize>(element_.size()));
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
  const double left = in_seconds(b.comparable_left);
  const double right = in_seconds(b.comparable_right);
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
        {{"routine", use.routine}, {"sessions", use.sessions}, {"active_seconds", in_seconds(use.active)}});
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
       {{"held_left_seconds", in_seconds(b.left)},
        {"held_right_seconds", in_seconds(b.right)},
        {"comparable_sessions", b.comparable_sessions},
        {"comparable_left_seconds", in_seconds(b.comparable_left)},
        {"comparable_right_seconds", in_seconds(b.comparable_right)}}},
      {"tightness",
       {{"weeks", ratings},
        {"trend", kTrends[static_cast<std::size_t>(report.gap.trend)]},
        {"first_gap", report.gap.trend == GapTrend::unknown ? Json(nullptr) : Json(report.gap.first)},
        {"last_gap", report.gap.trend == GapTrend::unknown ? Json(nullptr) : Json(report.gap.last)}}}};
  return dump_json(out);
}

}  // namespace psoas
