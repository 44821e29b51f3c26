#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "plan/timeline.hpp"

namespace psoas {

// The steps of a timeline that `selector` names: a 1-based number, or a step
// name (every step of that name, ignoring case). Throws Error naming the
// choices when nothing matches.
std::vector<std::size_t> select_steps(const Timeline& timeline, std::string_view selector);

}  // namespace psoas
