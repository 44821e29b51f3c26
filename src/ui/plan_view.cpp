#include "ui/plan_view.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "base/printable.hpp"
#include "model/wall_time.hpp"
#include "ui/json_dump.hpp"
#include "ui/style.hpp"
#include "ui/text.hpp"

namespace psoas {
namespace {

constexpr std::array<const char*, 7> kWeekdayNames = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::size_t kBarWidth = 10;

std::string day_words(std::int64_t day) {
  return fmt::format("{} {}", kWeekdayNames[static_cast<std::size_t>(weekday(day))],
                     to_string(civil_from_days(day)));
}

std::string growth(const Progression& p, bool hold) {
  const auto value = [&](int v) { return hold ? format_duration(Seconds(v)) : std::to_string(v); };
  const std::string every = p.every_weeks == 1 ? "week" : fmt::format("{} weeks", p.every_weeks);
  return fmt::format("{} {} to {}, +{} a {} kept", hold ? "holds" : "reps", value(p.from), value(p.to),
                     value(p.step), every);
}

// A bar of `done` out of `planned`, kBarWidth cells.
std::string bar(int done, int planned) {
  const std::size_t full = planned > 0 ? std::min(kBarWidth, static_cast<std::size_t>(done) * kBarWidth /
                                                                 static_cast<std::size_t>(planned))
                                       : 0;
  std::string out;
  for (std::size_t i = 0; i < kBarWidth; ++i) out += i < full ? "█" : "░";
  return out;
}

// What a routine asks for in week `week` (0-based), every week before it kept.
std::string cell(const PlanSession& session, int week) {
  std::vector<std::string> parts;
  if (session.hold) parts.push_back(format_duration(Seconds(session.hold->after(week))));
  if (session.reps) parts.push_back(fmt::format("×{}", session.reps->after(week)));
  return parts.empty() ? std::string("as written") : fmt::format("{}", fmt::join(parts, " "));
}

// How many weeks the table shows: the plan's, or for a plan with no end,
// until every value has stopped growing (at most 12), and at least 1.
int weeks_shown(const Plan& plan) {
  if (plan.weeks) return *plan.weeks;
  int last = 1;
  for (const PlanSession& s : plan.sessions)
    for (const auto& p : {s.hold, s.reps})
      if (p && p->step > 0)
        last = std::max(last, std::min(12, ((p->to - p->from + p->step - 1) / p->step) * p->every_weeks + 1));
  return last;
}

// "started Mon 2026-12-07", or "starts ..." for a plan that begins later.
std::string started_words(const PlanStatus& status) {
  return fmt::format("{} {}", status.today < status.start_day ? "starts" : "started",
                     day_words(status.start_day));
}

// A line per week: a bar of sessions done, whether it was kept, and its ratings when given.
std::string week_bars(const PlanProgress& progress, const std::vector<WeekRatings>& ratings) {
  std::string out;
  for (const PlanWeek& week : progress.weeks) {
    out += fmt::format("  week {:<2} {}  {} of {}{}", week.index + 1, bar(week.done, week.planned), week.done,
                       week.planned,
                       week.index == progress.week ? "  (this week)"
                       : week.kept                 ? "  kept"
                                                   : "  not kept");
    const auto index = static_cast<std::size_t>(week.index);
    if (index < ratings.size() && (ratings[index].left || ratings[index].right)) {
      const auto side = [](const std::optional<double>& v) { return v ? fmt::format("{:.1f}", *v) : "-"; };
      out +=
          fmt::format("  tightness left {}, right {}", side(ratings[index].left), side(ratings[index].right));
    }
    out += "\n";
  }
  return out;
}

}  // namespace

std::string render_plan_stats(const PlanStatus& status, const std::vector<WeekRatings>& ratings, bool color) {
  const Style style(color);
  std::string out = "\n" + style.bold("Plan") +
                    fmt::format(" {}: {}, {}\n", escape_line(status.plan->name),
                                week_words(*status.plan, status.progress->week), started_words(status));
  out += week_bars(*status.progress, ratings);
  // The trend: the first week rated against the last, per side.
  for (const auto& [name, member] :
       {std::pair{"left", &WeekRatings::left}, std::pair{"right", &WeekRatings::right}}) {
    std::optional<double> first;
    std::optional<double> last;
    for (const WeekRatings& week : ratings)
      if (week.*member) {
        if (!first) first = week.*member;
        last = week.*member;
      }
    if (first && last)
      out += fmt::format("  {} side since the plan began: {:.1f} to {:.1f} ({})\n", name, *first, *last,
                         *last < *first   ? "looser"
                         : *last > *first ? "tighter"
                                          : "the same");
  }
  if (std::none_of(ratings.begin(), ratings.end(), [](const WeekRatings& w) { return w.left || w.right; }))
    out += "  No ratings since the plan began: run with --rate to see each side's trend.\n";
  return out;
}

Json plan_stats_json(const PlanStatus& status, const std::vector<WeekRatings>& ratings) {
  Json weeks = Json::array();
  for (const PlanWeek& week : status.progress->weeks) {
    const auto index = static_cast<std::size_t>(week.index);
    const WeekRatings rated = index < ratings.size() ? ratings[index] : WeekRatings{};
    weeks.push_back({{"week", week.index + 1},
                     {"planned", week.planned},
                     {"done", week.done},
                     {"kept", week.kept},
                     {"tightness_left", rated.left ? Json(*rated.left) : Json(nullptr)},
                     {"tightness_right", rated.right ? Json(*rated.right) : Json(nullptr)}});
  }
  return Json{{"plan", status.plan->name},
              {"started", to_string(civil_from_days(status.start_day))},
              {"week", status.progress->week + 1},
              {"weeks_kept", status.progress->weeks_kept},
              {"weeks", weeks}};
}

std::string render_plan_card(const Plan& plan, bool markdown, std::size_t width) {
  const std::size_t text_width = std::max<std::size_t>(width, 40);
  std::string out = markdown ? fmt::format("# {}\n\n", escape_line(plan.title))
                             : fmt::format("{}  ({})\n", escape_line(plan.title), escape_line(plan.name));
  std::string facts = plan.weeks ? fmt::format("{} weeks", *plan.weeks) : "no end date";
  if (plan.sides == SidePolicy::favour_tighter) facts += " · the tighter side held half as long again";
  out += facts + "\n";
  if (!plan.summary.empty()) {
    out += "\n";
    for (const std::string& line : wrap(plan.summary, text_width)) out += line + "\n";
  }
  out += markdown ? "\n## Sessions\n\n" : "\nSessions\n";
  for (const PlanSession& s : plan.sessions)
    out += fmt::format("{}{} — {}{}\n", markdown ? "- " : "  ", escape_line(s.routine), format_days(s.days),
                       s.times_a_day > 1 ? fmt::format(", {} times a day", s.times_a_day) : std::string());
  const int weeks = weeks_shown(plan);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header = {"week"};
  for (const PlanSession& s : plan.sessions) header.push_back(escape_line(s.routine));
  rows.push_back(header);
  for (int week = 0; week < weeks; ++week) {
    std::vector<std::string> row = {std::to_string(week + 1) + (!plan.weeks && week + 1 == weeks ? "+" : "")};
    for (const PlanSession& s : plan.sessions) row.push_back(cell(s, week));
    rows.push_back(std::move(row));
  }
  out += markdown ? "\n## Weeks\n\n" : "\nWeeks (holds, ×reps)\n";
  std::vector<std::size_t> widths(header.size(), 0);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line = markdown ? "|" : " ";
    for (std::size_t c = 0; c < rows[r].size(); ++c)
      line += markdown ? fmt::format(" {} |", rows[r][c]) : " " + pad_right(rows[r][c], widths[c] + 1);
    while (line.ends_with(' ')) line.pop_back();
    out += line + "\n";
    if (markdown && r == 0) {
      std::string rule = "|";
      for (std::size_t c = 0; c < rows[r].size(); ++c) rule += " --- |";
      out += rule + "\n";
    }
  }
  out += (markdown ? "\n" : "");
  for (const std::string& line :
       wrap("Each week as it is when every week before it was kept (at least 2/3 of its sessions done); a "
            "week not kept keeps the values where they were.",
            text_width))
    out += line + "\n";
  if (!plan.notes.empty()) {
    out += markdown ? "\n## Notes\n\n" : "\nNotes\n";
    for (const std::string& note : plan.notes) {
      const auto lines = wrap(note, text_width - 4);
      const std::string bullet = markdown ? "- " : "  - ";
      for (std::size_t i = 0; i < lines.size(); ++i)
        out += (i == 0 ? bullet : std::string(bullet.size(), ' ')) + lines[i] + "\n";
    }
  }
  return out;
}

