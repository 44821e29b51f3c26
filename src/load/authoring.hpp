#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace psoas {

// The comment that points editors with yaml-language-server at the schema.
std::string schema_comment(std::string_view schema_url);

// A valid, commented starter routine named `name`; with a schema URL, its
// first line points editors at the schema.
std::string starter_routine(std::string_view name, std::optional<std::string_view> schema_url);

// The text of a routine renamed to `name`, comments and layout kept: its
// top-level `name:` line replaced, or one added before the first key. With a
// schema URL, the schema comment is added when missing. Nullopt when the text
// is not a YAML map.
std::optional<std::string> renamed_routine(std::string_view text, std::string_view name,
                                           std::optional<std::string_view> schema_url);

}  // namespace psoas
