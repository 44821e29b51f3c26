#pragma once

#include <filesystem>
#include <optional>
#include <string>

// Where psoas keeps its files, by the XDG Base Directory rules: a variable
// that is unset, empty or relative is ignored, and the default under $HOME
// is used instead.
namespace psoas {

struct XdgEnvironment {
  std::optional<std::string> home;
  std::optional<std::string> config_home;  // XDG_CONFIG_HOME
  std::optional<std::string> state_home;   // XDG_STATE_HOME
  std::optional<std::string> cache_home;   // XDG_CACHE_HOME
};

// $XDG_CONFIG_HOME/psoas, or ~/.config/psoas: routines, reminders.
std::optional<std::filesystem::path> config_folder(const XdgEnvironment& environment);
// $XDG_STATE_HOME/psoas, or ~/.local/state/psoas: the history.
std::optional<std::filesystem::path> state_folder(const XdgEnvironment& environment);
// $XDG_CACHE_HOME/psoas, or ~/.cache/psoas: what can be rebuilt.
std::optional<std::filesystem::path> cache_folder(const XdgEnvironment& environment);
// $XDG_CONFIG_HOME, or ~/.config, itself: where other programs' files go (systemd's).
std::optional<std::filesystem::path> config_home(const XdgEnvironment& environment);

}  // namespace psoas
