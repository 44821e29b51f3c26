#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "base/xdg.hpp"
#include "load/search_path.hpp"
#include "run/clock.hpp"
#include "term/output.hpp"

namespace psoas {

// Everything psoas reads from its environment variables, read once, in one
// place; tests give their own.
struct Environment {
  std::optional<std::string> home;
  std::optional<std::string> psoas_path;
  std::optional<std::string> xdg_config_home;
  std::optional<std::string> xdg_state_home;
  std::optional<std::string> xdg_cache_home;
  std::optional<std::string> visual;
  std::optional<std::string> editor;
  std::optional<std::string> pager;
  std::optional<std::string> no_color;
  std::optional<std::string> term;
  std::optional<std::string> columns;              // COLUMNS: the width a card written to a file takes
  std::optional<std::string> psoas_terminal;       // PSOAS_TERMINAL: what runs a routine from a reminder
  std::optional<std::string> session_bus_address;  // DBUS_SESSION_BUS_ADDRESS
  std::optional<std::string> xdg_runtime_dir;      // XDG_RUNTIME_DIR
  std::optional<Instant> launched;                 // when psoas started, on the monotonic clock

  // The process's own environment.
  static Environment of_process();

  [[nodiscard]] XdgEnvironment xdg() const;
  // $PSOAS_PATH, the user's folder, then the built-ins.
  [[nodiscard]] SearchPath search_path() const;
  // $XDG_STATE_HOME/psoas/history.db, or ~/.local/state/psoas/history.db.
  [[nodiscard]] std::optional<std::filesystem::path> history_file() const;
  // $XDG_CACHE_HOME/psoas/list.json, or ~/.cache/psoas/list.json.
  [[nodiscard]] std::optional<std::filesystem::path> list_cache_file() const;
  // $XDG_CACHE_HOME/psoas/reminders.json: the reminders as `today` last read them.
  [[nodiscard]] std::optional<std::filesystem::path> reminders_cache_file() const;
  // $XDG_CONFIG_HOME/psoas/reminders.yaml, or ~/.config/psoas/reminders.yaml.
  [[nodiscard]] std::optional<std::filesystem::path> reminders_file() const;
  // $XDG_STATE_HOME/psoas/reminders.json: what nudge and the buttons did.
  [[nodiscard]] std::optional<std::filesystem::path> remind_state_file() const;
  // $XDG_STATE_HOME/psoas/plan.json: the plan the person is on.
  [[nodiscard]] std::optional<std::filesystem::path> plan_state_file() const;
  // $XDG_CONFIG_HOME/systemd/user, or ~/.config/systemd/user: where user units go.
  [[nodiscard]] std::optional<std::filesystem::path> systemd_user_folder() const;
  // $VISUAL, then $EDITOR, then vi, as crontab and git choose.
  [[nodiscard]] std::string editor_command() const;
  // NO_COLOR (to anything but empty, per no-color.org) and TERM.
  [[nodiscard]] OutputEnvironment output() const;
};

}  // namespace psoas
