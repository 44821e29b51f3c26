#include "commands/handoff.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include <fmt/format.h>

#include "base/error.hpp"
#include "commands/programs.hpp"

namespace psoas {
namespace {

[[noreturn]] void hand_to(std::string_view companion, const CommandLine& line, std::string_view what) {
  const std::string program = companion_program(companion);
  std::vector<char*> argv;
  for (const std::string& argument : line.argv) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  std::cout.flush();
  std::cerr.flush();
  execv(program.c_str(), argv.data());
  throw Error(fmt::format("cannot {}: {} does not run ({}); it comes with psoas", what, program,
                          std::strerror(errno)));
}

}  // namespace

const PictureMaker& picture_maker(const CommandLine& line) {
  if (line.pictures) return *line.pictures;
  hand_to("psoas-print", line, "draw pictures");
}

const AudioMaker& audio_maker(const CommandLine& line) {
  if (line.audio) return *line.audio;
  hand_to("psoas-audio", line, "make audio");
}

}  // namespace psoas
