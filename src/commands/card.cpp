#include "commands/card.hpp"

#include <ostream>

#include <fmt/format.h>

#include "base/error.hpp"
#include "base/files.hpp"
#include "base/numbers.hpp"
#include "base/printable.hpp"
#include "commands/command_line.hpp"
#include "commands/handoff.hpp"
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

std::filesystem::path page_file(const std::filesystem::path& file, std::size_t page) {
  if (page <= 1) return file;
  std::filesystem::path out = file;
  out.replace_filename(fmt::format("{}-{}{}", file.stem().string(), page, file.extension().string()));
  return out;
}

ExitCode print_card(const CardCommandOptions& options, const SearchPath& search_path, const Console& console,
                    const PictureMaker& pictures) {
  const auto routine = load_routine_argument(options.routine, search_path, console, WithFigures::yes);
  const Timeline timeline = build_timeline(*routine);
  const std::vector<std::string> pages = pictures.card(*routine, timeline, *options.picture, options.paper);
  if (options.output == "-") {
    if (pages.size() > 1)
      throw Error(fmt::format("the card takes {} pages, one {} each: give -o FILE for them", pages.size(),
                              to_string(*options.picture)),
                  ExitCode::usage);
    console.out << pages.front();
    return ExitCode::ok;
  }
  for (std::size_t i = 0; i < pages.size(); ++i) replace_file(page_file(options.output, i + 1), pages[i]);
  if (pages.size() > 1 && *options.picture != PictureFormat::pdf)
    console.err << fmt::format("psoas: the card takes {} pages: {} to {}\n", pages.size(),
                               escape_line(options.output),
                               escape_line(page_file(options.output, pages.size()).string()));
  return ExitCode::ok;
}

namespace {

// The options of a text card and of a printed one do not mix.
void refuse_mixed_options(const CardCommandOptions& options, bool paper_given, const Console& console) {
  if (!options.picture) {
    if (!options.output.empty() || paper_given)
      throw Error("-o and --paper are for a printed card: --format pdf, svg or png", ExitCode::usage);
    return;
  }
  const std::string_view format = to_string(*options.picture);
  if (options.step || options.compact || options.width)
    throw Error("a printed card is the whole routine: a step, --compact and --width are for text cards",
                ExitCode::usage);
  if (options.output.empty())
    throw Error(fmt::format("a {} card goes to a file: give -o FILE (or -o - for standard output)", format),
                ExitCode::usage);
  if (options.output == "-" && console.out_info.is_terminal)
    throw Error(fmt::format("a {} card is not for a terminal: give -o FILE", format), ExitCode::usage);
}

}  // namespace

void add_card_command(CommandLine& line) {
  auto options = std::make_shared<CardCommandOptions>();
  auto format = std::make_shared<std::string>("text");
  auto paper = std::make_shared<std::string>("a4");
  auto paper_given = std::make_shared<bool>(false);
  CLI::App* card = line.add(
      "card", "Print a routine's step card, to follow along or pin to the wall",
      CompletedArgument::routine_then_step,
      [options, format, paper, paper_given, &line](const Environment& environment, const Console& console) {
        options->format = *format == "markdown" ? CardFormat::markdown : CardFormat::text;
        options->picture = parse_picture_format(*format);
        options->paper = *paper == "letter" ? Paper::letter : Paper::a4;
        refuse_mixed_options(*options, *paper_given, console);
        if (options->picture)
          return print_card(*options, environment.search_path(), console, picture_maker(line));
        // A card written to a file or a pipe follows COLUMNS, as `ls` does, unless
        // --width says otherwise.
        if (!options->width && !console.out_info.is_terminal && environment.columns)
          options->width = parse_whole_number<std::size_t>(*environment.columns);
        return show_card(*options, environment.search_path(), console);
      });
  card->add_option("routine", options->routine, "Routine name or file")->required()->type_name("ROUTINE");
  card->add_option("step", options->step, "Only this step: its number or its name")->type_name("STEP");
  card->add_option("--format", *format, "Output format (not with --json)")
      ->check(one_of({"text", "markdown", "pdf", "svg", "png"}, "; for JSON, use --json"))
      ->default_str("text")
      ->type_name("text|markdown|pdf|svg|png");
  line.option_values["format"] = {"text", "markdown", "pdf", "svg", "png"};
  card->add_option("-o,--output", options->output, "Write a printed card (pdf, svg, png) to FILE")
      ->type_name("FILE");
  card->add_option("--paper", *paper, "The printed card's paper")
      ->check(one_of({"a4", "letter"}))
      ->each([paper_given](const std::string&) { *paper_given = true; })
      ->default_str("a4")
      ->type_name("a4|letter");
  line.option_values["paper"] = {"a4", "letter"};
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
                         "psoas card butterfly --format markdown > butterfly.md",
                         "psoas card psoas-release --format pdf -o wall.pdf"}));
}

}  // namespace psoas
