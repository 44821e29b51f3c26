#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/duration.hpp"
#include "model/figure.hpp"
#include "model/side.hpp"

namespace psoas {

// Timing values imposed on every timed step below a `use` step, or on a whole
// run by `psoas run --hold/--reps`. Unset fields leave the step's own value.
struct TimingOverrides {
  std::optional<Seconds> hold;
  std::optional<int> reps;
  std::optional<Seconds> rest;
  std::optional<Seconds> switch_time;
  std::optional<Seconds> prepare;
  // A plan that favours the tighter side: its holds last half as long again.
  std::optional<Side> favoured;

  // These overrides applied on top of `inner`: the outer value wins.
  [[nodiscard]] TimingOverrides over(const TimingOverrides& inner) const;
  [[nodiscard]] bool empty() const;
};

struct Routine;

struct Step {
  std::string name;
  std::optional<Seconds> hold;  // nullopt: an `until-done` checklist step
  std::vector<Side> sides{Side::none};
  int reps = 1;
  Seconds rest{0};
  Seconds switch_time{5};
  Seconds prepare{0};
  std::optional<Seconds> min_hold;  // the shortest `psoas run --fit` may make a hold
  std::optional<Seconds> max_hold;  // and the longest
  bool alternate = false;
  std::vector<std::string> setup;
  std::vector<std::string> cues;
  std::string caution;
  // What the side names in this step, when the side word alone is not
  // enough ("back leg"): shown beside it, as in "left · back leg".
  std::string side_label;
  // Where the step's numbers come from ("program's choice", "sources: 30 s").
  std::string source;
  // The pose as a picture: on the run screen, the printed card, `psoas figure`.
  StepFigure figure;

  // A `use` step stands for every step of `used`, with `overrides` applied.
  std::string use;
  std::shared_ptr<const Routine> used;
  TimingOverrides overrides;

  [[nodiscard]] bool is_use() const { return !use.empty(); }
  [[nodiscard]] bool is_check() const { return !is_use() && !hold; }
};

struct Routine {
  std::string name;
  std::string title;
  std::string summary;
  std::vector<std::string> tags;
  std::vector<std::string> equipment;
  std::vector<std::string> cautions;
  std::vector<std::string> notes;  // where the numbers come from, where sources disagree
  std::string often;               // how often to do it: "daily", "twice a day"
  std::string tracks;              // what its sides work, for ratings and stats: "hip flexor"
  std::vector<Step> steps;
  bool rate = false;           // ask how tight each side feels after a run
  std::filesystem::path file;  // where it was read from
  std::string content_hash;    // of its file and those of the routines it uses
  std::size_t use_depth = 1;   // routines in its longest chain of `use` steps, itself included
};

// A routine whose steps (`use` steps expanded) and holds number more than this
// is refused, which bounds the size of its timeline.
inline constexpr std::size_t kMaxExpandedSize = 100'000;

// The leaf steps and holds `routine` expands to with `overrides` on top (as
// `psoas run --reps` gives), counted without expanding it; stops counting
// once past `limit`.
std::size_t expanded_size(const Routine& routine, const TimingOverrides& overrides, std::size_t limit);

// A run shows a step's setup during its get-ready, each switch of sides, and
// the first seconds of each hold: this many of a hold (half of a short one).
inline constexpr Seconds kSetupShownInHold{10};
Seconds setup_time_in_hold(Seconds hold);

// A setup is meant to be read at about this many words a second.
inline constexpr double kReadingWordsPerSecond = 2.0;

// Whether `name` is a valid routine name: [a-z0-9][a-z0-9-]*, at most 64 characters.
bool is_valid_routine_name(std::string_view name);

}  // namespace psoas
