#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/diagnostic.hpp"
#include "load/search_path.hpp"
#include "model/figure.hpp"

namespace psoas {

struct LoadedFigure {
  std::shared_ptr<const Figure> figure;  // null when it has errors
  std::vector<Diagnostic> diagnostics;
};

// Where figures are found (psoas(1), FIGURES): `figures/` beside the routine
// that names one, then `figures/` in each $PSOAS_PATH folder, the user's
// `figures/` beside their routines folder, and the built-in figures.
class FigureLibrary {
 public:
  explicit FigureLibrary(const SearchPath& routines);

  // The figure `name`, looked for first beside `routine_file` when one is given.
  [[nodiscard]] std::optional<FoundRoutine> find(std::string_view name,
                                                 const std::filesystem::path& routine_file = {}) const;
  // Every figure on the path, the first of each name, sorted by name.
  [[nodiscard]] std::vector<FoundRoutine> list() const { return folders_.list(); }
  // "no figure named `x` (searched …); did you mean `y`?"
  [[nodiscard]] std::string not_found(std::string_view name,
                                      const std::filesystem::path& routine_file = {}) const;
  // A figure file read and checked, once per library.
  const LoadedFigure& load(const std::filesystem::path& file);

 private:
  // The folders, with `figures/` beside `routine_file` first when one is given.
  [[nodiscard]] SearchPath folders_for(const std::filesystem::path& routine_file) const;

  SearchPath folders_;
  std::map<std::filesystem::path, LoadedFigure> loaded_;
};

// A figure file's name is its figure's name, as a routine file's is.
LoadedFigure load_figure_file(const std::filesystem::path& file);

}  // namespace psoas
