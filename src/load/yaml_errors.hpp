#pragma once

#include "load/diagnostic.hpp"
#include "load/source.hpp"
#include "load/yaml_tree.hpp"

namespace psoas {

// A YAML syntax error as a diagnostic at its place, with the likeliest cause
// when one is known: a tab in the indentation, a value with `: ` in it, or a
// line indented unlike the one it belongs with.
Diagnostic yaml_error(const SourceText& source, const YamlError& error);

}  // namespace psoas
