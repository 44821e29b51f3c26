#include "commands/stats.hpp"

#include <ostream>

#include "history/stats.hpp"
#include "run/clock.hpp"
#include "ui/history_view.hpp"

namespace psoas {

ExitCode show_stats(const StatsOptions& options, const std::optional<HistoryReader>& history,
                    const Console& console) {
  HistoryQuery query;
  query.routine = options.routine;
  const std::vector<Session> sessions = history ? history->sessions(query) : std::vector<Session>{};
  StatsReport report = make_stats_report(sessions, local_day(wall_time_now()), options.weeks);
  report.routine = options.routine.value_or("");
  if (options.json) {
    console.out << stats_json(report);
  } else {
    console.out << render_stats(report, static_cast<std::size_t>(console.out_info.width), console.out_info.color);
  }
  return ExitCode::ok;
}

}  // namespace psoas
