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
  std::vector<std::size_t> only_steps;  // indexes into Timeline::steps; empty for the whole card
};

// The printable step card of a routine: title, total time, equipment to tick
// off, cautions, then every step with a checkbox, its timing, setup, cues and
// caution. With `only_steps`, the card of those steps alone.
std::string render_card(const Routine& routine, const Timeline& timeline, const CardOptions& options);

}  // namespace psoas
