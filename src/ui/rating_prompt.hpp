#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "model/session.hpp"
#include "plan/timeline.hpp"
#include "run/events.hpp"

namespace psoas {

// Where the rating questions are asked: the terminal the run was on.
struct LinePrompt {
  std::function<void(std::string_view)> say;
  // Shows `question` and reads a line; nothing at the end of input.
  std::function<std::optional<std::string>(std::string_view question)> ask;
};

// Asks how tight each side the run worked feels now, 0 to 10, in the order
// the routine worked them, naming what the sides track ("left hip flexor").
// Enter skips a side; anything else is asked again.
Ratings ask_ratings(const Timeline& timeline, const RunState& end, const LinePrompt& prompt);

}  // namespace psoas
