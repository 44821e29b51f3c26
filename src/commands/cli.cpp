#include "commands/cli.hpp"

#include <unistd.h>

#include <exception>
#include <iostream>
#include <string_view>

#include <fmt/format.h>

#include "base/error.hpp"
#include "base/printable.hpp"
#include "base/version.hpp"
#include "commands/cli_errors.hpp"
#include "commands/command_line.hpp"
#include "ui/style.hpp"

namespace psoas {
namespace {

Console standard_console(const Environment& environment) {
  const OutputEnvironment output = environment.output();
  return Console{std::cout, std::cerr, probe_output(STDOUT_FILENO, output),
                 probe_output(STDERR_FILENO, output), output};
}

// CLI11's help, without the "Excludes: --x" it puts before a description and
// so pushes that onto a line of its own: the descriptions say it in words.
class HelpFormatter final : public CLI::Formatter {
 public:
  std::string make_option_opts(const CLI::Option* option) const override {
    if (!option->get_option_text().empty()) return " " + option->get_option_text();
    if (option->get_type_size() == 0) return {};
    std::string out = " " + option->get_type_name();
    if (!option->get_default_str().empty()) out += "=" + option->get_default_str();
    if (option->get_required()) out += " " + get_label("REQUIRED");
    return out;
  }
};

struct CommandAdder {
  std::string_view name;
  void (*add)(CommandLine&);
};

// In the order `psoas --help` lists them.
constexpr CommandAdder kCommands[] = {{"run", add_run_command},       {"list", add_list_command},
                                      {"card", add_card_command},     {"check", add_check_command},
                                      {"log", add_log_command},       {"stats", add_stats_command},
                                      {"today", add_today_command},   {"remind", add_remind_command},
                                      {"nudge", add_nudge_command},   {"plan", add_plan_command},
                                      {"figure", add_figure_command}, {"export", add_export_command},
                                      {"new", add_new_command},       {"edit", add_edit_command},
                                      {"help", add_help_command},     {"completion", add_completion_command}};

// The command the first word names, or none: then every command is added,
// for the overall help, a mistyped name's suggestions, and the completions.
const CommandAdder* named_command(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word.empty() || word.front() == '-') continue;
    for (const CommandAdder& command : kCommands)
      if (command.name == word) return command.name == "completion" ? nullptr : &command;
    return nullptr;
  }
  return nullptr;
}

// The whole command line: the commands add themselves; this parses, explains
// mistakes, and runs the chosen command.
class Cli {
 public:
  Cli(int argc, char** argv, Makers makers)
      : app_("psoas: a terminal timer and checklist for stretching and mobility routines", "psoas") {
    app_.set_version_flag("--version", fmt::format("psoas {}", kPsoasVersion), "Print the version and exit");
    app_.require_subcommand(1);
    app_.fallthrough(false);
    // Subcommands take the formatter when added: "routine ROUTINE", not "routine ROUTINE REQUIRED".
    app_.formatter(std::make_shared<HelpFormatter>());
    app_.get_formatter()->label("REQUIRED", "(required)");
    line_.pictures = makers.pictures;
    line_.audio = makers.audio;
    // Only the command named, when one is, and none for `--version`: building
    // every command's options cost a bare `psoas list` a third of its start-up.
    const CommandAdder* named = named_command(argc, argv);
    const bool version_only = argc == 2 && std::string_view(argv[1]) == "--version";
    for (const CommandAdder& command : kCommands)
      if (!version_only && (named == nullptr || named == &command)) command.add(line_);
    app_.footer(examples({"psoas run pigeon-routine", "psoas list", "psoas card pigeon-routine",
                          "psoas check my-routine.yaml"}) +
                "\n`psoas help` lists the reference topics: the routine format, keys, files, JSON.\n");
  }

  // Parses argv; returns an exit status when there is nothing more to run.
  std::optional<int> parse(int argc, char** argv, const Console& console) {
    line_.argv.assign(argv, argv + argc);
    try {
      app_.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      if (e.get_exit_code() == 0) return app_.exit(e);  // --help, --version
      console.err << fmt::format("psoas: {} {}\n", Style(console.err_info.color).error("error:"),
                                 escape_line(explain_parse_error(e, app_, argc, argv)));
      return static_cast<int>(ExitCode::usage);
    }
    return std::nullopt;
  }

  ExitCode run(const Environment& environment, const Console& console) {
    const auto parsed = app_.get_subcommands();
    if (parsed.empty()) return ExitCode::usage;
    const auto action = line_.actions.find(parsed.front()->get_name());
    return action->second(environment, console);
  }

 private:
  CLI::App app_;
  CommandLine line_{app_, {}, {}, {}, {}, {}, nullptr};
};

}  // namespace

CompletionSpec completion_spec_of(const CommandLine& line) {
  CompletionSpec spec;
  spec.global_options = {{{"help"}, {"h"}, "Print help and exit", false, {}, false},
                         {{"version"}, {}, "Print the version and exit", false, {}, false}};
  for (const CLI::App* command : line.app.get_subcommands([](const CLI::App*) { return true; })) {
    const std::string& name = command->get_name();
    const auto argument = line.arguments.find(name);
    CompletedCommand completed{name,
                               command->get_description(),
                               {},
                               argument == line.arguments.end() ? CompletedArgument::none : argument->second};
    const auto routines = line.routine_options.find(name);
    for (const CLI::Option* option : command->get_options()) {
      if (!option->nonpositional() || option->get_group().empty()) continue;
      CompletedOption entry{option->get_lnames(),
                            option->get_snames(),
                            option->get_description(),
                            option->get_items_expected_max() > 0,
                            {},
                            false};
      if (!entry.long_names.empty()) {
        const std::string& long_name = entry.long_names.front();
        if (const auto values = line.option_values.find(long_name); values != line.option_values.end())
          entry.values = values->second;
        entry.routine_value =
            routines != line.routine_options.end() &&
            std::find(routines->second.begin(), routines->second.end(), long_name) != routines->second.end();
      }
      completed.options.push_back(std::move(entry));
    }
    spec.commands.push_back(std::move(completed));
  }
  return spec;
}

int run_cli(int argc, char** argv, Makers makers) {
  const Environment environment = Environment::of_process();
  const Console console = standard_console(environment);
  try {
    Cli cli(argc, argv, makers);
    if (const auto status = cli.parse(argc, argv, console)) return *status;
    const ExitCode code = cli.run(environment, console);
    console.out.flush();
    return static_cast<int>(code);
  } catch (const Error& error) {
    console.out.flush();
    if (error.what()[0] != '\0')
      console.err << fmt::format("psoas: {} {}\n", Style(console.err_info.color).error("error:"),
                                 escape_controls(error.what()));
    return static_cast<int>(error.code());
  } catch (const std::exception& error) {
    console.err << fmt::format("psoas: internal error: {}\n", escape_controls(error.what()));
    return static_cast<int>(ExitCode::failure);
  }
}

}  // namespace psoas
