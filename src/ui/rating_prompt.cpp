#include "ui/rating_prompt.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "base/numbers.hpp"
#include "base/printable.hpp"

namespace psoas {

Ratings ask_ratings(const Timeline& timeline, const RunState& end, const LinePrompt& prompt) {
  Ratings ratings;
  const std::string what = timeline.tracks.empty() ? "side" : escape_line(timeline.tracks);
  std::vector<std::pair<std::string, std::optional<int>*>> questions;
  if (end.held_left > Nanos(0)) questions.emplace_back(fmt::format("left {}", what), &ratings.left);
  if (end.held_right > Nanos(0)) questions.emplace_back(fmt::format("right {}", what), &ratings.right);
  // In the order the routine worked them, so that habit does not swap the answers.
  if (timeline.first_side() == Side::right) std::reverse(questions.begin(), questions.end());
  if (questions.empty())
    questions.emplace_back(timeline.tracks.empty() ? "hips, overall" : fmt::format("{}, overall", what),
                           &ratings.overall);
  prompt.say("How tight is it now? 0 = loose, 10 = very tight; Enter skips.\n");
  for (auto& [question, answer] : questions) {
    for (;;) {
      const auto line = prompt.ask(fmt::format("  {}: ", question));
      if (!line) return ratings;
      const std::string_view trimmed = trim_blanks(*line);  // " 8 " is as good an answer as "8"
      if (trimmed.empty()) break;
      if (const auto value = parse_whole_number<int>(trimmed); value && *value <= 10) {
        *answer = *value;
        break;
      }
      prompt.say("  A whole number from 0 to 10, please, or Enter to skip.\n");
    }
  }
  return ratings;
}

}  // namespace psoas