std::string week_words(const Plan& plan, int week) {
  return plan.weeks ? fmt::format("week {} of {}", week + 1, *plan.weeks) : fmt::format("week {}", week + 1);
}

std::string describe_plan_sessions(const Plan& plan) {
  std::vector<std::string> parts;
  for (const PlanSession& s : plan.sessions) {
    std::string part = fmt::format("{} {}", format_days(s.days), s.routine);
    if (s.times_a_day > 1) part += fmt::format(" ×{}", s.times_a_day);
    std::vector<std::string> grows;
    if (s.hold) grows.push_back(growth(*s.hold, true));
    if (s.reps) grows.push_back(growth(*s.reps, false));
    if (!grows.empty()) part += fmt::format(" ({})", fmt::join(grows, "; "));
    parts.push_back(std::move(part));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string render_plan_list(const std::vector<PlanListRow>& rows) {
  if (rows.empty()) return "No plans on the search path.\n";
  std::size_t name_width = 0;
  std::size_t weeks_width = 0;
  for (const PlanListRow& row : rows) {
    name_width = std::max(name_width, display_width(row.name));
    weeks_width = std::max(weeks_width, display_width(row.weeks));
  }
  std::string out;
  for (const PlanListRow& row : rows)
    out +=
        fmt::format("{} {}  {}  {}\n", row.active ? "*" : " ", pad_right(escape_line(row.name), name_width),
                    pad_right(row.weeks, weeks_width), escape_line(row.title));
  if (std::any_of(rows.begin(), rows.end(), [](const PlanListRow& r) { return r.active; }))
    out += "* the plan you are on\n";
  return out;
}

std::string render_plan_status(const PlanStatus& status, bool color) {
  const Style style(color);
  const Plan& plan = *status.plan;
  const PlanProgress& progress = *status.progress;
  std::string out = style.bold(escape_line(plan.title)) +
                    fmt::format(" ({}): {}, {}\n", escape_line(plan.name), week_words(plan, progress.week),
                                started_words(status));
  if (progress.over) {
    out += fmt::format("The plan ended after {} weeks; `psoas plan stop` ends it here, or start it again.\n",
                       *plan.weeks);
  }
  if (status.changed) out += "The plan file changed since it was started: psoas follows it as it is now.\n";
  if (!progress.weeks.empty()) {
    const PlanWeek& week = progress.weeks.back();
    out += fmt::format("This week: {} of {} sessions done; so far {} of {}. {}\n", week.done, week.planned,
                       progress.done_so_far, progress.planned_so_far,
                       progress.week == 0
                           ? std::string("The first week.")
                           : fmt::format("Weeks kept: {} of {}.", progress.weeks_kept, progress.week));
  }
  if (!progress.over) {
    out += "\nToday\n";
    std::size_t width = 0;
    for (const PlanRoutineToday& r : status.routines)
      width = std::max(width, display_width(r.session->routine));
    for (const PlanRoutineToday& r : status.routines) {
      const std::string name = pad_right(escape_line(r.session->routine), width);
      if (r.times_today == 0) {
        out += fmt::format("  {}  not today ({})\n", name, format_days(r.session->days));
        continue;
      }
      const std::string done = r.times_today == 1 ? (r.done_today > 0 ? "done" : "to do")
                                                  : fmt::format("{} of {} done", r.done_today, r.times_today);
      out += fmt::format("  {}  {}\n", name, r.done_today >= r.times_today ? done : style.warning(done));
      for (const std::string& why : r.values.why)
        out += fmt::format("  {}    {}\n", std::string(width, ' '), why);
    }
  }
  out += "\nWeeks\n" + week_bars(progress, {});
  out +=
      "A week is kept when at least 2/3 of its sessions are done; holds and reps grow only with weeks "
      "kept.\n";
  return out;
}

std::string plan_status_json(const PlanStatus& status) {
  const Plan& plan = *status.plan;
  const PlanProgress& progress = *status.progress;
  Json weeks = Json::array();
  for (const PlanWeek& week : progress.weeks)
    weeks.push_back({{"week", week.index + 1},
                     {"planned", week.planned},
                     {"done", week.done},
                     {"kept", week.kept},
                     {"current", week.index == progress.week}});
  Json routines = Json::array();
  for (const PlanRoutineToday& r : status.routines)
    routines.push_back({{"routine", r.session->routine},
                        {"days", format_days(r.session->days)},
                        {"times_today", r.times_today},
                        {"done_today", r.done_today},
                        {"hold_seconds", r.values.hold ? Json(r.values.hold->count()) : Json(nullptr)},
                        {"reps", r.values.reps ? Json(*r.values.reps) : Json(nullptr)},
                        {"favoured_side", r.values.favoured ? Json(std::string(to_string(*r.values.favoured)))
                                                            : Json(nullptr)},
                        {"why", r.values.why}});
  return dump_json(Json{{"plan", plan.name},
                        {"title", plan.title},
                        {"started", to_string(civil_from_days(status.start_day))},
                        {"today", to_string(civil_from_days(status.today))},
                        {"week", progress.week + 1},
                        {"weeks", plan.weeks ? Json(*plan.weeks) : Json(nullptr)},
                        {"over", progress.over},
                        {"changed_since_start", status.changed},
                        {"weeks_kept", progress.weeks_kept},
                        {"done_so_far", progress.done_so_far},
                        {"planned_so_far", progress.planned_so_far},
                        {"routines", routines},
                        {"progress", weeks}});
}

}  // namespace psoas
