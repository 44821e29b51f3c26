#pragma once

#include <stdexcept>
#include <string>

namespace psoas {

// Every exit status psoas uses (signals aside: a run ended by a signal dies of it).
enum class ExitCode : int {
  ok = 0,
  failure = 1,  // a routine that is invalid or not found, or a failed action
  usage = 2,    // a bad command line
  quit = 3,     // a run was quit before its end
};

// The one exception type psoas throws; caught once, in run_cli().
class Error : public std::runtime_error {
 public:
  // An empty message means the details were already printed.
  explicit Error(std::string message, ExitCode code = ExitCode::failure)
      : std::runtime_error(std::move(message)), code_(code) {}

  [[nodiscard]] ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

}  // namespace psoas
