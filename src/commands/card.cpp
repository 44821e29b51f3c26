#include "commands/card.hpp"

#include <ostream>

#include <fmt/format.h>

#include "base/error.hpp"
#include "base/numbers.hpp"
#include "base/printable.hpp"
#include "commands/command_line.hpp"
#include "commands/plan_access.hpp"
#include "load/plan_reader.hpp"
#include "plan/step_selection.hpp"
#include "plan/timeline.hpp"
#include "ui/json.hpp"
#include "ui/plan_view.hpp"

namespace psoas {

ExitCode show_card(const CardCommandOptions& options, const SearchPath& search_path, const Console& console) {
  if (const auto file = search_path.resolve(options.routine); file && file_is_plan(*file)) {
    if (options.json || options.step || options.compact || options.step_names)
      throw Error(
          "a plan's card is its weeks: --json, --compact and a step are for routines; `psoas plan "
          "status --json` says where you are in it",
          ExitCode::usage);
    const Plan plan = load_plan(options.routine, search_path, console);
    console.out << render_plan_card(plan, options.format == CardFormat::markdown,
                                    options.width.value_or(static_cast<std::size_t>(console.out_info.width)));
    return ExitCode::ok;
  }
  const auto routine = load_routine_argument(options.routine, search_path, console);
  const Timeline timeline = build_timeline(*routine);
  if (options.step_names) {
    for (std::size_t i = 0; i < timeline.steps.size(); ++i)
      console.out << fmt::format("{}\t{}\n", i + 1, escape_line(timeline.steps[i].step.name));
    return ExitCode::ok;
  }
  const auto only_steps = options.step ? select_steps(timeline, *options.step) : std::vector<std::size_t>{};
  if (options.json) {
    console.out << card_json(*routine, timeline, only_steps);
    return ExitCode::ok;
  }
  CardOptions card;
  card.format = options.format;
  card.width = options.width.value_or(static_cast<std::size_t>(console.out_info.width));
  card.color = console.out_info.color && options.format == CardFormat::text;
  card.compact = options.compact;
  card.only_steps = only_steps;
  console.out << render_card(*routine, timeline, card);
  return ExitCode::ok;
}

void add_card_command(CommandLine& line) {
  auto options = std::make_shared<CardCommandOptions>();
  auto format = std::make_shared<std::string>("text");
  CLI::App* card = line.add("card", "Print a routine's step card, to follow along or pin to the wall",
                            CompletedArgument::routine_then_step,
                            [options, format](const Environment& environment, const Console& console) {
                              options->format =
                                  *format == "markdown" ? CardFormat::markdown : CardFormat::text;
                              // A card written to a file or a pipe follows COLUMNS, as `ls` does, unless
                              // --width says otherwise.
                              if (!options->width && !console.out_info.is_terminal && environment.columns)
                                options->width = parse_whole_number<std::size_t>(*environment.columns);
                              return show_card(*options, environment.search_path(), console);
                            });
  card->add_option("routine", options->routine, "Routine name or file")->required()->type_name("ROUTINE");
  card->add_option("step", options->step, "Only this step: its number or its name")->type_name("STEP");
  card->add_option("--format", *format, "Output format (not with --json)")
      ->check(one_of({"text", "markdown"}, "; for JSON, use --json"))
      ->default_str("text")
      ->type_name("text|markdown");
  line.option_values["format"] = {"text", "markdown"};
  card->add_flag("--json", options->json, "Write the routine and its timeline as JSON (not with --format)")
      ->excludes("--format");
  card->add_flag("--compact", options->compact, "One line per step, for a page on the wall")
      ->excludes("--json");
  card->add_option("--width", options->width, "Wrap a text card to N columns (40 to 400)")
      ->check(whole_number_from(40, 400))
      ->type_name("N");
  card->add_flag("--step-names", options->step_names, "For completion: each step's number and name")
      ->group("");
  card->footer(examples({"psoas card pigeon-routine", "psoas card pigeon-routine 2",
                         "psoas card psoas-release --compact --width 80 > wall.txt",
                         "psoas card butterfly --format markdown > butterfly.md"}));
}

}  // namespace psoas
