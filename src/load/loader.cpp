#include "load/loader.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <mutex>
#include <set>
#include <thread>
#include <variant>

#include <fmt/format.h>

#include "base/files.hpp"
#include "load/routine_reader.hpp"
#include "load/source.hpp"
#include "load/suggest.hpp"
#include "load/yaml_errors.hpp"
#include "load/yaml_tree.hpp"

namespace psoas {
namespace fs = std::filesystem;

static_assert(kMaxLoadingDepth > kMaxUseDepth + 1, "a load from the top must see past the limit");

namespace {

fs::path cache_key(const fs::path& path) {
  std::error_code ignored;
  fs::path canonical = fs::weakly_canonical(path, ignored);
  return canonical.empty() ? path : canonical;
}

// A routine name close to `text`: lowercase, with dashes for what cannot be in one.
std::string routine_name_like(std::string_view text) {
  std::string name;
  for (const char c : text) {
    const char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    const bool allowed = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
    if (allowed) {
      name += lower;
    } else if (!name.empty() && name.back() != '-') {
      name += '-';
    }
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  return name.empty() ? "my-routine" : name.substr(0, 64);
}

// The routine used by `routine` whose chain of `use` steps is longest.
const Routine* deepest_use(const Routine& routine) {
  const Routine* deepest = nullptr;
  for (const Step& step : routine.steps)
    if (step.used && (!deepest || step.used->use_depth > deepest->use_depth)) deepest = step.used.get();
  return deepest;
}

// FNV-1a, 64 bits: enough to tell two versions of a routine apart.
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 0xcbf29ce484222325ULL) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// The hash of a routine's own text and of the routines it uses, in order.
std::string content_hash(std::string_view text, const Routine& routine) {
  std::uint64_t hash = fnv1a(text);
  for (const Step& step : routine.steps)
    if (step.used) hash = fnv1a(step.used->content_hash, hash);
  return fmt::format("{:016x}", hash);
}

}  // namespace

std::string text_hash(std::string_view text) {
  return fmt::format("{:016x}", fnv1a(text));
}

std::vector<LoadResult> load_files(const SearchPath& search_path, const std::vector<fs::path>& files) {
  std::vector<LoadResult> results(files.size());
  load_files(search_path, files,
             [&results](std::size_t i, LoadResult result) { results[i] = std::move(result); });
  return results;
}

void load_files(const SearchPath& search_path, const std::vector<fs::path>& files,
                const std::function<void(std::size_t, LoadResult)>& then) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  const auto work = [&] {
    RoutineLoader loader(search_path);
    try {
      for (std::size_t i = next++; i < files.size(); i = next++) then(i, loader.load_file(files[i]));
    } catch (...) {
      const std::scoped_lock lock(failure_lock);
      if (!failure) failure = std::current_exception();
      next = files.size();
    }
  };
  // A thread costs about what parsing a file does: not worth it for a few.
  constexpr std::size_t kFilesPerThread = 4;
  const std::size_t threads = std::min<std::size_t>(std::max(1U, std::thread::hardware_concurrency()),
                                                    files.size() / kFilesPerThread);
  {
    std::vector<std::jthread> helpers;
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
    work();
  }
  if (failure) std::rethrow_exception(failure);
}

LoadResult RoutineLoader::load_file(const fs::path& path) {
  auto source = read_source(path);
  if (auto* error = std::get_if<Diagnostic>(&source))
    return {nullptr, {std::move(*error)}, std::nullopt, {}, {}};
  return load(cache_key(path), std::get<SourceText>(std::move(source)));
}

LoadResult RoutineLoader::load_text(const std::string& file, std::string bytes) {
  auto source = check_source(file, std::move(bytes));
  if (auto* error = std::get_if<Diagnostic>(&source))
    return {nullptr, {std::move(*error)}, std::nullopt, {}, {}};
  return load(fs::path(file), std::get<SourceText>(std::move(source)));
}

