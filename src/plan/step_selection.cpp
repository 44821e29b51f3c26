#include "plan/step_selection.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "base/error.hpp"
#include "base/numbers.hpp"
#include "base/printable.hpp"
#include "load/suggest.hpp"

namespace psoas {

std::vector<std::size_t> select_steps(const Timeline& timeline, std::string_view selector) {
  const std::size_t count = timeline.steps.size();
  if (const auto number = parse_whole_number<std::size_t>(selector)) {
    if (*number >= 1 && *number <= count) return {*number - 1};
    throw Error(count == 1
                    ? fmt::format("there is no step {}: the routine has only 1 step", *number)
                    : fmt::format("there is no step {}: the routine has steps 1 to {}", *number, count),
                ExitCode::usage);
  }
  std::vector<std::size_t> matches;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string& name = timeline.steps[i].step.name;
    if (equal_ignoring_case(name, selector)) matches.push_back(i);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  if (!matches.empty()) return matches;
  const auto close = close_matches(selector, names);
  throw Error(
      fmt::format("no step named `{}`{}; give a name or a number from 1 to {}", escape_line(selector),
                  close.empty() ? "" : fmt::format(" (did you mean {}?)", join_alternatives(close)), count),
      ExitCode::usage);
}

}  // namespace psoas
