#include "commands/print_helper.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include <fmt/format.h>

#include "base/error.hpp"
#include "commands/programs.hpp"

namespace psoas {

const PictureMaker& picture_maker(const CommandLine& line) {
  if (line.pictures) return *line.pictures;
  const std::string program = companion_program("psoas-print");
  std::vector<char*> argv;
  for (const std::string& argument : line.argv) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  std::cout.flush();
  std::cerr.flush();
  execv(program.c_str(), argv.data());
  throw Error(fmt::format("cannot draw pictures: {} does not run ({}); it comes with psoas", program,
                          std::strerror(errno)));
}

}  // namespace psoas
