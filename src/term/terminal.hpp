#pragma once

#include <optional>
#include <string_view>
#include <utility>

namespace psoas {

// The interactive terminal of a run: raw keys without echo and, for a
// screen, the alternate screen, a hidden cursor and a title of psoas's own;
// all undone by restore(). Plain lines take the keys alone.
//
// The terminal's original mode is kept in one place, in terminal.cpp, and
// restore() puts it back idempotently: from the destructor, from `atexit`,
// from a crash-signal handler, from std::terminate, before a suspend, and
// before dying of SIGINT, SIGTERM or SIGHUP.
class TerminalMode {
 public:
  enum class Takeover : unsigned char { keys, screen };

  // Takes over `input_fd` (for keys) and, for a screen, `output_fd`; both
  // must be terminals. Throws Error when the mode cannot be set.
  TerminalMode(int input_fd, int output_fd, Takeover takeover);
  ~TerminalMode();
  TerminalMode(const TerminalMode&) = delete;
  TerminalMode& operator=(const TerminalMode&) = delete;

  // Puts the terminal back as it was, and takes it over again (Ctrl-Z, fg).
  void release();
  void reacquire();
};

// The process's controlling terminal, /dev/tty, opened for reading and
// writing: where the screen goes when standard output carries data.
class TerminalDevice {
 public:
  // Nothing when there is no controlling terminal.
  static std::optional<TerminalDevice> open();
  TerminalDevice(TerminalDevice&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  TerminalDevice& operator=(TerminalDevice&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  TerminalDevice(const TerminalDevice&) = delete;
  ~TerminalDevice();

  [[nodiscard]] int fd() const { return fd_; }

 private:
  explicit TerminalDevice(int fd) : fd_(fd) {}
  int fd_;
};

// Restores the terminal if a run changed it; safe in a signal handler.
void restore_terminal() noexcept;

}  // namespace psoas
