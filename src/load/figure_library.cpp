#include "load/figure_library.hpp"

#include <variant>

#include <fmt/format.h>

#include "base/printable.hpp"
#include "load/figure_reader.hpp"
#include "load/source.hpp"
#include "load/suggest.hpp"

namespace psoas {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kFigures = "figures";

std::vector<RoutineFolder> figure_folders(const SearchPath& routines) {
  std::vector<RoutineFolder> folders;
  for (const RoutineFolder& folder : routines.folders()) {
    // $PSOAS_PATH folders hold their figures inside; the user's and the
    // built-in routines folders have theirs beside them.
    const fs::path figures =
        folder.origin == Origin::path ? folder.path / kFigures : folder.path.parent_path() / kFigures;
    folders.push_back({figures, folder.origin});
  }
  return folders;
}

}  // namespace

FigureLibrary::FigureLibrary(const SearchPath& routines) : folders_(figure_folders(routines)) {}

std::optional<FoundRoutine> FigureLibrary::find(std::string_view name, const fs::path& routine_file) const {
  if (!routine_file.empty()) {
    const SearchPath beside({{routine_file.parent_path() / kFigures, Origin::path}});
    if (auto found = beside.find(name)) return found;
  }
  return folders_.find(name);
}

std::string FigureLibrary::not_found(std::string_view name, const fs::path& routine_file) const {
  std::vector<std::string> names;
  for (const FoundRoutine& found : list()) names.push_back(found.name);
  std::string searched = folders_.describe();
  if (!routine_file.empty()) {
    const SearchPath beside({{routine_file.parent_path() / kFigures, Origin::path}});
    for (const FoundRoutine& found : beside.list()) names.push_back(found.name);
    searched = fmt::format("{}, {}", (routine_file.parent_path() / kFigures).string(), searched);
  }
  const auto close = close_matches(name, names);
  return fmt::format("no figure named `{}` (searched {}){}", escape_line(name), searched,
                     close.empty() ? "" : fmt::format("; did you mean {}?", join_alternatives(close)));
}

const LoadedFigure& FigureLibrary::load(const fs::path& file) {
  std::error_code ignored;
  fs::path key = fs::weakly_canonical(file, ignored);
  if (key.empty()) key = file;
  if (const auto cached = loaded_.find(key); cached != loaded_.end()) return cached->second;
  return loaded_.emplace(key, load_figure_file(file)).first->second;
}

LoadedFigure FigureLibrary::load_named(std::string_view name) {
  const auto found = find(name);
  if (!found) return {nullptr, {{"", kNowhere, Severity::error, not_found(name)}}};
  return load(found->file);
}

LoadedFigure load_figure_file(const fs::path& file) {
  auto source = read_source(file);
  if (auto* problem = std::get_if<Diagnostic>(&source)) return {nullptr, {std::move(*problem)}};
  ReadFigure read = read_figure(std::get<SourceText>(source));
  LoadedFigure out{nullptr, std::move(read.diagnostics)};
  if (!has_errors(out.diagnostics)) {
    read.figure.name = file.stem().string();
    out.figure = std::make_shared<const Figure>(std::move(read.figure));
  }
  return out;
}

}  // namespace psoas
