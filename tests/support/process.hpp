#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace psoas::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
  bool timed_out = false;
  std::string out;
  std::string err;
};

struct ProcessOptions {
  std::vector<std::string> args;              // args[0] is the program
  std::map<std::string, std::string> env;     // the whole environment
  std::string input;                          // written to standard input, then closed
  std::chrono::milliseconds timeout{10'000};  // then the process is killed
  std::optional<std::filesystem::path> cwd;
};

// Runs a program with pipes for its three standard streams.
ProcessResult run_process(const ProcessOptions& options);

// The environment the end-to-end tests give psoas: nothing from the caller's,
// a HOME inside `home`, and the extra variables given.
std::map<std::string, std::string> clean_environment(const std::filesystem::path& home,
                                                     std::map<std::string, std::string> extra = {});

// Runs the built psoas binary.
ProcessResult run_psoas(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                        const std::string& input = "");

}  // namespace psoas::testing
