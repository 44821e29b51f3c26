#pragma once

#include <string_view>

// The VT100/xterm control sequences psoas writes. Nothing outside src/term
// spells an escape code.
namespace psoas::escape {

inline constexpr std::string_view kReset = "\x1b[0m";
inline constexpr std::string_view kBold = "\x1b[1m";
inline constexpr std::string_view kDim = "\x1b[2m";
inline constexpr std::string_view kReverse = "\x1b[7m";
inline constexpr std::string_view kRed = "\x1b[31m";
inline constexpr std::string_view kGreen = "\x1b[32m";
inline constexpr std::string_view kYellow = "\x1b[33m";
inline constexpr std::string_view kBlue = "\x1b[34m";
inline constexpr std::string_view kMagenta = "\x1b[35m";
inline constexpr std::string_view kCyan = "\x1b[36m";
// Back to the start of the line, which is cleared: for a progress line redrawn in place.
inline constexpr std::string_view kClearLine = "\r\x1b[2K";

}  // namespace psoas::escape
