#include "commands/programs.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "base/version.hpp"

namespace psoas {

std::string binary_identity() {
  struct stat info {};
  if (::stat("/proc/self/exe", &info) != 0) return std::string(kPsoasVersion);
  return fmt::format("{} {} {}.{}", kPsoasVersion, info.st_size, info.st_mtim.tv_sec, info.st_mtim.tv_nsec);
}

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
