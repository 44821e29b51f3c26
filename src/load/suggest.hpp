#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace psoas {

// Edit distance counting an adjacent transposition as one edit ("hodl" -> "hold" is 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates close enough to `word` to be what was meant, closest first:
// a typo or two away, or starting with `word`. At most `limit` of them.
std::vector<std::string> close_matches(std::string_view word, std::span<const std::string> candidates,
                                       std::size_t limit = 3);

// ASCII letters compared without regard to case.
bool equal_ignoring_case(std::string_view a, std::string_view b);

// What follows an unknown `word`: "; did you mean `x`?" when one of `known`
// is close, else "; the NOUN are `a`, `b` or `c`".
std::string suggestion(std::string_view word, std::span<const std::string> known, std::string_view noun);

// "`a`", "`a` or `b`", "`a`, `b` or `c`".
std::string join_alternatives(std::span<const std::string> words);

}  // namespace psoas
