#pragma once

#include <string>
#include <string_view>

namespace psoas {

// `text` safe to print on a terminal: control characters (C0 but tab and
// line feed, DEL, C1) and bytes that are not UTF-8 become escapes such as
// `\x1b`, so that a file's contents can never send the terminal a command.
std::string escape_controls(std::string_view text);

// Whether escape_controls() would change `text`.
bool has_controls(std::string_view text);

}  // namespace psoas
