#include "commands/programs.hpp"

#include <filesystem>
#include <system_error>

namespace psoas {

std::string own_program() {
  std::error_code error;
  const auto path = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::string("psoas") : path.string();
}

std::string companion_program(std::string_view name) {
  const std::filesystem::path own = own_program();
  std::error_code error;
  const std::filesystem::path beside = own.parent_path() / name;
  if (std::filesystem::is_regular_file(beside, error)) return beside.string();
  return (own.parent_path().parent_path() / PSOAS_INSTALL_LIBEXECDIR / name).string();
}

}  // namespace psoas
