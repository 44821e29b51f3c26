#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "model/wall_time.hpp"

namespace psoas {

using Millis = std::chrono::milliseconds;

enum class SessionOutcome : unsigned char { finished, quit, interrupted };

// "finished", "quit", "interrupted".
std::string_view to_string(SessionOutcome outcome);
std::optional<SessionOutcome> session_outcome_from(std::string_view text);

// How tight a side felt after a run, 0 (loose) to 10 (very tight).
struct Ratings {
  std::optional<int> left;
  std::optional<int> right;
  std::optional<int> overall;  // for a routine without sides
  [[nodiscard]] bool empty() const { return !left && !right && !overall; }
};

// One run of a routine, as the history keeps it.
struct Session {
  std::int64_t id = 0;
  std::string routine;  // its name
  std::string title;
  std::string content_hash;  // of the routine's files, to tell edited versions apart
  WallTime started;
  WallTime ended;
  Millis planned{0};  // the timeline's length from where the run began
  Millis active{0};   // time run, pauses left out
  Millis paused{0};
  int segments_completed = 0;
  int segments_skipped = 0;
  Millis held_left{0};
  Millis held_right{0};
  Millis held_unsided{0};
  SessionOutcome outcome = SessionOutcome::finished;
  std::optional<int> stopped_at_step;  // 1-based, when not finished
  Ratings ratings;
};

}  // namespace psoas
