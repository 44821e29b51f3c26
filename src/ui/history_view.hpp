#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "model/session.hpp"
#include "model/stats.hpp"

namespace psoas {

// The table shows this much of each session's id; `psoas log --delete` takes it.
inline constexpr std::size_t kShortIdLength = 8;

// `psoas log`: sessions as a table, newest first, narrowed to `width`
// columns when it is shown on a terminal that wide.
std::string render_session_table(const std::vector<Session>& sessions, bool color,
                                 std::optional<std::size_t> width = std::nullopt);

// `psoas log --json`: an array of sessions; `--csv`: a header and a row each.
std::string sessions_json(const std::vector<Session>& sessions);
std::string sessions_csv(const std::vector<Session>& sessions);

// The same, written a session at a time, as the history is read: the
// output is the same bytes, and memory does not grow with the history.
enum class SessionFormat : std::uint8_t { json, csv };
class SessionWriter {
 public:
  SessionWriter(std::ostream& out, SessionFormat format);
  void add(const Session& session);
  // Closes the JSON array; nothing is complete before.
  void finish();

 private:
  std::ostream& out_;
  SessionFormat format_;
  std::size_t written_ = 0;
  std::string element_;  // the session being written, its room kept from one to the next
};

// The report for a terminal `width` columns wide: the minutes per week as a
// bar chart, the sides' balance and how their tightness moves.
std::string render_stats(const StatsReport& report, std::size_t width, bool color);

// `psoas stats --json`: every figure of the report. Gaps are left minus
// right: positive when the left is tighter.
std::string stats_json(const StatsReport& report);

}  // namespace psoas
