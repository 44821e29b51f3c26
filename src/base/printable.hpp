#pragma once

#include <optional>
#include <string>
#include <string_view>

// The one rule for control characters, which text from files, names and
// arguments must never carry to a terminal: C0 (but tab and line feed), DEL
// and C1, and bytes that are not UTF-8.
namespace psoas {

// The first control character in valid UTF-8 `text` other than tab and line
// feed, as its code point.
std::optional<unsigned> find_control_character(std::string_view text);

// `text` safe to print on a terminal: control characters and bytes that are
// not UTF-8 become escapes such as `\x1b` and `\u009b`, so that a file's
// contents can never send the terminal a command. Line feeds stay.
std::string escape_controls(std::string_view text);

// As escape_controls(), and a line feed becomes `\n` too: for text that must
// stay on one line, such as a name inside an error message.
std::string escape_line(std::string_view text);

// Whether escape_controls() would change `text`.
bool has_controls(std::string_view text);

}  // namespace psoas
