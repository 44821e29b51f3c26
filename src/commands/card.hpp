#pragma once

#include <optional>
#include <string>

#include "commands/console.hpp"
#include "load/search_path.hpp"
#include "base/error.hpp"
#include "ui/card.hpp"

namespace psoas {

struct CardCommandOptions {
  std::string routine;
  std::optional<std::string> step;  // a number or a name
  CardFormat format = CardFormat::text;
  bool json = false;
};

// `psoas card ROUTINE [STEP]`: the printable step card.
ExitCode show_card(const CardCommandOptions& options, const SearchPath& search_path, const Console& console);

// The steps of a timeline that `selector` names: a 1-based number, or a step
// name (every step of that name, ignoring case). Throws Error naming the
// choices when nothing matches.
std::vector<std::size_t> select_steps(const Timeline& timeline, std::string_view selector);

}  // namespace psoas