LoadResult RoutineLoader::load(const fs::path& key, const SourceText& source) {
  LoadResult result;
  auto parsed = parse_yaml(source.text);
  if (const auto* error = std::get_if<YamlError>(&parsed)) {
    result.diagnostics.push_back(yaml_error(source, *error));
    return result;
  }
  ReadRoutine read = read_routine(source, std::get<YamlTree>(parsed));
  result.diagnostics = std::move(read.diagnostics);
  Routine& routine = read.routine;
  routine.file = source.file;

  const std::string stem = fs::path(source.file).stem().string();
  if (routine.name.empty() && !read.name_position) {
    if (is_valid_routine_name(stem)) {
      routine.name = stem;
    } else {
      result.diagnostics.push_back(
          {source.file,
           {},
           Severity::error,
           fmt::format("the file name `{}` is not a routine name (lowercase letters, digits and dashes), "
                       "and psoas finds routines by file name: rename the file, to `{}.yaml` say",
                       stem, routine_name_like(stem))});
    }
  } else if (!routine.name.empty() && routine.name != stem) {
    result.diagnostics.push_back(
        {source.file, *read.name_position, Severity::warning,
         fmt::format("`name` is `{}` but the file is named `{}`; `{}` finds it by its file name",
                     routine.name, fs::path(source.file).filename().string(), stem)});
  }

  std::vector<Diagnostic> used_errors;
  loading_.emplace_back(key, routine.name.empty() ? stem : routine.name);
  resolve_uses(routine, read.uses, result.diagnostics, used_errors, result.chain_error, result.deep_chain);
  loading_.pop_back();
  if (figures_) resolve_figures(routine, read.figures, result.diagnostics, used_errors);

  if (!has_errors(result.diagnostics) && used_errors.empty() && result.deep_chain.empty() &&
      expanded_size(routine, {}, kMaxExpandedSize) > kMaxExpandedSize) {
    result.diagnostics.push_back(
        {source.file, read.steps_position, Severity::error,
         fmt::format("the routine expands to more than {} steps and holds", kMaxExpandedSize)});
  }
  result.steps_position = read.steps_position;
  // This file's diagnostics in file order, then those of the files it uses.
  sort_by_position(result.diagnostics);
  result.diagnostics.insert(result.diagnostics.end(), std::make_move_iterator(used_errors.begin()),
                            std::make_move_iterator(used_errors.end()));
  if (!has_errors(result.diagnostics) && !result.chain_error && result.deep_chain.empty()) {
    routine.content_hash = content_hash(source.text, routine);
    result.routine = std::make_shared<const Routine>(std::move(routine));
  }
  return result;
}

