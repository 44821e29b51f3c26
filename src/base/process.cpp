#include "base/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include <spawn.h>

namespace psoas {

namespace {

// Spawns with `input_fd`, when given, as the child's standard input, and
// `output_fd` as its standard output; `detached` puts it in a session of its own.
std::optional<pid_t> spawn(const std::vector<std::string>& argv, ChildStreams streams, int input_fd,
                           int output_fd = -1, bool detached = false) {
  if (argv.empty()) return std::nullopt;
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  if (streams == ChildStreams::silenced)
    for (const int fd : {0, 1, 2})
      posix_spawn_file_actions_addopen(&files, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0);
  if (input_fd >= 0) posix_spawn_file_actions_adddup2(&files, input_fd, 0);
  if (output_fd >= 0) posix_spawn_file_actions_adddup2(&files, output_fd, 1);
  // A child that outlives its parent keeps none of the parent's other files:
  // whoever waits for those to close (a pipe's reader) is not kept waiting.
  if (detached) posix_spawn_file_actions_addclosefrom_np(&files, 3);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigset_t all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &all);
  posix_spawnattr_setflags(&attributes, static_cast<short>(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF |
                                                           (detached ? POSIX_SPAWN_SETSID : 0)));

  std::vector<std::string> copies = argv;
  std::vector<char*> pointers;
  for (std::string& arg : copies) pointers.push_back(arg.data());
  pointers.push_back(nullptr);
  pid_t pid = -1;
  const int failed = ::posix_spawnp(&pid, pointers[0], &files, &attributes, pointers.data(), environ);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&files);
  if (failed != 0) return std::nullopt;
  return pid;
}

}  // namespace

std::optional<pid_t> spawn_process(const std::vector<std::string>& argv, ChildStreams streams) {
  return spawn(argv, streams, -1);
}

std::optional<DetachedChild> spawn_detached(const std::vector<std::string>& argv) {
  int report[2];
  if (::pipe2(report, O_CLOEXEC) != 0) return std::nullopt;
  const int null_in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  const auto pid = spawn(argv, ChildStreams::inherited, null_in, report[1], true);
  if (null_in >= 0) ::close(null_in);
  ::close(report[1]);
  if (!pid) {
    ::close(report[0]);
    return std::nullopt;
  }
  return DetachedChild{*pid, report[0]};
}

std::optional<std::string> read_report_line(int fd, std::chrono::milliseconds timeout) {
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now())
            .count();
    if (left <= 0) return std::nullopt;
    pollfd ready{fd, POLLIN, 0};
    const int polled = ::poll(&ready, 1, static_cast<int>(left));
    if (polled < 0 && errno == EINTR) continue;
    if (polled <= 0) return std::nullopt;
    char c = 0;
    const ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return line.empty() ? std::nullopt : std::optional(line);
    if (c == '\n') return line;
    if (line.size() < 4096) line += c;
  }
}

std::optional<int> run_with_input(const std::vector<std::string>& argv, std::string_view input) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return std::nullopt;
  const auto pid = spawn(argv, ChildStreams::inherited, pipe_fds[0]);
  ::close(pipe_fds[0]);
  if (!pid) {
    ::close(pipe_fds[1]);
    return std::nullopt;
  }
  // A pager quit before the end closes the pipe: the write fails, and that is fine.
  struct sigaction ignore {};
  struct sigaction old_pipe {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGPIPE, &ignore, &old_pipe);
  while (!input.empty()) {
    const ssize_t n = ::write(pipe_fds[1], input.data(), input.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    input.remove_prefix(static_cast<std::size_t>(n));
  }
  ::close(pipe_fds[1]);
  const int status = wait_process(*pid);
  ::sigaction(SIGPIPE, &old_pipe, nullptr);
  return status;
}

int wait_process(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return 127;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int run_and_wait(const std::vector<std::string>& argv, ChildStreams streams, bool ignore_interrupts) {
  struct sigaction ignore {};
  struct sigaction old_int {};
  struct sigaction old_quit {};
  if (ignore_interrupts) {
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGINT, &ignore, &old_int);
    ::sigaction(SIGQUIT, &ignore, &old_quit);
  }
  const auto pid = spawn_process(argv, streams);
  const int status = pid ? wait_process(*pid) : 127;
  if (ignore_interrupts) {
    ::sigaction(SIGINT, &old_int, nullptr);
    ::sigaction(SIGQUIT, &old_quit, nullptr);
  }
  return status;
}

std::optional<std::string> find_program(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "/usr/bin:/bin";
  while (!rest.empty()) {
    const auto colon = rest.find(':');
    const std::filesystem::path candidate = std::filesystem::path(rest.substr(0, colon)) / program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

std::chrono::nanoseconds process_age_lower_bound() {
  // The processor time first: asking for it brings the kernel's counts up to date.
  timespec used{};
  if (::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &used) != 0) return std::chrono::nanoseconds(0);
  const auto running = std::chrono::seconds(used.tv_sec) + std::chrono::nanoseconds(used.tv_nsec);
  // schedstat: nanoseconds on a processor, then waiting in a run queue.
  unsigned long long waiting = 0;
  const int fd = ::open("/proc/self/schedstat", O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    char text[128];
    const ssize_t length = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    unsigned long long ran = 0;  // the first field: read, but the processor time above is fresher
    if (length > 0) {
      text[length] = '\0';
      if (std::sscanf(text, "%llu %llu", &ran, &waiting) != 2) waiting = 0;
    }
  }
  return running + std::chrono::nanoseconds(static_cast<std::int64_t>(waiting));
}

}  // namespace psoas
