#include "support/background.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <string_view>

namespace psoas::testing {

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& args,
                                     const std::map<std::string, std::string>& env) {
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> env_strings;
  for (const auto& [key, value] : env) env_strings.push_back(key + "=" + value);
  std::vector<char*> argv;
  std::vector<char*> envp;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  for (std::string& entry : env_strings) envp.push_back(entry.data());
  envp.push_back(nullptr);
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    const int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(out[1], 1);
    ::dup2(null, 2);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(out[1]);
  out_ = out[0];
}

BackgroundProcess::~BackgroundProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        break;
      }
      struct timespec pause {
        0, 10'000'000
      };
      ::nanosleep(&pause, nullptr);
    }
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  if (out_ >= 0) ::close(out_);
}

std::optional<std::string> BackgroundProcess::read_line(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (const auto end = buffered_.find('\n'); end != std::string::npos) {
      std::string line = buffered_.substr(0, end);
      buffered_.erase(0, end + 1);
      return line;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now())
            .count();
    if (left <= 0) return std::nullopt;
    pollfd ready{out_, POLLIN, 0};
    if (::poll(&ready, 1, static_cast<int>(left)) <= 0) continue;
    char buffer[4096];
    const ssize_t n = ::read(out_, buffer, sizeof buffer);
    if (n <= 0) return std::nullopt;
    buffered_.append(buffer, static_cast<std::size_t>(n));
  }
}

int kill_processes_with_environment(const std::string& entry) {
  int killed = 0;
  std::error_code error;
  for (const auto& process : std::filesystem::directory_iterator("/proc", error)) {
    const std::string name = process.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    const pid_t pid = std::stoi(name);
    if (pid == ::getpid()) continue;
    const int fd = ::open((process.path() / "environ").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    std::string environment;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
      environment.append(buffer, static_cast<std::size_t>(n));
    ::close(fd);
    std::size_t start = 0;
    while (start < environment.size()) {
      const std::size_t end = environment.find('\0', start);
      if (environment.compare(start, (end == std::string::npos ? environment.size() : end) - start, entry) ==
          0) {
        if (::kill(pid, SIGKILL) == 0) ++killed;
        break;
      }
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  return killed;
}

namespace {

// Whether `pid` is a process that has not yet ended (a zombie has).
bool process_running(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const std::size_t name_end = line.rfind(')');
  return name_end != std::string::npos && name_end + 2 < line.size() && line[name_end + 2] != 'Z';
}

}  // namespace

int remove_faketime_leftovers() {
  int removed = 0;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/dev/shm", error)) {
    const std::string name = entry.path().filename().string();
    std::string_view pid_text;
    for (const std::string_view prefix : {"faketime_shm_", "sem.faketime_sem_"})
      if (name.starts_with(prefix)) pid_text = std::string_view(name).substr(prefix.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string_view::npos) continue;
    if (process_running(static_cast<pid_t>(std::stol(std::string(pid_text))))) continue;
    if (std::filesystem::remove(entry.path(), error)) ++removed;
  }
  return removed;
}

PrivateSessionBus::PrivateSessionBus()
    : daemon_({PSOAS_DBUS_DAEMON, "--session", "--nofork", "--nopidfile", "--print-address=1"},
              {{"PATH", "/usr/bin:/bin"}}) {
  const auto line = daemon_.read_line(std::chrono::seconds(10));
  if (!line) throw std::runtime_error("dbus-daemon did not start");
  address_ = *line;
}

}  // namespace psoas::testing
