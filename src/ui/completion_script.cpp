#include "ui/completion_script.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "ui/manual.hpp"

namespace psoas {
namespace {

// 'text' for any POSIX shell: a quote becomes '\''.
std::string single_quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// 'text' for fish, which escapes a quote and a backslash with a backslash.
std::string fish_quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// Text inside the brackets of a zsh _arguments spec, or after the colon of a
// _describe entry.
std::string zsh_description(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// "commands keys format …": the help topics.
std::string topic_names() {
  std::string out;
  for (const ManualTopic& topic : manual_topics()) out += (out.empty() ? "" : " ") + std::string(topic.name);
  return out;
}

std::string flags_of(const CompletedOption& option) {
  std::string out;
  for (const std::string& name : option.long_names) out += fmt::format(" --{}", name);
  for (const std::string& name : option.short_names) out += fmt::format(" -{}", name);
  return out;
}

}  // namespace

std::string bash_completion(const CompletionSpec& spec) {
  std::string out = R"sh(# bash completion for psoas; `psoas completion bash` writes it.

# Each word of $2 (one per line) that starts with $1, quoted for the shell:
# compgen -W would take quotes and backslashes in a name for its own.
_psoas_offer() {
  local word IFS=$'\n'
  for word in $2; do
    [[ $word == "$1"* ]] && COMPREPLY+=("$(printf '%q' "$word")")
  done
}

_psoas_routines() {
  _psoas_offer "$1" "$(psoas list --names 2>/dev/null)"
}

_psoas_files() {
  local IFS=$'\n'
  COMPREPLY+=($(compgen -f -X '!*.yaml' -- "$1") $(compgen -f -X '!*.yml' -- "$1") $(compgen -d -S / -- "$1"))
}

# The steps of routine $1, by number and by name.
_psoas_steps() {
  local steps
  steps=$(psoas card "$1" --step-names 2>/dev/null)
  _psoas_offer "$2" "$(cut -f1 <<<"$steps"; cut -f2 <<<"$steps" | awk '!seen[$0]++')"
}

# The words after the command that are not options.
_psoas_arguments() {
  local i
  _psoas_given=()
  for ((i = 2; i < COMP_CWORD; i++)); do
    [[ ${COMP_WORDS[i]} != -* ]] && _psoas_given+=("${COMP_WORDS[i]}")
  done
}

_psoas() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} command= i
  for ((i = 1; i < COMP_CWORD; i++)); do
    if [[ ${COMP_WORDS[i]} != -* ]]; then
      command=${COMP_WORDS[i]}
      break
    fi
  done
  COMPREPLY=()
  case $command in
)sh";
  std::string commands;
  for (const CompletedCommand& command : spec.commands) commands += " " + command.name;
  std::string globals;
  for (const CompletedOption& option : spec.global_options) globals += flags_of(option);
  out += fmt::format("    '')\n      COMPREPLY=($(compgen -W '{}{}' -- \"$cur\"))\n      ;;\n",
                     commands.substr(1), globals);

  for (const CompletedCommand& command : spec.commands) {
    out += fmt::format("    {})\n", command.name);
    std::string value_cases;
    std::string all_flags;
    for (const CompletedOption& option : command.options) {
      all_flags += flags_of(option);
      if (!option.takes_value) continue;
      std::string names = flags_of(option).substr(1);
      std::replace(names.begin(), names.end(), ' ', '|');
      std::string action = "return";
      if (option.routine_value) action = "_psoas_routines \"$cur\"; return";
      if (!option.values.empty())
        action =
            fmt::format("COMPREPLY=($(compgen -W '{}' -- \"$cur\")); return", fmt::join(option.values, " "));
      value_cases += fmt::format("        {}) {} ;;\n", names, action);
    }
    if (!value_cases.empty()) out += fmt::format("      case $prev in\n{}      esac\n", value_cases);
    std::string argument;
    switch (command.argument) {
      case CompletedArgument::none:
        break;
      case CompletedArgument::routine:
        argument = "_psoas_routines \"$cur\"";
        break;
      case CompletedArgument::routine_or_file:
        argument = "_psoas_routines \"$cur\"; _psoas_files \"$cur\"";
        break;
      case CompletedArgument::routine_then_step:
        argument =
            "_psoas_arguments\n        if ((${#_psoas_given[@]} == 0)); then _psoas_routines \"$cur\"; "
            "else _psoas_steps \"${_psoas_given[0]}\" \"$cur\"; fi";
        break;
      case CompletedArgument::shell:
        argument = "COMPREPLY=($(compgen -W 'bash zsh fish' -- \"$cur\"))";
        break;
      case CompletedArgument::topic:
        argument = fmt::format("COMPREPLY=($(compgen -W '{}' -- \"$cur\"))", topic_names());
        break;
      case CompletedArgument::reminder:
        argument =
            "_psoas_arguments\n        case ${_psoas_given[0]} in\n"
            "          '') COMPREPLY=($(compgen -W 'add list remove pause resume' -- \"$cur\")) ;;\n"
            "          add) ((${#_psoas_given[@]} == 1)) && _psoas_routines \"$cur\" ;;\n"
            "          remove) ((${#_psoas_given[@]} == 1)) && _psoas_offer \"$cur\" \"$(psoas remind list "
            "--ids "
            "2>/dev/null)\" ;;\n"
            "          pause) ((${#_psoas_given[@]} == 1)) && COMPREPLY=($(compgen -W 'today 30m 1h 2h' -- "
            "\"$cur\")) "
            ";;\n"
            "        esac";
        break;
    }
    out +=
        fmt::format("      if [[ $cur == -* ]]; then\n        COMPREPLY=($(compgen -W '{}' -- \"$cur\"))\n",
                    all_flags.empty() ? "" : all_flags.substr(1));
    if (!argument.empty()) out += fmt::format("      else\n        {}\n", argument);
    out += "      fi\n      ;;\n";
  }
  out += "  esac\n}\n\ncomplete -o filenames -F _psoas psoas\n";
  return out;
}

