#include "commands/cli.hpp"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands/card.hpp"
#include "commands/check.hpp"
#include "commands/completion.hpp"
#include "commands/console.hpp"
#include "commands/edit.hpp"
#include "commands/history_access.hpp"
#include "commands/list.hpp"
#include "commands/log.hpp"
#include "commands/new.hpp"
#include "commands/run.hpp"
#include "commands/stats.hpp"
#include "load/builtin_folder.hpp"
#include "load/suggest.hpp"
#include "base/error.hpp"
#include "base/xdg.hpp"
#include "base/printable.hpp"
#include "ui/style.hpp"

namespace psoas {
namespace {

std::optional<std::string> environment_variable(const char* name) {
  if (const char* value = std::getenv(name)) return std::string(value);
  return std::nullopt;
}

SearchPath search_path_from_environment() {
  return SearchPath::from_environment({environment_variable("PSOAS_PATH"),
                                       environment_variable("XDG_CONFIG_HOME"), environment_variable("HOME")},
                                      builtin_routines_folder());
}

Console standard_console() {
  const auto no_color = environment_variable("NO_COLOR");
  const OutputEnvironment environment{no_color && !no_color->empty(), environment_variable("TERM")};
  return Console{std::cout, std::cerr, probe_output(STDOUT_FILENO, environment),
                 probe_output(STDERR_FILENO, environment), environment};
}

// $XDG_CACHE_HOME/psoas/list.json, or ~/.cache/psoas/list.json.
std::optional<std::filesystem::path> list_cache_path() {
  const auto folder = cache_folder({environment_variable("HOME"), {}, {}, environment_variable("XDG_CACHE_HOME")});
  if (!folder) return std::nullopt;
  return *folder / "list.json";
}

std::optional<std::filesystem::path> history_path() {
  return history_file({environment_variable("XDG_STATE_HOME"), environment_variable("HOME")});
}

// $VISUAL, then $EDITOR, then vi, as crontab and git choose.
std::string editor_command() {
  for (const char* name : {"VISUAL", "EDITOR"})
    if (auto value = environment_variable(name); value && !value->empty()) return *value;
  return "vi";
}

// What each command's positional arguments are, for completion.
CompletedArgument argument_of(std::string_view command) {
  if (command == "run" || command == "card" || command == "edit") return CompletedArgument::routine;
  if (command == "check") return CompletedArgument::routine_or_file;
  if (command == "completion") return CompletedArgument::shell;
  return CompletedArgument::none;
}

// Whether a command's option takes a routine name (`run --from` takes a step).
bool takes_routine(std::string_view command, std::string_view option) {
  return (command == "new" && option == "from") || (command == "log" && option == "routine") ||
         (command == "stats" && option == "routine");
}

// The values an option takes, when there are few.
std::vector<std::string> choices_of(std::string_view option) {
  if (option == "format") return {"text", "markdown"};
  if (option == "events") return {"jsonl"};
  return {};
}

std::string examples(std::initializer_list<std::string_view> lines) {
  std::string out = "Examples:";
  for (const std::string_view line : lines) out += fmt::format("\n  {}", line);
  return out + "\n";
}

// Validators with psoas's own wording; CLI11 puts the option's name before it.
CLI::Validator number_from(double low, double high) {
  return CLI::Validator(
      [low, high](const std::string& text) -> std::string {
        double value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error == std::errc() && end == text.data() + text.size() && value >= low && value <= high)
          return {};
        return fmt::format("takes a number from {} to {}, not `{}`", low, high, text);
      },
      "");
}

CLI::Validator whole_number_from(long long low, std::optional<long long> high) {
  return CLI::Validator(
      [low, high](const std::string& text) -> std::string {
        long long value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error == std::errc() && end == text.data() + text.size() && value >= low &&
            (!high || value <= *high))
          return {};
        if (high) return fmt::format("takes a whole number from {} to {}, not `{}`", low, *high, text);
        return fmt::format("takes a whole number, {} or more, not `{}`", low, text);
      },
      "");
}

