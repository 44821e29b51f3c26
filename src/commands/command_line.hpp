#pragma once

#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "audio/track.hpp"
#include "base/error.hpp"
#include "commands/console.hpp"
#include "commands/environment.hpp"
#include "ui/completion_script.hpp"
#include "ui/pictures.hpp"

// The command line, built by the commands themselves: each command's file
// adds its subcommand, binds its options to its own options struct, and says
// what runs when it is chosen and how its arguments complete.
namespace psoas {

// What a chosen command runs, once the whole command line is parsed.
using CommandAction = std::function<ExitCode(const Environment&, const Console&)>;

struct CommandLine {
  CLI::App& app;
  std::map<std::string, CommandAction, std::less<>> actions;
  std::map<std::string, CompletedArgument, std::less<>> arguments;
  // Per command, the long names of options whose value is a routine name.
  std::map<std::string, std::vector<std::string>, std::less<>> routine_options;
  // The values of the options that take one of a few, by long name.
  std::map<std::string, std::vector<std::string>, std::less<>> option_values;
  // The arguments as given, to hand them on to psoas-print.
  std::vector<std::string> argv;
  // What draws pictures, in psoas-print; none in psoas (see handoff.hpp).
  const PictureMaker* pictures = nullptr;
  // What makes audio tracks, in psoas-audio; none in psoas.
  const AudioMaker* audio = nullptr;

  // Adds a subcommand that runs `action` when chosen.
  CLI::App* add(const std::string& name, const std::string& description, CompletedArgument argument,
                CommandAction action);
};

// The commands, each in its own file.
void add_run_command(CommandLine& line);
void add_figure_command(CommandLine& line);
void add_export_command(CommandLine& line);
void add_list_command(CommandLine& line);
void add_card_command(CommandLine& line);
void add_check_command(CommandLine& line);
void add_log_command(CommandLine& line);
void add_stats_command(CommandLine& line);
void add_new_command(CommandLine& line);
void add_edit_command(CommandLine& line);
void add_help_command(CommandLine& line);
void add_completion_command(CommandLine& line);
void add_remind_command(CommandLine& line);
void add_nudge_command(CommandLine& line);
void add_plan_command(CommandLine& line);
void add_today_command(CommandLine& line);

// What the completion scripts need, read from the command line itself.
CompletionSpec completion_spec_of(const CommandLine& line);

// "Examples:" and a line for each, for a command's --help.
std::string examples(std::initializer_list<std::string_view> lines);

// Validators with psoas's own wording; CLI11 puts the option's name before it.
CLI::Validator number_from(double low, double high);
CLI::Validator whole_number_from(long long low, std::optional<long long> high);
// One of `choices`; `hint` follows the error, such as where else to look.
CLI::Validator one_of(std::vector<std::string> choices, std::string hint = {});

}  // namespace psoas
