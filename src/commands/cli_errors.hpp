#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace psoas {

// A command-line error in psoas's words, with where to look next: an unknown
// command or option named alone, with a suggestion when one is close; a
// missing argument said in words; options that exclude each other.
std::string explain_parse_error(const CLI::ParseError& error, const CLI::App& app, int argc, char** argv);

}  // namespace psoas
