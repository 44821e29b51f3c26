#include "load/search_path.hpp"

#include <map>
#include <system_error>

#include <fmt/format.h>

#include "base/error.hpp"
#include "base/files.hpp"
#include "base/printable.hpp"
#include "base/xdg.hpp"
#include "load/suggest.hpp"
#include "model/routine.hpp"

namespace psoas {
namespace fs = std::filesystem;

namespace {

bool is_routine_file_name(const fs::path& file) {
  const auto extension = file.extension();
  return extension == ".yaml" || extension == ".yml";
}

// Anything named like a routine but a folder: a FIFO or a dangling link is
// found too, to be reported broken rather than passed over in silence.
bool is_existing_file(const fs::path& file) {
  return path_kind(file) != PathKind::missing && target_kind(file) != PathKind::folder;
}

}  // namespace

std::string_view to_string(Origin origin) {
  switch (origin) {
    case Origin::path:
      return "PSOAS_PATH";
    case Origin::user:
      return "user";
    case Origin::builtin:
      return "built-in";
  }
  return "";
}

SearchPath SearchPath::from_environment(const RoutineEnvironment& environment,
                                        const fs::path& builtin_folder) {
  std::vector<RoutineFolder> folders;
  if (environment.psoas_path) {
    std::string_view rest = *environment.psoas_path;
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      const std::string_view folder = rest.substr(0, colon);
      if (!folder.empty()) folders.push_back({fs::path(folder), Origin::path});
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  if (const auto config = config_folder({environment.home, environment.xdg_config_home, {}, {}}))
    folders.push_back({*config / "routines", Origin::user});
  folders.push_back({builtin_folder, Origin::builtin});
  return SearchPath(std::move(folders));
}

std::optional<fs::path> SearchPath::user_folder() const {
  for (const RoutineFolder& folder : folders_)
    if (folder.origin == Origin::user) return folder.path;
  return std::nullopt;
}

std::optional<FoundRoutine> SearchPath::find(std::string_view name) const {
  std::optional<FoundRoutine> found;
  for (const RoutineFolder& folder : folders_) {
    for (const char* extension : {".yaml", ".yml"}) {
      const fs::path file = folder.path / fmt::format("{}{}", name, extension);
      if (!is_existing_file(file)) continue;
      if (!found) {
        found = FoundRoutine{std::string(name), file, folder.origin};
      } else if (folder.origin == Origin::builtin && found->origin != Origin::builtin) {
        found->shadows_builtin = true;
      }
      break;
    }
  }
  return found;
}

std::vector<FoundRoutine> SearchPath::list() const {
  std::map<std::string, FoundRoutine> first_match;
  for (const RoutineFolder& folder : folders_) {
    std::error_code error;
    fs::directory_iterator it(folder.path, error);
    if (error) continue;
    // Within one folder `.yaml` wins over `.yml`, as it does in find().
    std::map<std::string, FoundRoutine> in_folder;
    for (const auto end = fs::directory_iterator(); it != end; it.increment(error)) {
      if (error) break;
      const fs::path& file = it->path();
      if (!is_routine_file_name(file)) continue;
      // The folder's listing says which are plain files: only the others cost a stat.
      std::error_code not_plain;
      if (!it->is_regular_file(not_plain) && !is_existing_file(file)) continue;
      std::string name = file.stem().string();
      const auto [listed, inserted] = in_folder.try_emplace(name, FoundRoutine{name, file, folder.origin});
      if (!inserted && file.extension() == ".yaml") listed->second.file = file;
    }
    for (auto& [name, found] : in_folder) {
      const auto [existing, inserted] = first_match.try_emplace(name, found);
      if (!inserted && folder.origin == Origin::builtin && existing->second.origin != Origin::builtin)
        existing->second.shadows_builtin = true;
    }
  }
  std::vector<FoundRoutine> result;
  result.reserve(first_match.size());
  for (auto& [name, found] : first_match) result.push_back(std::move(found));
  return result;
}

std::string SearchPath::describe() const {
  std::vector<std::string> paths;
  for (const RoutineFolder& folder : folders_) paths.push_back(folder.path.string());
  return fmt::format("{}", fmt::join(paths, ", "));
}

std::string SearchPath::not_found(std::string_view name) const {
  std::vector<std::string> names;
  for (const FoundRoutine& found : list()) names.push_back(found.name);
  return not_found(name, "routine", names);
}

std::string SearchPath::not_found(std::string_view name, std::string_view kind,
                                  const std::vector<std::string>& names) const {
  const auto close = close_matches(name, names);
  return fmt::format("no {} named `{}` (searched {}){}", kind, escape_line(name), describe(),
                     close.empty() ? "" : fmt::format("; did you mean {}?", join_alternatives(close)));
}

std::optional<fs::path> SearchPath::resolve(std::string_view argument) const {
  if (is_routine_path(argument)) return fs::path(argument);
  if (const auto found = find(argument)) return found->file;
  return std::nullopt;
}

fs::path SearchPath::user_file(std::string_view name) const {
  const auto folder = user_folder();
  if (!folder) throw Error("there is no user routines folder: set HOME or XDG_CONFIG_HOME");
  if (!is_valid_routine_name(name))
    throw Error(fmt::format("`{}` is not a routine name: use lowercase letters, digits and dashes",
                            escape_line(name)),
                ExitCode::usage);
  return *folder / fmt::format("{}.yaml", name);
}

bool is_routine_path(std::string_view argument) {
  return argument.find('/') != std::string_view::npos || argument.ends_with(".yaml") ||
         argument.ends_with(".yml");
}

}  // namespace psoas
