#include "commands/print_helper.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "base/error.hpp"

namespace psoas {
namespace {

std::filesystem::path print_program() {
  std::error_code error;
  const std::filesystem::path own = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return "psoas-print";
  const std::filesystem::path beside = own.parent_path() / "psoas-print";
  if (std::filesystem::is_regular_file(beside, error)) return beside;
  return own.parent_path().parent_path() / PSOAS_INSTALL_LIBEXECDIR / "psoas-print";
}

}  // namespace

const PictureMaker& picture_maker(const CommandLine& line) {
  if (line.pictures) return *line.pictures;
  const std::filesystem::path program = print_program();
  std::vector<char*> argv;
  for (const std::string& argument : line.argv) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  std::cout.flush();
  std::cerr.flush();
  execv(program.c_str(), argv.data());
  throw Error(fmt::format("cannot draw pictures: {} does not run ({}); it comes with psoas", program.string(),
                          std::strerror(errno)));
}

}  // namespace psoas
