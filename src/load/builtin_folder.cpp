#include "load/builtin_folder.hpp"

#include <system_error>

namespace psoas {
namespace fs = std::filesystem;

namespace {

// <prefix>/share/psoas for a binary installed as <prefix>/bin/psoas, wherever the prefix is.
std::optional<fs::path> installed_data_folder() {
  std::error_code error;
  const fs::path executable = fs::read_symlink("/proc/self/exe", error);
  if (error) return std::nullopt;
  fs::path folder = executable.parent_path().parent_path() / PSOAS_INSTALL_DATADIR;
  if (!fs::is_directory(folder / "routines", error)) return std::nullopt;
  return folder;
}

}  // namespace

fs::path builtin_routines_folder() {
  if (const auto installed = installed_data_folder()) return *installed / "routines";
  return fs::path(PSOAS_SOURCE_DIR) / "routines";
}

std::optional<fs::path> routine_schema_file() {
  std::error_code error;
  const fs::path file = installed_data_folder()
                            ? *installed_data_folder() / "routine.schema.json"
                            : fs::path(PSOAS_SOURCE_DIR) / "schema" / "routine.schema.json";
  if (!fs::is_regular_file(file, error)) return std::nullopt;
  return file;
}

std::optional<std::string> routine_schema_url() {
  if (const auto schema = routine_schema_file()) {
    std::error_code error;
    return "file://" + fs::absolute(*schema, error).string();
  }
  return std::nullopt;
}

}  // namespace psoas
