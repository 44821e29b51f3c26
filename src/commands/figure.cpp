#include <algorithm>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "base/error.hpp"
#include "base/files.hpp"
#include "base/printable.hpp"
#include "commands/command_line.hpp"
#include "commands/handoff.hpp"
#include "load/figure_library.hpp"
#include "load/search_path.hpp"
#include "term/frame.hpp"
#include "ui/figure_drawing.hpp"
#include "ui/pictures.hpp"
#include "ui/text.hpp"

namespace psoas {
namespace {

struct FigureOptions {
  std::string figure;
  std::string side;
  std::optional<std::size_t> width;
  std::string output;
  std::string format;
};

constexpr std::size_t kDefaultColumns = 72;
constexpr std::size_t kMostRows = 40;
constexpr int kPictureWidth = 800;

// The figure an argument names: a file, or a name in the figure library.
std::shared_ptr<const Figure> load_figure_argument(const std::string& argument, const SearchPath& search_path,
                                                   const Console& console) {
  std::filesystem::path file = argument;
  if (!is_routine_path(argument)) {
    const FigureLibrary library(search_path);
    const auto found = library.find(argument);
    if (!found) throw Error(library.not_found(argument) + "; `psoas figure` lists them");
    file = found->file;
  }
  const LoadedFigure loaded = load_figure_file(file);
  if (!loaded.figure) {
    print_diagnostics(console, loaded.diagnostics);
    throw Error("");
  }
  return loaded.figure;
}

ExitCode list_figures(const SearchPath& search_path, const Console& console) {
  const FigureLibrary library(search_path);
  const auto found = library.list();
  std::size_t widest = 0;
  for (const FoundRoutine& figure : found) widest = std::max(widest, display_width(figure.name));
  for (const FoundRoutine& figure : found) {
    const LoadedFigure loaded = load_figure_file(figure.file);
    const std::string title =
        loaded.figure ? loaded.figure->title : "(has errors: psoas check " + figure.file.string() + ")";
    console.out << fmt::format("{}  {:<8}  {}\n", pad_right(escape_line(figure.name), widest),
                               to_string(figure.origin), escape_line(title));
  }
  if (found.empty()) console.out << "no figures found\n";
  return ExitCode::ok;
}

ExitCode show_figure(const FigureOptions& options, const CommandLine& line, const Environment& environment,
                     const Console& console) {
  const SearchPath search_path = environment.search_path();
  if (options.figure.empty()) return list_figures(search_path, console);
  const auto figure = load_figure_argument(options.figure, search_path, console);
  const Side side = options.side == "left" ? Side::left : options.side == "right" ? Side::right : Side::none;
  const FigureDrawing drawing = draw_figure(for_side(*figure, side));

  if (!options.output.empty() || !options.format.empty()) {
    std::string format_name = options.format;
    if (format_name.empty()) {
      const std::string extension = std::filesystem::path(options.output).extension().string();
      format_name = extension.empty() ? std::string() : extension.substr(1);
      if (!parse_picture_format(format_name))
        throw Error(fmt::format("say which picture with --format png, svg or pdf: the name `{}` does not",
                                escape_line(options.output)),
                    ExitCode::usage);
    }
    const PictureFormat format = *parse_picture_format(format_name);
    if (options.output.empty() && console.out_info.is_terminal)
      throw Error(fmt::format("a {} picture is not for a terminal: give -o FILE", to_string(format)),
                  ExitCode::usage);
    const int height = std::clamp(
        static_cast<int>(kPictureWidth * drawing.height() / std::max(drawing.width(), 1.0)) + 80, 200, 1200);
    const std::string bytes = picture_maker(line).figure(drawing, format, kPictureWidth, height);
    if (options.output.empty() || options.output == "-") {
      console.out << bytes;
    } else {
      replace_file(options.output, bytes);
    }
    return ExitCode::ok;
  }

  const std::size_t terminal =
      console.out_info.is_terminal ? static_cast<std::size_t>(console.out_info.width) : 200;
  const std::size_t columns = std::min(options.width.value_or(kDefaultColumns), terminal);
  // A cell is two dots wide and four high, and about twice as high as wide: dots are square.
  const double rows_needed =
      static_cast<double>(columns) * 2 * drawing.height() / std::max(drawing.width(), 1.0) / 4;
  const std::size_t rows = std::clamp<std::size_t>(static_cast<std::size_t>(rows_needed) + 1, 4, kMostRows);
  console.out << fmt::format(
      "{}{}\n", escape_line(figure->title),
      side == Side::none || figure->side == Side::none
          ? std::string()
          : fmt::format(" · {} side{}", to_string(side), side != figure->side ? " (mirrored)" : ""));
  for (FrameLine& row : braille_sketch(drawing, columns, rows)) {
    // Trailing blanks would only wrap a narrow terminal (worked cells are never blank).
    if (!row.empty() && row.back().attributes == Attributes{})
      row.back().text.erase(row.back().text.find_last_not_of(' ') + 1);
    std::string text;
    for (const Span& span : row) text += span.text;
    console.out << (console.out_info.is_terminal ? encode_line(row, columns, console.out_info.color) : text)
                << '\n';
  }
  return ExitCode::ok;
}

}  // namespace

void add_figure_command(CommandLine& line) {
  auto options = std::make_shared<FigureOptions>();
  CLI::App* figure = line.add("figure", "Draw a pose's figure, or list the figures", CompletedArgument::none,
                              [options, &line](const Environment& environment, const Console& console) {
                                return show_figure(*options, line, environment, console);
                              });
  figure->add_option("figure", options->figure, "A figure's name or file; none lists them")
      ->type_name("FIGURE");
  figure->add_option("--side", options->side, "Draw it for this side: mirrored for the other")
      ->check(one_of({"left", "right"}))
      ->type_name("left|right");
  line.option_values["side"] = {"left", "right"};
  figure->add_option("--width", options->width, "Draw it N columns wide (10 to 400)")
      ->check(whole_number_from(10, 400))
      ->type_name("N");
  figure->add_option("-o,--output", options->output, "Write a picture to FILE (PNG, SVG or PDF)")
      ->type_name("FILE");
  figure->add_option("--format", options->format, "The picture's format (else from FILE's name)")
      ->check(one_of({"png", "svg", "pdf"}))
      ->type_name("png|svg|pdf");
  figure->footer(examples({"psoas figure", "psoas figure pigeon --side right",
                           "psoas figure pigeon -o pigeon.png", "psoas figure ./figures/my-pose.yaml"}));
}

}  // namespace psoas
