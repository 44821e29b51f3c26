#include "commands/environment.hpp"

#include <algorithm>
#include <cstdlib>

#include "base/process.hpp"
#include "load/builtin_folder.hpp"

namespace psoas {
namespace {

std::optional<std::string> variable(const char* name) {
  if (const char* value = std::getenv(name)) return std::string(value);
  return std::nullopt;
}

}  // namespace

Environment Environment::of_process() {
  Environment environment;
  // From when the shell started psoas, not from main(). A process that ran
  // long before it exec'd psoas did not spend that on start-up: 50 ms at most.
  environment.launched =
      MonotonicClock().now() - std::min<Nanos>(process_age_lower_bound(), std::chrono::milliseconds(50));
  environment.home = variable("HOME");
  environment.psoas_path = variable("PSOAS_PATH");
  environment.xdg_config_home = variable("XDG_CONFIG_HOME");
  environment.xdg_state_home = variable("XDG_STATE_HOME");
  environment.xdg_cache_home = variable("XDG_CACHE_HOME");
  environment.visual = variable("VISUAL");
  environment.editor = variable("EDITOR");
  environment.pager = variable("PAGER");
  environment.no_color = variable("NO_COLOR");
  environment.term = variable("TERM");
  environment.columns = variable("COLUMNS");
  environment.psoas_terminal = variable("PSOAS_TERMINAL");
  environment.session_bus_address = variable("DBUS_SESSION_BUS_ADDRESS");
  environment.xdg_runtime_dir = variable("XDG_RUNTIME_DIR");
  return environment;
}

XdgEnvironment Environment::xdg() const {
  return {home, xdg_config_home, xdg_state_home, xdg_cache_home};
}

SearchPath Environment::search_path() const {
  return SearchPath::from_environment({psoas_path, xdg_config_home, home}, builtin_routines_folder());
}

std::optional<std::filesystem::path> Environment::history_file() const {
  const auto folder = state_folder(xdg());
  if (!folder) return std::nullopt;
  return *folder / "history.db";
}

std::optional<std::filesystem::path> Environment::list_cache_file() const {
  const auto folder = cache_folder(xdg());
  if (!folder) return std::nullopt;
  return *folder / "list.json";
}

std::optional<std::filesystem::path> Environment::reminders_cache_file() const {
  const auto folder = cache_folder(xdg());
  if (!folder) return std::nullopt;
  return *folder / "reminders.json";
}

std::optional<std::filesystem::path> Environment::reminders_file() const {
  const auto folder = config_folder(xdg());
  if (!folder) return std::nullopt;
  return *folder / "reminders.yaml";
}

std::optional<std::filesystem::path> Environment::remind_state_file() const {
  const auto folder = state_folder(xdg());
  if (!folder) return std::nullopt;
  return *folder / "reminders.json";
}

std::optional<std::filesystem::path> Environment::plan_state_file() const {
  const auto folder = state_folder(xdg());
  if (!folder) return std::nullopt;
  return *folder / "plan.json";
}

std::optional<std::filesystem::path> Environment::systemd_user_folder() const {
  const auto folder = config_home(xdg());
  if (!folder) return std::nullopt;
  return *folder / "systemd/user";
}

std::string Environment::editor_command() const {
  for (const auto& value : {visual, editor})
    if (value && !value->empty()) return *value;
  return "vi";
}

OutputEnvironment Environment::output() const {
  return {no_color && !no_color->empty(), term};
}

}  // namespace psoas
