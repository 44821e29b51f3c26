#pragma once

#include <sys/types.h>
#include <time.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace psoas::testing {

// A program running beside a test (a bus, a stand-in service), stopped with
// SIGTERM, then SIGKILL, when the test is done with it. Its standard output
// is a pipe the test can read lines from; its standard error is discarded.
class BackgroundProcess {
 public:
  BackgroundProcess(const std::vector<std::string>& args, const std::map<std::string, std::string>& env);
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  // The next line it writes, or nothing within `timeout`.
  std::optional<std::string> read_line(std::chrono::milliseconds timeout);
  [[nodiscard]] pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string buffered_;
};

// A private D-Bus session bus, and its address.
class PrivateSessionBus {
 public:
  PrivateSessionBus();
  [[nodiscard]] const std::string& address() const { return address_; }

 private:
  BackgroundProcess daemon_;
  std::string address_;
};

// Ends (SIGKILL) every process of ours whose environment holds `entry`
// ("NAME=value"): what a test started that outlived it, such as a helper in a
// session of its own. Returns how many there were.
int kill_processes_with_environment(const std::string& entry);

// libfaketime names the shared memory and semaphore that keep one fake clock
// for a process and its children after the process that made them
// (/dev/shm/faketime_shm_PID, sem.faketime_sem_PID), and leaves them behind
// when that process is killed; `faketime` then fails in any later process
// that gets the same pid. Removes those whose process is gone; returns how many.
int remove_faketime_leftovers();

// Polls `condition` every 20 ms until it holds or `timeout` passes.
template <class Condition>
bool eventually(Condition condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    struct timespec pause {
      0, 20'000'000
    };
    ::nanosleep(&pause, nullptr);
  }
  return true;
}

}  // namespace psoas::testing
