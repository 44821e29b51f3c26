#include "commands/card.hpp"

#include <algorithm>
#include <charconv>
#include <ostream>

#include <fmt/format.h>

#include "load/suggest.hpp"
#include "plan/timeline.hpp"
#include "ui/json.hpp"

namespace psoas {

std::vector<std::size_t> select_steps(const Timeline& timeline, std::string_view selector) {
  const std::size_t count = timeline.steps.size();
  std::size_t number = 0;
  const auto [end, error] = std::from_chars(selector.data(), selector.data() + selector.size(), number);
  if (error == std::errc() && end == selector.data() + selector.size()) {
    if (number >= 1 && number <= count) return {number - 1};
    throw Error(count == 1 ? fmt::format("there is no step {}: the routine has only 1 step", number)
                           : fmt::format("there is no step {}: the routine has steps 1 to {}", number, count),
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
      fmt::format("no step named `{}`{}; give a name or a number from 1 to {}", selector,
                  close.empty() ? "" : fmt::format(" (did you mean {}?)", join_alternatives(close)), count),
      ExitCode::usage);
}

ExitCode show_card(const CardCommandOptions& options, const SearchPath& search_path, const Console& console) {
  const auto routine = load_routine_argument(options.routine, search_path, console);
  const Timeline timeline = build_timeline(*routine);
  const auto only_steps = options.step ? select_steps(timeline, *options.step) : std::vector<std::size_t>{};
  if (options.json) {
    console.out << card_json(*routine, timeline, only_steps);
    return ExitCode::ok;
  }
  CardOptions card;
  card.format = options.format;
  card.width = static_cast<std::size_t>(console.out_info.width);
  card.color = console.out_info.color && options.format == CardFormat::text;
  card.only_steps = only_steps;
  console.out << render_card(*routine, timeline, card);
  return ExitCode::ok;
}

}  // namespace psoas
