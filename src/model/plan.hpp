#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/duration.hpp"
#include "model/week_days.hpp"

// A plan: which routines on which days over weeks, with holds and reps that
// grow as the person keeps to it (psoas(1), PLANS).
namespace psoas {

// A value that grows from `from` toward `to` by `step`, every `every_weeks`
// weeks kept to; holds in seconds, reps as counts.
struct Progression {
  int from = 0;
  int to = 0;
  int step = 0;
  int every_weeks = 1;

  // The value after `weeks_kept` weeks kept to: from, plus a step per
  // `every_weeks` of them, never past `to`.
  [[nodiscard]] int after(int weeks_kept) const;
};

// One line of a plan's `sessions`: a routine, its days, and how it grows.
struct PlanSession {
  std::string routine;
  WeekDays days = kEveryDay;
  int times_a_day = 1;
  std::optional<Progression> hold;  // seconds
  std::optional<Progression> reps;
};

enum class SidePolicy : unsigned char { as_written, favour_tighter };

struct Plan {
  std::string name;  // the file's stem
  std::string title;
  std::string summary;
  std::optional<int> weeks;  // none: open-ended
  SidePolicy sides = SidePolicy::as_written;
  std::vector<PlanSession> sessions;
  std::vector<std::string> notes;
  std::filesystem::path file;
  std::string content_hash;

  // The line for `routine`, or null when the plan does not have it.
  [[nodiscard]] const PlanSession* session_of(std::string_view routine) const;
};

// A plan keeps to a week when at least this share of its planned sessions was done.
inline constexpr int kKeptShareNumerator = 2;
inline constexpr int kKeptShareDenominator = 3;

}  // namespace psoas
