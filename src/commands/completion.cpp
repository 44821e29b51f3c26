#include "commands/completion.hpp"

#include <ostream>

#include "commands/command_line.hpp"

namespace psoas {

ExitCode print_completion(const std::string& shell, const CompletionSpec& spec, const Console& console) {
  if (shell == "bash") console.out << bash_completion(spec);
  if (shell == "zsh") console.out << zsh_completion(spec);
  if (shell == "fish") console.out << fish_completion(spec);
  return ExitCode::ok;
}

void add_completion_command(CommandLine& line) {
  auto shell = std::make_shared<std::string>();
  CLI::App* completion =
      line.add("completion", "Print the shell completion script for bash, zsh or fish",
               CompletedArgument::shell, [shell, &line](const Environment&, const Console& console) {
                 return print_completion(*shell, completion_spec_of(line), console);
               });
  completion->add_option("shell", *shell, "The shell")
      ->required()
      ->check(one_of({"bash", "zsh", "fish"}))
      ->type_name("bash|zsh|fish");
  completion->footer(examples(
      {"source <(psoas completion bash)", "psoas completion fish > ~/.config/fish/completions/psoas.fish"}));
}

}  // namespace psoas
