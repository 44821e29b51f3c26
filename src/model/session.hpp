#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "model/duration.hpp"
#include "model/side.hpp"
#include "model/wall_time.hpp"

namespace psoas {

using Millis = std::chrono::milliseconds;

// How a session ended. `finished` and `partial` both reached the end: a
// partial session skipped more than a tenth of its planned hold time.
enum class SessionOutcome : unsigned char { finished, partial, quit, interrupted };

// "finished", "partial", "quit", "interrupted".
std::string_view to_string(SessionOutcome outcome);
std::optional<SessionOutcome> session_outcome_from(std::string_view text);

// A session that reached the end skipped at most this share of its planned
// hold time to count as finished.
inline constexpr double kFinishedSkipShare = 0.10;

// The version of the session records `psoas log --json` writes and
// `psoas log --import` reads.
inline constexpr int kSessionLogFormat = 1;

// The bounds of what a session can hold, which the history keeps to.
inline constexpr std::int64_t kLatestSessionMs = 253'402'300'799'999;  // 9999-12-31T23:59:59.999Z
inline constexpr Millis kLongestSession = std::chrono::hours(24 * 366);
inline constexpr int kMostCounted = 100'000'000;
inline constexpr int kMostOffsetMinutes = 1440;

// The outcome of a session that reached the end, from its hold times.
SessionOutcome outcome_at_end(Millis planned_hold, Millis held);

// How tight a side felt after a run, 0 (loose) to 10 (very tight).
struct Ratings {
  std::optional<int> left;
  std::optional<int> right;
  std::optional<int> overall;  // for a routine without sides
  [[nodiscard]] bool empty() const { return !left && !right && !overall; }
  friend bool operator==(const Ratings&, const Ratings&) = default;
};

// The timing a run was given (on the command line, or by the plan it follows), kept so that a resumed
// session is the same timeline.
struct RunTiming {
  std::optional<Seconds> hold;
  std::optional<int> reps;
  std::optional<Seconds> fit;    // --fit: the run scaled to this length
  std::optional<int> from_step;  // --from: 1-based, the step the run began at
  std::optional<Side> favoured;  // a plan's tighter side, held half as long again
  friend bool operator==(const RunTiming&, const RunTiming&) = default;
};

// One run of a routine, as the history keeps it; a resumed run extends the
// session it continues.
struct Session {
  std::int64_t id = 0;  // the row in this history
  std::string uuid;     // the session's own id, the same on every machine it is imported to
  std::string routine;  // its name
  std::string title;
  std::string content_hash;  // of the routine's files, to tell edited versions apart
  WallTime started;
  WallTime ended;
  Millis planned{0};       // the timeline's length from where the run began
  Millis planned_hold{0};  // the holds' share of it
  Millis reached_hold{0};  // the planned hold time of the part reached, the hold it stopped in included
  Millis active{0};        // time run, pauses left out
  Millis paused{0};
  int segments_completed = 0;
  int segments_skipped = 0;
  int holds = 0;  // holds in the part of the timeline run
  int holds_skipped = 0;
  Millis held_left{0};
  Millis held_right{0};
  Millis held_unsided{0};
  SessionOutcome outcome = SessionOutcome::finished;
  std::optional<int> stopped_at_step;     // 1-based, when it did not reach the end
  std::optional<int> stopped_at_segment;  // 0-based in its timeline, for --resume
  Millis stopped_hold{0};                 // how long the hold it stopped in had been held
  double speed = 1.0;                     // a rehearsal at --speed, recorded with --log, is not 1
  int resumed = 0;                        // times it was resumed
  RunTiming timing;
  Ratings ratings;
  std::string plan;              // the plan it followed, or "" for none
  std::optional<int> plan_week;  // 1-based: the plan's week it was in

  [[nodiscard]] Millis held() const { return held_left + held_right + held_unsided; }
  [[nodiscard]] bool reached_end() const {
    return outcome == SessionOutcome::finished || outcome == SessionOutcome::partial;
  }
  friend bool operator==(const Session&, const Session&) = default;
};

}  // namespace psoas
