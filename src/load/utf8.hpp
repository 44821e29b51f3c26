#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace psoas {

// The length of the valid UTF-8 sequence at `i`, or 0 when it is invalid
// (overlong, a surrogate, beyond U+10FFFF, or cut short).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// `text` with every byte that does not begin a valid sequence read as the
// Latin-1 character it would be, and encoded in UTF-8. yaml-cpp turns the
// escapes "\N" and "\_" into the single bytes 0x85 and 0xA0; this makes them
// the characters U+0085 and U+00A0 they stand for.
std::string repair_utf8(std::string_view text);

}  // namespace psoas
