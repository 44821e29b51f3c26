#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "base/error.hpp"
#include "commands/console.hpp"
#include "load/search_path.hpp"
#include "ui/card.hpp"
#include "ui/pictures.hpp"

namespace psoas {

struct CardCommandOptions {
  std::string routine;
  std::optional<std::string> step;  // a number or a name
  CardFormat format = CardFormat::text;
  bool json = false;
  bool compact = false;                  // one line per step
  std::optional<std::size_t> width;      // columns of a text card; else the terminal's, or COLUMNS, or 80
  bool step_names = false;               // for completion: each step's number and name
  std::optional<PictureFormat> picture;  // a printed card: PDF, SVG or PNG
  Paper paper = Paper::a4;
  std::string output;  // where a printed card goes
};

// `psoas card ROUTINE [STEP]`: the printable step card.
ExitCode show_card(const CardCommandOptions& options, const SearchPath& search_path, const Console& console);

// `psoas card ROUTINE --format pdf|svg|png -o FILE`: the card to print, drawn
// by `pictures`. Pages after the first of an SVG or PNG go to FILE-2.svg, …
ExitCode print_card(const CardCommandOptions& options, const SearchPath& search_path, const Console& console,
                    const PictureMaker& pictures);

// Where page `page` (from 1) of `pages` goes: FILE itself for the first,
// then FILE-2.png beside it, and so on.
std::filesystem::path page_file(const std::filesystem::path& file, std::size_t page);

}  // namespace psoas
