#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "load/diagnostic.hpp"
#include "ui/style.hpp"

namespace psoas {

// "FILE:LINE:COLUMN: error: MESSAGE", and with the source line given, that
// line and a caret under the column, as compilers show them on a terminal.
std::string render_diagnostic(const Diagnostic& diagnostic, std::optional<std::string_view> source_line,
                              const Style& style);

}  // namespace psoas
