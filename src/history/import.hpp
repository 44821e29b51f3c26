#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "load/diagnostic.hpp"
#include "model/session.hpp"

namespace psoas {

// Import files are at most this large (about a million sessions).
inline constexpr std::size_t kMaxImportBytes = std::size_t{1} << 30;

// Reads what `psoas log --json` wrote, on this machine or another: every
// session, each value within the bounds the history keeps to and agreeing
// with the others (no more held than run, nothing started after `now`). A file with any
// problem gives every problem (up to a hundred), each at its place in the
// file, and no session at all.
std::variant<std::vector<Session>, std::vector<Diagnostic>> read_session_log(const std::string& file,
                                                                             std::string_view text,
                                                                             std::int64_t now_unix_ms);

}  // namespace psoas