std::string zsh_completion(const CompletionSpec& spec) {
  std::string out = R"sh(#compdef psoas
# zsh completion for psoas; `psoas completion zsh` writes it.

_psoas_routines() {
  local -a routines
  routines=(${(f)"$(psoas list --names 2>/dev/null)"})
  _describe -t routines 'routine' routines
}

_psoas_steps() {
  local -a steps
  steps=(${(f)"$(psoas card ${words[2]} --step-names 2>/dev/null)"})
  steps=(${steps//:/\\:})
  steps=(${steps//$'\t'/:})
  _describe -t steps 'step' steps
}

# After `psoas remind add`, a routine; after `remove`, a reminder; after `pause`, how long.
_psoas_remind_argument() {
  case $words[2] in
    add) _psoas_routines ;;
    remove) compadd -- ${(f)"$(psoas remind list --ids 2>/dev/null)"} ;;
    pause) compadd -- today 30m 1h 2h ;;
  esac
}

_psoas() {
  local -a commands
  commands=(
)sh";
  for (const CompletedCommand& command : spec.commands)
    out += fmt::format("    {}\n", single_quoted(command.name + ":" + zsh_description(command.description)));
  out += R"sh(  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'psoas command' commands
    return
  fi
  local command=$words[2]
  shift words
  (( CURRENT-- ))
  case $command in
)sh";
  for (const CompletedCommand& command : spec.commands) {
    out += fmt::format("    {})\n      _arguments -s", command.name);
    for (const CompletedOption& option : command.options) {
      std::vector<std::string> names;
      for (const std::string& name : option.long_names) names.push_back("--" + name);
      for (const std::string& name : option.short_names) names.push_back("-" + name);
      std::string value;
      if (option.takes_value)
        value = option.routine_value    ? ":routine:_psoas_routines"
                : option.values.empty() ? ":value: "
                                        : fmt::format(":value:({})", fmt::join(option.values, " "));
      const std::string description = fmt::format("[{}]{}", zsh_description(option.description), value);
      if (names.size() == 1) {
        out += fmt::format(" \\\n        {}", single_quoted(names[0] + description));
      } else {
        out += fmt::format(" \\\n        '({})'{{{}}}{}", fmt::join(names, " "), fmt::join(names, ","),
                           single_quoted(description));
      }
    }
    switch (command.argument) {
      case CompletedArgument::none:
        break;
      case CompletedArgument::routine:
        out += " \\\n        '1:routine:_psoas_routines'";
        break;
      case CompletedArgument::routine_or_file:
        out += " \\\n        '*:routine or file:{_psoas_routines; _files -g \"*.(yaml|yml)\"}'";
        break;
      case CompletedArgument::routine_then_step:
        out += " \\\n        '1:routine:_psoas_routines' \\\n        '2:step:_psoas_steps'";
        break;
      case CompletedArgument::shell:
        out += " \\\n        '1:shell:(bash zsh fish)'";
        break;
      case CompletedArgument::topic:
        out += fmt::format(" \\\n        '1:topic:({})'", topic_names());
        break;
      case CompletedArgument::reminder:
        out +=
            " \\\n        '1:command:(add list remove pause resume)' \\\n        "
            "'2:argument:_psoas_remind_argument'";
        break;
    }
    out += "\n      ;;\n";
  }
  // Autoloaded from $fpath, the file is the completion function's body;
  // sourced (`source <(psoas completion zsh)`), it registers the function.
  out +=
      "  esac\n}\n\nif [[ $funcstack[1] == _psoas ]]; then\n  _psoas \"$@\"\nelse\n  compdef _psoas "
      "psoas\nfi\n";
  return out;
}

std::string fish_completion(const CompletionSpec& spec) {
  std::string out = R"sh(# fish completion for psoas; `psoas completion fish` writes it.

function __psoas_routines
    psoas list --names 2>/dev/null
end

# The steps of the routine given to `psoas card`, by number, with their names.
function __psoas_steps
    set -l words (commandline -opc)
    set -l routine (string match -v -- '-*' $words[3..-1])[1]
    test -n "$routine"; and psoas card $routine --step-names 2>/dev/null
end

function __psoas_card_has_routine
    set -l words (commandline -opc)
    test (count (string match -v -- '-*' $words[3..-1])) -ge 1
end

complete -c psoas -f
)sh";
  for (const CompletedOption& option : spec.global_options) {
    std::string flags;
    for (const std::string& name : option.long_names) flags += fmt::format(" -l {}", name);
    for (const std::string& name : option.short_names) flags += fmt::format(" -s {}", name);
    out += fmt::format("complete -c psoas -n __fish_use_subcommand{} -d {}\n", flags,
                       fish_quoted(option.description));
  }
  for (const CompletedCommand& command : spec.commands)
    out += fmt::format("complete -c psoas -n __fish_use_subcommand -a {} -d {}\n", command.name,
                       fish_quoted(command.description));
  for (const CompletedCommand& command : spec.commands) {
    const std::string condition = fmt::format("-n '__fish_seen_subcommand_from {}'", command.name);
    for (const CompletedOption& option : command.options) {
      std::string flags;
      for (const std::string& name : option.long_names) flags += fmt::format(" -l {}", name);
      for (const std::string& name : option.short_names) flags += fmt::format(" -s {}", name);
      if (option.routine_value) {
        flags += " -x -a '(__psoas_routines)'";
      } else if (option.takes_value) {
        flags +=
            option.values.empty()
                ? " -r"
                : fmt::format(" -x -a {}", fish_quoted(fmt::format("{}", fmt::join(option.values, " "))));
      }
      out += fmt::format("complete -c psoas {}{} -d {}\n", condition, flags, fish_quoted(option.description));
    }
    switch (command.argument) {
      case CompletedArgument::none:
        break;
      case CompletedArgument::routine:
        out += fmt::format("complete -c psoas {} -a '(__psoas_routines)'\n", condition);
        break;
      case CompletedArgument::routine_or_file:
        out += fmt::format("complete -c psoas {} -F -a '(__psoas_routines)'\n", condition);
        break;
      case CompletedArgument::routine_then_step:
        out += fmt::format(
            "complete -c psoas -n '__fish_seen_subcommand_from {}; and not __psoas_card_has_routine' "
            "-a '(__psoas_routines)'\n",
            command.name);
        out += fmt::format(
            "complete -c psoas -n '__fish_seen_subcommand_from {}; and __psoas_card_has_routine' "
            "-a '(__psoas_steps)'\n",
            command.name);
        break;
      case CompletedArgument::shell:
        out += fmt::format("complete -c psoas {} -a 'bash zsh fish'\n", condition);
        break;
      case CompletedArgument::topic:
        out += fmt::format("complete -c psoas {} -a '{}'\n", condition, topic_names());
        break;
      case CompletedArgument::reminder:
        out += fmt::format(
            "complete -c psoas -n '__fish_seen_subcommand_from {0}; and not __fish_seen_subcommand_from add "
            "list "
            "remove pause resume' -a 'add list remove pause resume'\n"
            "complete -c psoas -n '__fish_seen_subcommand_from {0}; and __fish_seen_subcommand_from add' "
            "-a '(__psoas_routines)'\n"
            "complete -c psoas -n '__fish_seen_subcommand_from {0}; and __fish_seen_subcommand_from remove' "
            "-a '(psoas remind list --ids 2>/dev/null)'\n"
            "complete -c psoas -n '__fish_seen_subcommand_from {0}; and __fish_seen_subcommand_from pause' "
            "-a 'today 30m 1h 2h'\n",
            command.name);
        break;
    }
  }
  return out;
}

}  // namespace psoas
