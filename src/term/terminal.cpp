#include "term/terminal.hpp"

#include <fcntl.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>

#include "base/error.hpp"
#include "base/files.hpp"

namespace psoas {
namespace {

// Enter: save the title, alternate screen, hide the cursor, reset colours.
constexpr std::string_view kEnterScreen = "\x1b[22;0t\x1b[?1049h\x1b[?25l\x1b[0m\x1b[H\x1b[2J";
// Leave: reset colours, show the cursor, main screen, restore the title.
constexpr std::string_view kLeaveScreen = "\x1b[0m\x1b[?25h\x1b[?1049l\x1b[23;0t";

// The one copy of the terminal's original state. Plain globals: a signal
// handler reads them.
struct SavedTerminal {
  int input_fd = -1;
  int output_fd = -1;
  bool screen = false;  // the alternate screen was entered too
  termios mode{};
  std::atomic<bool> changed{false};
};
SavedTerminal g_saved;

bool g_handlers_installed = false;

constexpr int kCrashSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};

void on_crash(int signal) {
  restore_terminal();
  // SA_RESETHAND put the default action back: dying of the signal again
  // gives the core dump and the status the crash deserves.
  ::raise(signal);
}

void on_terminate() {
  restore_terminal();
  std::abort();
}

void install_last_resorts() {
  if (g_handlers_installed) return;
  g_handlers_installed = true;
  std::atexit([] { restore_terminal(); });
  std::set_terminate(on_terminate);
  struct sigaction action {};
  action.sa_handler = on_crash;
  action.sa_flags = static_cast<int>(SA_RESETHAND | SA_NODEFER);
  sigemptyset(&action.sa_mask);
  for (const int signal : kCrashSignals) ::sigaction(signal, &action, nullptr);
}

void take_over() {
  termios raw = g_saved.mode;
  // Keys arrive one at a time without echo. ISIG stays on, so Ctrl-C and
  // Ctrl-Z are signals; OPOST stays on, so "\n" still starts a line.
  raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | IEXTEN);
  raw.c_iflag &= ~static_cast<tcflag_t>(IXON | ICRNL);
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;
  if (::tcsetattr(g_saved.input_fd, TCSAFLUSH, &raw) != 0)
    throw Error(std::string("cannot set the terminal's mode: ") + std::strerror(errno));
  g_saved.changed = true;
  if (g_saved.screen) write_all(g_saved.output_fd, kEnterScreen);
}

}  // namespace

void restore_terminal() noexcept {
  // exchange() makes this idempotent, even when a signal interrupts it.
  if (!g_saved.changed.exchange(false)) return;
  if (g_saved.screen) write_all(g_saved.output_fd, kLeaveScreen);
  ::tcsetattr(g_saved.input_fd, TCSAFLUSH, &g_saved.mode);
}

std::optional<TerminalDevice> TerminalDevice::open() {
  const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return std::nullopt;
  if (::isatty(fd) != 1) {
    ::close(fd);
    return std::nullopt;
  }
  return TerminalDevice(fd);
}

TerminalDevice::~TerminalDevice() {
  if (fd_ >= 0) ::close(fd_);
}

TerminalMode::TerminalMode(int input_fd, int output_fd, Takeover takeover) {
  install_last_resorts();
  if (::tcgetattr(input_fd, &g_saved.mode) != 0)
    throw Error(std::string("cannot read the terminal's mode: ") + std::strerror(errno));
  g_saved.input_fd = input_fd;
  g_saved.output_fd = output_fd;
  g_saved.screen = takeover == Takeover::screen;
  take_over();
}

TerminalMode::~TerminalMode() {
  restore_terminal();
}

void TerminalMode::release() {
  restore_terminal();
}

void TerminalMode::reacquire() {
  take_over();
}

}  // namespace psoas
