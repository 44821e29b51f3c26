#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "load/diagnostic.hpp"
#include "load/routine_reader.hpp"
#include "load/search_path.hpp"
#include "load/source.hpp"
#include "model/routine.hpp"

namespace psoas {

struct LoadResult {
  std::shared_ptr<const Routine> routine;  // null when there are errors
  std::vector<Diagnostic> diagnostics;     // errors and warnings
};

// A routine whose steps (`use` steps expanded) and holds number more than this
// is refused, which bounds the size of its timeline.
inline constexpr std::size_t kMaxExpandedSize = 100'000;

// Loads routine files and resolves their `use` steps on a search path. One
// loader reads each file at most once, however often it is used.
class RoutineLoader {
 public:
  explicit RoutineLoader(const SearchPath& search_path) : search_path_(search_path) {}

  LoadResult load_file(const std::filesystem::path& path);
  // Loads text that is not read from disk (tests); `file` names it in diagnostics.
  LoadResult load_text(const std::string& file, std::string bytes);

 private:
  LoadResult load(const std::filesystem::path& key, const SourceText& source);
  // Links each `use` step to its routine; errors at the `use` go to
  // `diagnostics`, the errors inside a broken used file to `used_errors`.
  void resolve_uses(Routine& routine, const std::vector<UseReference>& uses,
                    std::vector<Diagnostic>& diagnostics, std::vector<Diagnostic>& used_errors);

  SearchPath search_path_;
  // Each file loaded for a `use`, by canonical path; null when it has errors.
  std::map<std::filesystem::path, std::shared_ptr<const Routine>> cache_;
  // The routines being loaded, outermost first, to name a `use` cycle.
  std::vector<std::pair<std::filesystem::path, std::string>> loading_;
};

}  // namespace psoas
