#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/routine.hpp"
#include "plan/timeline.hpp"

namespace psoas {

enum class CardFormat : unsigned char { text, markdown };

struct CardOptions {
  CardFormat format = CardFormat::text;
  std::size_t width = 80;  // text cards are wrapped to this many columns
  bool color = false;
  bool compact = false;                 // one line per step, for a page on the wall
  std::vector<std::size_t> only_steps;  // indexes into Timeline::steps; empty for the whole card
};

// The printable step card of a routine: title, total time, equipment to tick
// off, cautions, then every step with a checkbox, its timing, setup, cues and
// caution. With `only_steps`, the card of those steps alone. A compact card
// is a one-page summary: the facts and cautions, then a line per step with
// its name, sides, hold × reps and first cue.
std::string render_card(const Routine& routine, const Timeline& timeline, const CardOptions& options);

}  // namespace psoas
