#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace psoas {

using Json = nlohmann::ordered_json;

// JSON text as psoas writes it: indented by two (or on one line), ending in
// a line break, invalid UTF-8 replaced, and the C1 control characters
// (U+0080..U+009F, which JSON allows raw) escaped as \u0080..\u009f, so that
// the text can never drive a terminal it is shown on.
std::string dump_json(const Json& json, bool one_line = false);

}  // namespace psoas
