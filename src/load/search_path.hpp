#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace psoas {

// Which kind of folder a routine was found in.
enum class Origin : unsigned char { path, user, builtin };

// "PSOAS_PATH", "user", "built-in".
std::string_view to_string(Origin origin);

struct RoutineFolder {
  std::filesystem::path path;
  Origin origin;
};

// A routine file found by name.
struct FoundRoutine {
  std::string name;  // the file's stem, as it is looked up
  std::filesystem::path file;
  Origin origin;
  bool shadows_builtin = false;  // a built-in of the same name exists
};

// The environment variables that say where routines live.
struct RoutineEnvironment {
  std::optional<std::string> psoas_path;
  std::optional<std::string> xdg_config_home;
  std::optional<std::string> home;
};

// The folders searched for a routine name, first match first.
class SearchPath {
 public:
  explicit SearchPath(std::vector<RoutineFolder> folders) : folders_(std::move(folders)) {}

  // $PSOAS_PATH's folders, then $XDG_CONFIG_HOME/psoas/routines (or
  // ~/.config/psoas/routines), then `builtin_folder`.
  static SearchPath from_environment(const RoutineEnvironment& environment,
                                     const std::filesystem::path& builtin_folder);

  [[nodiscard]] const std::vector<RoutineFolder>& folders() const { return folders_; }

  // The user's own routines folder, where `psoas new` writes.
  [[nodiscard]] std::optional<std::filesystem::path> user_folder() const;

  // `NAME.yaml`, then `NAME.yml`, in each folder in turn.
  [[nodiscard]] std::optional<FoundRoutine> find(std::string_view name) const;

  // Every routine name on the path, the first match of each, sorted by name.
  [[nodiscard]] std::vector<FoundRoutine> list() const;

  // "a, b and c": the folders, for an error that says where it looked.
  [[nodiscard]] std::string describe() const;

  // The one message for a name found nowhere: "no routine named `x`
  // (searched a, b and c); did you mean `y`?".
  [[nodiscard]] std::string not_found(std::string_view name) const;
  // The same for another kind of file on the path (a plan), suggesting among `names` only.
  [[nodiscard]] std::string not_found(std::string_view name, std::string_view kind,
                                      const std::vector<std::string>& names) const;

  // The file a command argument names: a path (see is_routine_path) as it
  // is, or a name found on the path; nothing for a name found nowhere.
  [[nodiscard]] std::optional<std::filesystem::path> resolve(std::string_view argument) const;

  // Where the user's own routine `name` lives, in the user folder. Throws
  // Error for a name that is not a routine name, or without a user folder.
  [[nodiscard]] std::filesystem::path user_file(std::string_view name) const;

 private:
  std::vector<RoutineFolder> folders_;
};

// An argument with a `/`, or ending in `.yaml` or `.yml`, is a path to a file
// rather than a name (psoas(1), FILES).
bool is_routine_path(std::string_view argument);

}  // namespace psoas
