#include "commands/cli_errors.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "load/suggest.hpp"

namespace psoas {
namespace {

// What each command's positional argument is, to say what is missing.
std::string_view wanted(std::string_view command, std::string_view argument) {
  if (argument == "routine" && command == "remind add") return "a routine's name, as `psoas list` shows it";
  if (argument == "routine") return "a routine name or file";
  if (argument == "files") return "one or more routine files or names";
  if (argument == "name") return "a name for the new routine";
  if (argument == "shell") return "a shell: bash, zsh or fish";
  if (argument == "topic") return "a topic";
  if (argument == "how_long") return "how long: `today`, or a time such as 2h";
  if (argument == "reminder") return "a reminder's id, or a routine's name";
  return argument;
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

// `psoas frobnicate`, `psoas --bogus`, or no command at all.
std::string unknown_command(const CLI::App& app, int argc, char** argv) {
  const std::vector<std::string> names = command_names(app);
  const std::string list = fmt::format("{}", fmt::join(names, ", "));
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    // Before a command only --help and --version exist, and they never come here.
    if (word.starts_with('-')) return fmt::format("`psoas` has no option `{}`; see `psoas --help`", word);
    const auto close = close_matches(word, names);
    return fmt::format("no command `{}`{}; the commands are {}", word,
                       close.empty() ? "" : fmt::format(" (did you mean {}?)", join_alternatives(close)),
                       list);
  }
  return fmt::format("a command is needed: {}; see `psoas --help`", list);
}

// The commands chosen, outermost first: `remind`, then `add`.
std::vector<const CLI::App*> chosen_path(const CLI::App& app) {
  std::vector<const CLI::App*> path;
  for (const CLI::App* level = &app;;) {
    const auto parsed = level->get_subcommands();
    if (parsed.empty()) return path;
    level = parsed.front();
    path.push_back(level);
  }
}

// "remind add": the chosen commands' names.
std::string path_name(const std::vector<const CLI::App*>& path) {
  std::string name;
  for (const CLI::App* level : path) name += (name.empty() ? "" : " ") + level->get_name();
  return name;
}

// `psoas remind frobnicate`, or `psoas remind` alone.
std::string unknown_subcommand(const std::vector<const CLI::App*>& path, int argc, char** argv) {
  const CLI::App& command = *path.back();
  const std::vector<std::string> names = command_names(command);
  const std::string name = path_name(path);
  int i = 1;
  for (const CLI::App* level : path)
    while (i < argc && argv[i] != level->get_name()) ++i;
  for (++i; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word.starts_with('-')) continue;
    const auto close = close_matches(word, names);
    return fmt::format("`psoas {}` has no command `{}`{}; its commands are {}", name, word,
                       close.empty() ? "" : fmt::format(" (did you mean {}?)", join_alternatives(close)),
                       fmt::join(names, ", "));
  }
  return fmt::format("`psoas {}` needs a command: {}; see `psoas {} --help`", name, fmt::join(names, ", "),
                     name);
}

// The first word after the command that it does not take: an unknown option
// (named alone, without its value) or an argument too many.
std::string first_extra(const std::vector<const CLI::App*>& path, int argc, char** argv) {
  const CLI::App& command = *path.back();
  int i = 1;
  for (const CLI::App* level : path)
    while (i < argc && argv[i] != level->get_name()) ++i;
  for (++i; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--") break;
    if (!word.starts_with('-') || word == "-") continue;
    const std::string name(word.substr(0, word.find('=')));
    if (command.get_option_no_throw(name) == nullptr) return name;
  }
  return {};
}

std::string unknown_option(const CLI::App& command, const std::string& name, const std::string& option,
                           const std::string& help) {
  std::vector<std::string> names;
  for (const CLI::Option* known : command.get_options())
    for (const std::string& long_name : known->get_lnames()) names.push_back("--" + long_name);
  const auto close = close_matches(option, names, 1);
  return fmt::format("`psoas {}` has no option `{}`{}; see `{}`", name, option,
                     close.empty() ? "" : fmt::format("; did you mean `{}`?", close.front()), help);
}

}  // namespace

std::string explain_parse_error(const CLI::ParseError& error, const CLI::App& app, int argc, char** argv) {
  const auto path = chosen_path(app);
  const CLI::App* command = path.empty() ? nullptr : path.back();
  const std::string name = path_name(path);
  const std::string help = command ? fmt::format("psoas {} --help", name) : "psoas --help";
  const std::string_view message = error.what();

  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
    if (!command) return unknown_command(app, argc, argv);
    if (!command->get_subcommands([](const CLI::App*) { return true; }).empty() &&
        command->get_subcommands().empty())
      return unknown_subcommand(path, argc, argv);
    const std::string_view argument = message.substr(0, message.find(" is required"));
    return fmt::format("`psoas {}` needs {}; see `{}`", name, wanted(name, argument), help);
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
    if (!command) return unknown_command(app, argc, argv);
    if (const std::string option = first_extra(path, argc, argv); !option.empty())
      return unknown_option(*command, name, option, help);
    if (!command->get_subcommands([](const CLI::App*) { return true; }).empty() &&
        command->get_subcommands().empty())
      return unknown_subcommand(path, argc, argv);
    const std::string extras(message.substr(message.find(": ") + 2));
    return fmt::format("`psoas {}` has no argument `{}`; see `{}`", name, extras.substr(0, extras.find(' ')),
                       help);
  }
  if (dynamic_cast<const CLI::ExcludesError*>(&error) != nullptr) {
    const auto at = message.find(" excludes ");
    return fmt::format("`{}` and `{}` cannot be used together", message.substr(0, at),
                       message.substr(at + std::string_view(" excludes ").size()));
  }
  if (dynamic_cast<const CLI::RequiresError*>(&error) != nullptr) {
    const auto at = message.find(" requires ");
    return fmt::format("`{}` only goes with `{}`", message.substr(0, at),
                       message.substr(at + std::string_view(" requires ").size()));
  }
  if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr) {
    const auto at = message.find(": ");
    return fmt::format("{} {}", message.substr(0, at), message.substr(at + 2));
  }
  return fmt::format("{}; see `{}`", message, help);
}

}  // namespace psoas
