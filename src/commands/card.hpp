#pragma once

#include <optional>
#include <string>

#include "base/error.hpp"
#include "commands/console.hpp"
#include "load/search_path.hpp"
#include "ui/card.hpp"

namespace psoas {

struct CardCommandOptions {
  std::string routine;
  std::optional<std::string> step;  // a number or a name
  CardFormat format = CardFormat::text;
  bool json = false;
  bool compact = false;              // one line per step
  std::optional<std::size_t> width;  // columns of a text card; else the terminal's, or COLUMNS, or 80
  bool step_names = false;           // for completion: each step's number and name
};

// `psoas card ROUTINE [STEP]`: the printable step card.
ExitCode show_card(const CardCommandOptions& options, const SearchPath& search_path, const Console& console);

}  // namespace psoas
