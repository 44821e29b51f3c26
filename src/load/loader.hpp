#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "load/diagnostic.hpp"
#include "load/figure_library.hpp"
#include "load/routine_reader.hpp"
#include "load/search_path.hpp"
#include "load/source.hpp"
#include "model/routine.hpp"

namespace psoas {

// A chain of `use` steps that cannot be loaded: a cycle, or one nested too
// deep. Found while the routine where it starts was still loading: that
// routine reports it, at its own `use` step.
struct UseChainError {
  std::filesystem::path start;  // the routine the cycle comes back to, or the outermost
  std::string message;          // "`use` cycle: a -> b -> a"
};

// `use` steps nest at most this deep; deeper chains are refused, by name.
inline constexpr std::size_t kMaxUseDepth = 64;
// Loading recurses at most this deep. Past kMaxUseDepth so that every file in
// the upper half of a cut-off chain is known to be too deep in its own right,
// wherever the load started, and can be remembered as such.
inline constexpr std::size_t kMaxLoadingDepth = 2 * kMaxUseDepth;

struct LoadResult {
  std::shared_ptr<const Routine> routine;    // null when there are errors
  std::vector<Diagnostic> diagnostics;       // errors and warnings
  std::optional<UseChainError> chain_error;  // also null routine: part of a bad chain
  // Also null routine: a chain of `use` names from this routine down, as far
  // as it was loaded. Longer than kMaxUseDepth, the routine nests too deep;
  // shorter, loading stopped at kMaxLoadingDepth before knowing (the routine
  // that started the load knows).
  std::vector<std::string> deep_chain;
  SourcePosition steps_position;  // where the routine's `steps` are: errors about all of them point there
};

// Loads routine files and resolves their `use` steps on a search path. One
// loader reads each file at most once, however often it is used.
class RoutineLoader {
 public:
  explicit RoutineLoader(const SearchPath& search_path) : search_path_(search_path) {}
  // A loader that also loads the figures the steps name, from `figures`:
  // for the commands that draw them.
  RoutineLoader(const SearchPath& search_path, FigureLibrary& figures)
      : search_path_(search_path), figures_(&figures) {}

  LoadResult load_file(const std::filesystem::path& path);
  // Loads text that is not read from disk (tests); `file` names it in diagnostics.
  LoadResult load_text(const std::string& file, std::string bytes);

 private:
  LoadResult load(const std::filesystem::path& key, const SourceText& source);
  // Links each `use` step to its routine; errors at the `use` go to
  // `diagnostics`, the errors inside a broken used file to `used_errors`.
  void resolve_uses(Routine& routine, const std::vector<UseReference>& uses,
                    std::vector<Diagnostic>& diagnostics, std::vector<Diagnostic>& used_errors,
                    std::optional<UseChainError>& chain_error, std::vector<std::string>& deep_chain);
  // Links each figure a step names to the figure; errors as for `use`.
  void resolve_figures(Routine& routine, const std::vector<FigureReference>& figures,
                       std::vector<Diagnostic>& diagnostics, std::vector<Diagnostic>& figure_errors);
  // The routine `name` on the search path, looked up once per loader.
  const std::optional<FoundRoutine>& find(const std::string& name);

  SearchPath search_path_;
  FigureLibrary* figures_ = nullptr;
  // Each file loaded for a `use`, by canonical path: null when it has errors.
  struct Cached {
    std::shared_ptr<const Routine> routine;
    std::optional<UseChainError> chain_error;
    std::vector<std::string> deep_chain;  // only ever one longer than kMaxUseDepth
  };
  std::map<std::filesystem::path, Cached> cache_;
  std::map<std::string, std::optional<FoundRoutine>> found_;
  // The routines being loaded, outermost first, to name a `use` cycle.
  std::vector<std::pair<std::filesystem::path, std::string>> loading_;
};

// Loads each of `files` (the results in the same order), on as many threads
// as there are cores, each with a loader of its own: parsing is most of what
// a `list` with no cache does.
std::vector<LoadResult> load_files(const SearchPath& search_path,
                                   const std::vector<std::filesystem::path>& files);

// The same, handing each result with its file's index to `then` on the thread
// that loaded it, so that what is made of the results is made in parallel
// too. `then` is called from several threads at once.
void load_files(const SearchPath& search_path, const std::vector<std::filesystem::path>& files,
                const std::function<void(std::size_t, LoadResult)>& then);

// A short hash of a file's text, to tell two versions apart (FNV-1a, 64 bits, in hex).
std::string text_hash(std::string_view text);

// The routines on `search_path` that `use` the routine `name` directly: a
// user's routine that shadows a built-in changes them too.
std::vector<std::string> routines_using(const SearchPath& search_path, std::string_view name);

}  // namespace psoas
