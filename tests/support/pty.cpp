#include "support/pty.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

#include "base/utf8.hpp"

namespace psoas::testing {

PtyProcess::PtyProcess(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                       int columns, int rows)
    : screen_(static_cast<std::size_t>(columns), static_cast<std::size_t>(rows)) {
  std::vector<std::string> env_strings;
  for (const auto& [key, value] : env) env_strings.push_back(key + "=" + value);
  std::vector<char*> argv, envp;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  for (std::string& entry : env_strings) envp.push_back(entry.data());
  envp.push_back(nullptr);

  winsize size{};
  size.ws_col = static_cast<unsigned short>(columns);
  size.ws_row = static_cast<unsigned short>(rows);
  pid_ = ::forkpty(&master_, nullptr, nullptr, &size);
  if (pid_ < 0) throw std::runtime_error("forkpty failed");
  if (pid_ == 0) {
    // The test process ignores SIGPIPE; the program must start with defaults.
    ::signal(SIGPIPE, SIG_DFL);
    // A test that makes the program crash wants its status, not a core file.
    const rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::fcntl(master_, F_SETFD, FD_CLOEXEC);
}

PtyProcess::~PtyProcess() {
  if (!status_) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  ::close(master_);
}

void PtyProcess::write(std::string_view keys) {
  while (!keys.empty()) {
    const ssize_t n = ::write(master_, keys.data(), keys.size());
    if (n <= 0) return;
    keys.remove_prefix(static_cast<std::size_t>(n));
  }
}

bool PtyProcess::read_some(std::chrono::milliseconds timeout) {
  pollfd fd{master_, POLLIN, 0};
  if (::poll(&fd, 1, static_cast<int>(timeout.count())) <= 0) return true;
  char buffer[65536];
  const ssize_t n = ::read(master_, buffer, sizeof buffer);
  if (n <= 0) return false;  // EIO: the last holder of the terminal's other end is gone
  output_.append(buffer, static_cast<std::size_t>(n));
  screen_.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
  return true;
}

bool PtyProcess::wait_for(std::string_view text, std::chrono::milliseconds timeout, std::size_t from) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (output_.find(text, from) == std::string::npos) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    if (!read_some(left)) return output_.find(text, from) != std::string::npos;
  }
  return true;
}

bool PtyProcess::wait_for_text(std::string_view text, std::chrono::milliseconds timeout, std::size_t from) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (strip_escapes(std::string_view(output_).substr(std::min(from, output_.size()))).find(text) ==
             std::string::npos &&
         !screen_.shows(text, from)) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || !read_some(left)) return false;
  }
  return true;
}

std::string strip_escapes(std::string_view bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] != '\x1b' || i + 1 >= bytes.size()) {
      out += bytes[i];
      continue;
    }
    if (bytes[i + 1] == '[') {  // CSI: up to a final byte in @..~
      i += 2;
      while (i < bytes.size() && (bytes[i] < '@' || bytes[i] > '~')) ++i;
    } else if (bytes[i + 1] == ']') {  // OSC: up to BEL or ST
      i += 2;
      while (i < bytes.size() && bytes[i] != '\a' &&
             !(bytes[i] == '\x1b' && i + 1 < bytes.size() && bytes[i + 1] == '\\'))
        ++i;
      if (i < bytes.size() && bytes[i] == '\x1b') ++i;
    } else {
      ++i;
    }
  }
  return out;
}

std::optional<ExitStatus> PtyProcess::wait_exit(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!status_) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      ExitStatus exit;
      if (WIFEXITED(status)) exit.exit_code = WEXITSTATUS(status);
      if (WIFSIGNALED(status)) exit.signal = WTERMSIG(status);
      status_ = exit;
      // Whatever the program wrote last is still in the terminal's buffer.
      for (pollfd fd{master_, POLLIN, 0}; ::poll(&fd, 1, 0) > 0 && read_some(std::chrono::milliseconds(0));) {
      }
      break;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    read_some(std::min(left, std::chrono::milliseconds(20)));
  }
  return status_;
}

void PtyProcess::resize(int columns, int rows) {
  winsize size{};
  size.ws_col = static_cast<unsigned short>(columns);
  size.ws_row = static_cast<unsigned short>(rows);
  screen_.resize(static_cast<std::size_t>(columns), static_cast<std::size_t>(rows));
  ::ioctl(master_, TIOCSWINSZ, &size);  // the kernel sends SIGWINCH to the foreground group
}

void PtyProcess::send_signal(int signal) {
  ::kill(pid_, signal);
}

termios PtyProcess::mode() const {
  termios mode{};
  ::tcgetattr(master_, &mode);
  return mode;
}

bool is_cooked(const termios& mode) {
  return (mode.c_lflag & ICANON) && (mode.c_lflag & ECHO) && (mode.c_lflag & ISIG);
}

std::size_t widest_line(std::string_view text) {
  std::size_t widest = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    widest = std::max(widest, psoas::display_width(line));
    start = end + 1;
  }
  return widest;
}

}  // namespace psoas::testing
