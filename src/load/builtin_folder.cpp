#include "load/builtin_folder.hpp"

#include <system_error>

namespace psoas {
namespace fs = std::filesystem;

fs::path builtin_routines_folder() {
  std::error_code error;
  const fs::path executable = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    // <prefix>/bin/psoas finds <prefix>/share/psoas/routines, wherever the prefix is.
    const fs::path installed = executable.parent_path().parent_path() / PSOAS_INSTALL_DATADIR / "routines";
    if (fs::is_directory(installed, error)) return installed;
  }
  return PSOAS_SOURCE_ROUTINES_DIR;
}

}  // namespace psoas
