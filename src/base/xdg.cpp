#include "base/xdg.hpp"

namespace psoas {
namespace fs = std::filesystem;

namespace {

std::optional<fs::path> base_folder(const std::optional<std::string>& variable,
                                    const std::optional<std::string>& home, const char* fallback) {
  if (variable && fs::path(*variable).is_absolute()) return fs::path(*variable);
  if (home && !home->empty()) return fs::path(*home) / fallback;
  return std::nullopt;
}

std::optional<fs::path> psoas_folder(std::optional<fs::path> base) {
  if (!base) return std::nullopt;
  return *base / "psoas";
}

}  // namespace

std::optional<fs::path> config_home(const XdgEnvironment& environment) {
  return base_folder(environment.config_home, environment.home, ".config");
}

std::optional<fs::path> config_folder(const XdgEnvironment& environment) {
  return psoas_folder(config_home(environment));
}

std::optional<fs::path> state_folder(const XdgEnvironment& environment) {
  return psoas_folder(base_folder(environment.state_home, environment.home, ".local/state"));
}

std::optional<fs::path> cache_folder(const XdgEnvironment& environment) {
  return psoas_folder(base_folder(environment.cache_home, environment.home, ".cache"));
}

}  // namespace psoas
