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

SearchPath FigureLibrary::folders_for(const fs::path& routine_file) const {
  if (routine_file.empty()) return folders_;
  std::vector<RoutineFolder> folders = {{routine_file.parent_path() / kFigures, Origin::path}};
  folders.insert(folders.end(), folders_.folders().begin(), folders_.folders().end());
  return SearchPath(std::move(folders));
}

std::optional<FoundRoutine> FigureLibrary::find(std::string_view name, const fs::path& routine_file) const {
  return folders_for(routine_file).find(name);
}

std::string FigureLibrary::not_found(std::string_view name, const fs::path& routine_file) const {
  const SearchPath folders = folders_for(routine_file);
  std::vector<std::string> names;
  for (const FoundRoutine& found : folders.list()) names.push_back(found.name);
  const auto close = close_matches(name, names);
  return fmt::format("no figure named `{}` (searched {}){}", escape_line(name), folders.describe(),
                     close.empty() ? "" : fmt::format("; did you mean {}?", join_alternatives(close)));
}

const LoadedFigure& FigureLibrary::load(const fs::path& file) {
  std::error_code ignored;
  fs::path key = fs::weakly_canonical(file, ignored);
  if (key.empty()) key = file;
  if (const auto cached = loaded_.find(key); cached != loaded_.end()) return cached->second;
  return loaded_.emplace(key, load_figure_file(file)).first->second;
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
