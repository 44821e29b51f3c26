#pragma once

#include <string>
#include <vector>

namespace psoas {

// What a shell needs to know to complete psoas's command line. The command
// line builds it from its own definition, so the scripts never fall behind.
struct CompletedOption {
  std::vector<std::string> long_names;   // without the dashes
  std::vector<std::string> short_names;  // without the dash
  std::string description;
  bool takes_value = false;
  std::vector<std::string> values;  // the choices, when there are few
  bool routine_value = false;       // its value is a routine name
};

// What a command's positional arguments are.
enum class CompletedArgument : unsigned char {
  none,
  routine,
  routine_or_file,
  routine_then_step,  // a routine, then one of its steps (`psoas card ROUTINE STEP`)
  shell,
  topic,     // a help topic
  reminder,  // remind's own commands, then a routine (add) or a reminder (remove)
};

struct CompletedCommand {
  std::string name;
  std::string description;
  std::vector<CompletedOption> options;
  CompletedArgument argument = CompletedArgument::none;
};

struct CompletionSpec {
  std::vector<CompletedOption> global_options;
  std::vector<CompletedCommand> commands;
};

// Completion scripts: subcommands, options, the choices of options that
// have them, and routine names found on the search path when Tab is pressed
// (`psoas list --names`).
std::string bash_completion(const CompletionSpec& spec);
std::string zsh_completion(const CompletionSpec& spec);
std::string fish_completion(const CompletionSpec& spec);

}  // namespace psoas
