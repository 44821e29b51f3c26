#pragma once

#include <sys/types.h>
#include <termios.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/screen.hpp"

namespace psoas::testing {

struct ExitStatus {
  int exit_code = -1;  // -1 when ended by a signal
  int signal = 0;
};

// A program running on a real pseudo-terminal, driven like a person at a keyboard.
class PtyProcess {
 public:
  PtyProcess(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
             int columns = 80, int rows = 24);
  ~PtyProcess();
  PtyProcess(const PtyProcess&) = delete;
  PtyProcess& operator=(const PtyProcess&) = delete;

  void write(std::string_view keys);
  // Reads output until `bytes` appear after `from` (a byte offset), or the timeout.
  bool wait_for(std::string_view bytes, std::chrono::milliseconds timeout, std::size_t from = 0);
  // The same for words a person reads: in the output with its escape
  // sequences taken out, or on a row of the screen written after `from`
  // (a screen painted cell by cell never writes a line whole).
  bool wait_for_text(std::string_view text, std::chrono::milliseconds timeout, std::size_t from = 0);
  // Reads output until the process exits, or the timeout.
  std::optional<ExitStatus> wait_exit(std::chrono::milliseconds timeout);
  void resize(int columns, int rows);
  void send_signal(int signal);
  // The terminal's current mode, as the program left it.
  [[nodiscard]] termios mode() const;
  [[nodiscard]] const std::string& output() const { return output_; }
  // The screen as the output has drawn it so far.
  [[nodiscard]] const ScreenModel& screen() const { return screen_; }
  [[nodiscard]] pid_t pid() const { return pid_; }

 private:
  // Reads what is available within `timeout`; false once the terminal is closed.
  bool read_some(std::chrono::milliseconds timeout);

  int master_ = -1;
  pid_t pid_ = -1;
  std::optional<ExitStatus> status_;
  std::string output_;
  ScreenModel screen_;
};

// `bytes` without their CSI and OSC escape sequences.
std::string strip_escapes(std::string_view bytes);

// The display width of the widest line of `text` (a terminal's \r\n line ends allowed).
std::size_t widest_line(std::string_view text);

// The terminal mode a fresh pseudo-terminal starts in: canonical, echoing.
bool is_cooked(const termios& mode);

}  // namespace psoas::testing