void RoutineLoader::resolve_figures(Routine& routine, const std::vector<FigureReference>& figures,
                                    std::vector<Diagnostic>& diagnostics,
                                    std::vector<Diagnostic>& figure_errors) {
  std::set<fs::path> reported;  // a broken figure's errors are listed once
  for (const FigureReference& reference : figures) {
    const auto found = figures_->find(reference.name, routine.file);
    if (!found) {
      diagnostics.push_back({routine.file.string(), reference.position, Severity::error,
                             figures_->not_found(reference.name, routine.file)});
      continue;
    }
    const LoadedFigure& loaded = figures_->load(found->file);
    if (!loaded.figure) {
      diagnostics.push_back(
          {routine.file.string(), reference.position, Severity::error,
           fmt::format("the figure `{}` ({}) has errors", reference.name, found->file.string())});
      if (reported.insert(found->file).second)
        figure_errors.insert(figure_errors.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
      continue;
    }
    StepFigure& figure = routine.steps[reference.step].figure;
    (reference.side == Side::left    ? figure.left_figure
     : reference.side == Side::right ? figure.right_figure
                                     : figure.figure) = loaded.figure;
  }
}

const std::optional<FoundRoutine>& RoutineLoader::find(const std::string& name) {
  const auto known = found_.find(name);
  if (known != found_.end()) return known->second;
  return found_.emplace(name, search_path_.find(name)).first->second;
}

void RoutineLoader::resolve_uses(Routine& routine, const std::vector<UseReference>& uses,
                                 std::vector<Diagnostic>& diagnostics, std::vector<Diagnostic>& used_errors,
                                 std::optional<UseChainError>& chain_error,
                                 std::vector<std::string>& deep_chain) {
  const std::string file = routine.file.string();
  std::size_t errors = 0;
  const auto error = [&](SourcePosition position, std::string message) {
    if (errors > kMaxErrorsPerFile) return;
    if (errors++ == kMaxErrorsPerFile)
      message = fmt::format("too many errors; stopping after {}", kMaxErrorsPerFile);
    diagnostics.push_back({file, position, Severity::error, std::move(message)});
  };
  // A bad chain is reported by the routine where it starts, or here if that
  // one is no longer loading (it was found by an earlier load).
  const auto take_chain_error = [&](const UseChainError& found, SourcePosition position) {
    const bool starts_further_out = std::any_of(
        loading_.begin(), loading_.end() - 1, [&](const auto& entry) { return entry.first == found.start; });
    if (!starts_further_out) {
      error(position, found.message);
    } else if (!chain_error) {
      chain_error = found;
    }
  };
  const auto chain_names = [&](auto first) {
    std::vector<std::string> names;
    for (auto it = first; it != loading_.end(); ++it) names.push_back(it->second);
    return names;
  };
  // A chain of uses below one step, longer than allowed or not loaded to its end. The routine
  // that started the load reports it, naming the chain; one further in passes on its longest.
  const auto note_deep_chain = [&](std::vector<std::string> below, SourcePosition position) {
    below.insert(below.begin(), loading_.back().second);
    below.resize(std::min(below.size(), kMaxUseDepth + 1));  // as many as prove it; the message shows no more
    if (loading_.size() == 1) {
      // Always the whole 65: loading from the top reaches kMaxLoadingDepth, past the limit.
      error(position,
            fmt::format("`use` steps nest more than {} routines deep: {} -> {} -> {} -> ... -> {} -> {}",
                        kMaxUseDepth, below[0], below[1], below[2], below[below.size() - 2], below.back()));
    } else if (below.size() > deep_chain.size()) {
      deep_chain = std::move(below);
    }
  };
  for (const UseReference& use : uses) {
    // A routine with a chain too deep fails whatever its other uses are; stopping here keeps a chain
    // that forks at every step, and is loaded again below the loading depth, from costing 2^64 loads.
    if (errors > kMaxErrorsPerFile || !deep_chain.empty()) break;
    Step& step = routine.steps[use.step];
    const auto& found = find(step.use);
    if (!found) {
      // Names are looked up on the search path only: say so when the routine meant sits beside this one.
      std::string hint;
      for (const char* extension : {".yaml", ".yml"}) {
        const fs::path beside = fs::path(file).parent_path() / (step.use + extension);
        if (hint.empty() && path_kind(beside) != PathKind::missing)
          hint = fmt::format(
              "; {} is beside this file, but `use` looks on the search path only: add its folder "
              "to PSOAS_PATH",
              beside.filename().string());
      }
      error(use.position, search_path_.not_found(step.use) + hint);
      continue;
    }
    const fs::path key = cache_key(found->file);
    const auto in_progress =
        std::find_if(loading_.begin(), loading_.end(), [&](const auto& entry) { return entry.first == key; });
    if (in_progress != loading_.end()) {
      std::vector<std::string> names = chain_names(in_progress);
      names.push_back(in_progress->second);
      take_chain_error({key, fmt::format("`use` cycle: {}", fmt::join(names, " -> "))}, use.position);
      continue;
    }
    auto cached = cache_.find(key);
    if (cached == cache_.end() && loading_.size() >= kMaxLoadingDepth) {
      // Not loaded: how deep this goes is for the routine that started the load to find out.
      note_deep_chain({step.use}, use.position);
      continue;
    }
    if (cached == cache_.end()) {
      LoadResult used = load_file(found->file);
      // A chain cut off before its depth was known is loaded again from wherever it is met next.
      if (used.deep_chain.empty() || used.deep_chain.size() > kMaxUseDepth)
        cached = cache_.emplace(key, Cached{used.routine, used.chain_error, used.deep_chain}).first;
      if (!used.routine && has_errors(used.diagnostics)) {
        // The used file's errors follow this file's, each at its place in that file.
        error(use.position, fmt::format("the routine `{}` used here has errors", step.use));
        for (Diagnostic& diagnostic : used.diagnostics)
          if (diagnostic.severity == Severity::error) used_errors.push_back(std::move(diagnostic));
        if (used.chain_error) take_chain_error(*used.chain_error, use.position);
        continue;
      }
      if (!used.deep_chain.empty()) {
        note_deep_chain(std::move(used.deep_chain), use.position);
        continue;
      }
    } else if (!cached->second.deep_chain.empty()) {
      note_deep_chain(cached->second.deep_chain, use.position);
      continue;
    } else if (!cached->second.routine && !cached->second.chain_error) {
      error(use.position, fmt::format("the routine `{}` used here has errors", step.use));
      continue;
    }
    if (cached->second.chain_error) {
      take_chain_error(*cached->second.chain_error, use.position);
      continue;
    }
    if (cached->second.routine->use_depth >= kMaxUseDepth) {
      std::vector<std::string> below;
      for (const Routine* used = cached->second.routine.get(); used; used = deepest_use(*used))
        below.push_back(used->name);
      note_deep_chain(std::move(below), use.position);
      continue;
    }
    step.used = cached->second.routine;
    routine.use_depth = std::max(routine.use_depth, step.used->use_depth + 1);
  }
}

std::vector<std::string> routines_using(const SearchPath& search_path, std::string_view name) {
  std::vector<std::string> users;
  RoutineLoader loader(search_path);
  for (const FoundRoutine& found : search_path.list()) {
    const LoadResult result = loader.load_file(found.file);
    if (!result.routine) continue;
    const auto& steps = result.routine->steps;
    if (std::any_of(steps.begin(), steps.end(), [&](const Step& step) { return step.use == name; }))
      users.push_back(found.name);
  }
  return users;
}

}  // namespace psoas
