#pragma once

#include <string>

#include "base/error.hpp"
#include "commands/console.hpp"
#include "ui/completion_script.hpp"

namespace psoas {

// `psoas completion bash|zsh|fish`: prints the completion script for a shell.
ExitCode print_completion(const std::string& shell, const CompletionSpec& spec, const Console& console);

}  // namespace psoas
