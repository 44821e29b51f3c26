#include "commands/completion.hpp"

#include <ostream>

namespace psoas {

ExitCode print_completion(const std::string& shell, const CompletionSpec& spec, const Console& console) {
  if (shell == "bash") console.out << bash_completion(spec);
  if (shell == "zsh") console.out << zsh_completion(spec);
  if (shell == "fish") console.out << fish_completion(spec);
  return ExitCode::ok;
}

}  // namespace psoas