CLI::Validator one_of(std::vector<std::string> choices) {
  return CLI::Validator(
      [choices](const std::string& text) -> std::string {
        if (std::find(choices.begin(), choices.end(), text) != choices.end()) return {};
        return fmt::format("takes {}, not `{}`", join_alternatives(choices), text);
      },
      "");
}

// What each command's positional argument is, to say what is missing.
std::string_view wanted(std::string_view argument) {
  if (argument == "routine") return "a routine name or file";
  if (argument == "files") return "one or more routine files or names";
  if (argument == "name") return "a name for the new routine";
  if (argument == "shell") return "a shell: bash, zsh or fish";
  return argument;
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

// The command line, each subcommand's options bound to its options struct.
class CommandLine {
 public:
  CommandLine()
      : app_("psoas: a terminal timer and checklist for stretching and mobility routines", "psoas") {
    app_.set_version_flag("--version", fmt::format("psoas {}", PSOAS_VERSION), "Print the version and exit");
    app_.require_subcommand(1);
    app_.fallthrough(false);
    // Subcommands take the formatter when added: "routine ROUTINE", not "routine ROUTINE REQUIRED".
    app_.formatter(std::make_shared<HelpFormatter>());
    app_.get_formatter()->label("REQUIRED", "(required)");

    list_ = app_.add_subcommand("list", "List the routines on the search path");
    list_->add_option("--tag", list_options_.tag, "Only routines with this tag")->type_name("TAG");
    list_->add_flag("--json", list_options_.json, "Write the list as JSON");
    list_->add_flag("--names", list_options_.names, "Only the names, one per line");
    list_->footer(examples({"psoas list", "psoas list --tag hips", "psoas list --json | jq '.[].name'"}));

    card_ = app_.add_subcommand("card", "Print a routine's step card, to follow along or pin to the wall");
    card_->add_option("routine", card_options_.routine, "Routine name or file")
        ->required()
        ->type_name("ROUTINE");
    card_->add_option("step", card_options_.step, "Only this step: its number or its name")
        ->type_name("STEP");
    card_->add_option("--format", card_format_, "Output format (not with --json)")
        ->check(one_of({"text", "markdown"}))
        ->default_str("text")
        ->type_name("text|markdown");
    card_
        ->add_flag("--json", card_options_.json,
                   "Write the routine and its timeline as JSON (not with --format)")
        ->excludes("--format");
    card_->footer(examples({"psoas card pigeon-routine", "psoas card pigeon-routine 2",
                            "psoas card butterfly --format markdown > butterfly.md"}));

    check_ = app_.add_subcommand("check", "Validate routine files and print every error");
    check_->add_option("files", check_options_.files, "Routine files (or names)")
        ->required()
        ->type_name("FILE");
    check_->add_flag("--json", check_options_.json, "Write the results as JSON");
    check_->footer(examples({"psoas check my-hips.yaml", "psoas check ~/.config/psoas/routines/*.yaml"}));

    run_ = app_.add_subcommand("run", "Guide yourself through a routine in real time");
    run_->add_option("routine", run_options_.routine, "Routine name or file")
        ->required()
        ->type_name("ROUTINE");
    auto* dry_run = run_->add_flag("--dry-run", run_options_.dry_run,
                                   "Print the timeline with start times and the total; do not wait");
    run_->add_option("--speed", run_options_.speed,
                     "Run X times faster, to try a routine out; such runs are recorded only with --log")
        ->check(number_from(0.01, 1000))
        ->type_name("X");
    run_->add_option("--from", run_options_.from, "Start at this step: its number or its name")
        ->type_name("STEP");
    run_->add_option("--hold", run_options_.hold, "Hold every timed step this long")->type_name("DUR");
    run_->add_option("--reps", run_options_.reps, "Repeat every timed step's hold N times per side")
        ->check(whole_number_from(1, 100))
        ->type_name("N");
    run_->add_flag("--plain", run_options_.plain, "One plain line per segment, no screen and no keys");
    run_->add_flag("--quiet", run_options_.quiet, "No bells");
    run_->add_flag("--voice", run_options_.voice, "Speak steps, sides and cues (needs espeak-ng)");
    run_->add_flag("-y,--yes", run_options_.yes, "Skip the cautions and equipment checklist; start at once");
    run_->add_flag("--rate", run_options_.rate, "At the end, ask how tight each side feels (0-10)");
    run_->add_flag("--resume", run_options_.resume,
                   "Go on where the last run of this routine was quit or stopped, within a day")
        ->excludes("--from")
        ->excludes("--hold")
        ->excludes("--reps");
    auto* no_log = run_->add_flag("--no-log", run_options_.no_log, "Record nothing in the history");
    run_->add_flag("--log", run_options_.log, "Record the run even at another --speed (not with --no-log)")
        ->excludes(no_log);
    run_->add_option("--events", events_format_,
                     "Write every run event to stdout as JSON lines; the screen goes to the terminal")
        ->check(one_of({"jsonl"}))
        ->type_name("jsonl")
        ->excludes(dry_run);
    run_->footer(examples({"psoas run pigeon-routine", "psoas run psoas-release --from butterfly --voice",
                           "psoas run bridge --hold 45s --reps 2", "psoas run pigeon-routine --dry-run",
                           "psoas run butterfly --events jsonl | my-logger"}) +
                 "\nKeys: space pause, n skip, b back (twice: previous), +/- 10s, q quit, ? help.\n");

    log_ = app_.add_subcommand("log", "Show the sessions you have done");
    log_->add_option("--since", log_options_.since, "Only sessions from this day on")->type_name("DATE");
    log_->add_option("--routine", log_options_.routine, "Only sessions of this routine")->type_name("NAME");
    log_limit_ = log_->add_option("--limit", log_limit_value_,
                                  "At most this many, newest first; 0 for all (default: 20 in the table, "
                                  "all in JSON and CSV)")
                     ->check(whole_number_from(0, std::nullopt))
                     ->type_name("N");
    auto* csv = log_->add_flag("--csv", log_options_.csv, "Write every session as CSV");
    log_->add_flag("--json", log_options_.json, "Write every session as JSON (not with --csv)")
        ->excludes(csv);
    auto* remove = log_->add_option("--delete", log_delete_, "Delete the session with this id (or its start)")
                       ->type_name("ID");
    auto* import = log_->add_option("--import", log_import_,
                                    "Add the sessions of another history's `psoas log --json` output")
                       ->type_name("FILE")
                       ->excludes(remove);
    log_->add_flag("-y,--yes", log_yes_, "Delete without asking (needed without a terminal)")->needs(remove);
    for (CLI::Option* change : {remove, import})
      for (const char* option : {"--since", "--routine", "--limit", "--csv", "--json"}) change->excludes(option);
    log_->footer(examples({"psoas log", "psoas log --since 7d --routine pigeon-routine",
                           "psoas log --csv > sessions.csv", "psoas log --delete 3f2a9c1e",
                           "psoas log --json > laptop.json; psoas log --import laptop.json"}));

    stats_ =
        app_.add_subcommand("stats", "Your streak, minutes per week, favourite routines, and your two sides");
    stats_->add_option("--weeks", stats_options_.weeks, "How many weeks to look back")
        ->check(whole_number_from(1, 104))
        ->type_name("N");
    stats_->add_option("--routine", stats_options_.routine, "Only sessions of this routine")->type_name("NAME");
    stats_->add_flag("--json", stats_options_.json, "Write every figure as JSON");
    stats_->footer(examples({"psoas stats", "psoas stats --weeks 12", "psoas stats --routine bridge --json"}));

    new_ = app_.add_subcommand("new", "Write a new routine of your own, from a starter or a copy");
    new_->add_option("name", new_options_.name, "The new routine's name")->required()->type_name("NAME");
    new_->add_option("--from", new_options_.from, "Copy this routine instead of the starter")
        ->type_name("ROUTINE");
    new_->footer(examples({"psoas new my-hips", "psoas new evening --from pigeon-routine"}));

    edit_ = app_.add_subcommand("edit", "Edit a routine in $VISUAL or $EDITOR, checked when you save");
    edit_->add_option("routine", edit_options_.routine, "Routine name or file")
        ->required()
        ->type_name("ROUTINE");
    edit_->footer(examples({"psoas edit my-hips", "EDITOR=nano psoas edit bridge"}) +
                  "\nA built-in routine is edited as your own copy, which then shadows it.\n");

    completion_ =
        app_.add_subcommand("completion", "Print the shell completion script for bash, zsh or fish");
    completion_->add_option("shell", completion_shell_, "The shell")
        ->required()
        ->check(one_of({"bash", "zsh", "fish"}))
        ->type_name("bash|zsh|fish");
    completion_->footer(examples({"source <(psoas completion bash)",
                                  "psoas completion fish > ~/.config/fish/completions/psoas.fish"}));

    app_.footer(examples({"psoas run pigeon-routine", "psoas list", "psoas card pigeon-routine",
                          "psoas check my-routine.yaml"}) +
                "\nSee psoas(1) for the routine format.\n");
  }

  // Parses argv; returns an exit status when there is nothing more to run.
  std::optional<int> parse(int argc, char** argv) {
    try {
      app_.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      if (e.get_exit_code() == 0) return app_.exit(e);  // --help, --version
      const Style style(standard_console().err_info.color);
      std::cerr << fmt::format("psoas: {} {}\n", style.error("error:"), escape_line(explain(e, argc, argv)));
      return static_cast<int>(ExitCode::usage);
    }
    return std::nullopt;
  }

  // A parse error in psoas's words, with where to look next.
  [[nodiscard]] std::string explain(const CLI::ParseError& error, int argc, char** argv) const {
    const auto parsed = app_.get_subcommands();
    const std::string command = parsed.empty() ? std::string() : parsed.front()->get_name();
    const std::string help = command.empty() ? "psoas --help" : fmt::format("psoas {} --help", command);
    const std::string_view message = error.what();
    const auto after_colon = [&] { return std::string(message.substr(message.find(": ") + 2)); };

    if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
      if (command.empty()) return unknown_command(argc, argv);
      const std::string_view argument = message.substr(0, message.find(" is required"));
      return fmt::format("`psoas {}` needs {}; see `{}`", command, wanted(argument), help);
    }
    if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
      if (command.empty()) return unknown_command(argc, argv);
      std::string extras = after_colon();
      const bool option = extras.starts_with('-');
      return fmt::format("`psoas {}` has no {} `{}`; see `{}`", command, option ? "option" : "argument",
                         extras, help);
    }
    if (dynamic_cast<const CLI::ExcludesError*>(&error) != nullptr) {
      const auto at = message.find(" excludes ");
      return fmt::format("`{}` and `{}` cannot be used together", message.substr(0, at),
                         message.substr(at + std::string_view(" excludes ").size()));
    }
    if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr) {
      const auto at = message.find(": ");
      return fmt::format("{} {}", message.substr(0, at), message.substr(at + 2));
    }
    return fmt::format("{}; see `{}`", message, help);
  }

  // `psoas frobnicate`, or no command at all.
  [[nodiscard]] std::string unknown_command(int argc, char** argv) const {
    std::vector<std::string> names;
    for (const CLI::App* sub : app_.get_subcommands([](const CLI::App*) { return true; }))
      names.push_back(sub->get_name());
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

  // The completion scripts' view of this command line: read from CLI11's own
  // definitions, so that they never fall behind.
  [[nodiscard]] CompletionSpec completion_spec() const {
    CompletionSpec spec;
    spec.global_options = {{{"help"}, {"h"}, "Print help and exit", false, {}},
                           {{"version"}, {}, "Print the version and exit", false, {}}};
    for (const CLI::App* command : app_.get_subcommands([](const CLI::App*) { return true; })) {
      CompletedCommand completed{
          command->get_name(), command->get_description(), {}, argument_of(command->get_name())};
      for (const CLI::Option* option : command->get_options()) {
        if (!option->nonpositional()) continue;
        CompletedOption entry{option->get_lnames(),
                              option->get_snames(),
                              option->get_description(),
                              option->get_items_expected_max() > 0,
                              {}};
        if (!entry.long_names.empty()) {
          entry.values = choices_of(entry.long_names.front());
          entry.routine_value = takes_routine(command->get_name(), entry.long_names.front());
        }
        completed.options.push_back(std::move(entry));
      }
      spec.commands.push_back(std::move(completed));
    }
    return spec;
  }

  ExitCode run(const Console& console) {
    const SearchPath search_path = search_path_from_environment();
    if (list_->parsed()) return list_routines(list_options_, search_path, list_cache_path(), console);
    if (card_->parsed()) {
      card_options_.format = card_format_ == "markdown" ? CardFormat::markdown : CardFormat::text;
      return show_card(card_options_, search_path, console);
    }
    if (check_->parsed()) return check_routines(check_options_, search_path, console);
    if (new_->parsed()) return new_routine(new_options_, search_path, console);
    if (edit_->parsed()) {
      edit_options_.editor = editor_command();
      edit_options_.interactive = is_terminal(STDIN_FILENO);
      return edit_routine(edit_options_, search_path, console);
    }
    if (completion_->parsed()) return print_completion(completion_shell_, completion_spec(), console);
    if (run_->parsed()) {
      run_options_.events = !events_format_.empty();
      std::optional<HistoryWriter> writer;
      std::optional<HistoryReader> reader;
      // A run at another speed is a rehearsal: not recorded unless asked.
      const bool record = run_options_.speed == 1.0 || run_options_.log;
      if (!run_options_.dry_run && !run_options_.no_log && record) {
        writer = open_history_writer(history_path(), console);
      } else if (run_options_.resume) {
        if (run_options_.no_log && !run_options_.dry_run)
          throw Error("--resume goes on with a recorded session, and --no-log records nothing", ExitCode::usage);
        reader = open_history_reader(history_path());
      }
      return run_routine(run_options_, search_path, {writer ? &*writer : nullptr, reader ? &*reader : nullptr},
                         console);
    }
    if (log_->parsed()) {
      if (!log_delete_.empty() || !log_import_.empty()) {
        const auto file = history_path();
        if (!file) throw Error("neither XDG_STATE_HOME nor HOME says where the history is");
        HistoryWriter history(*file);
        if (!log_import_.empty()) return import_sessions(log_import_, history, console);
        const bool ask = !log_yes_;
        if (ask && !is_terminal(STDIN_FILENO))
          throw Error("--delete asks before it deletes, and there is no terminal to ask on; add --yes",
                      ExitCode::usage);
        return delete_session(log_delete_, ask, history, console);
      }
      if (log_limit_->count() > 0) log_options_.limit = log_limit_value_;
      return show_log(log_options_, open_history_reader(history_path()), console);
    }
    if (stats_->parsed()) return show_stats(stats_options_, open_history_reader(history_path()), console);
    return ExitCode::usage;
  }

 private:
  CLI::App app_;
  CLI::App* list_ = nullptr;
  CLI::App* card_ = nullptr;
  CLI::App* check_ = nullptr;
  CLI::App* run_ = nullptr;
  CLI::App* new_ = nullptr;
  CLI::App* edit_ = nullptr;
  CLI::App* completion_ = nullptr;
  CLI::App* log_ = nullptr;
  CLI::App* stats_ = nullptr;
  ListOptions list_options_;
  CardCommandOptions card_options_;
  std::string card_format_ = "text";
  CheckOptions check_options_;
  RunCommandOptions run_options_;
  std::string events_format_;
  NewOptions new_options_;
  EditOptions edit_options_;
  std::string completion_shell_;
  LogOptions log_options_;
  CLI::Option* log_limit_ = nullptr;
  std::size_t log_limit_value_ = 0;
  std::string log_delete_;
  std::string log_import_;
  bool log_yes_ = false;
  StatsOptions stats_options_;
};

}  // namespace

int run_cli(int argc, char** argv) {
  const Console console = standard_console();
  try {
    CommandLine command_line;
    if (const auto status = command_line.parse(argc, argv)) return *status;
    const ExitCode code = command_line.run(console);
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
