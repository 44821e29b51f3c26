#pragma once

#include <string>
#include <vector>

#include "audio/track.hpp"

namespace psoas {

// A CD cue sheet for `file_name` (as it sits beside the sheet): a track per
// chapter, so that a player can skip to each step of any format.
std::string cue_sheet(const std::string& title, const std::string& file_name, AudioFormat format,
                      const std::vector<Chapter>& chapters, int rate);

}  // namespace psoas
