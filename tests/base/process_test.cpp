#include "base/process.hpp"

#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>

#include <doctest/doctest.h>

using namespace psoas;
using namespace std::chrono_literals;

namespace {

std::chrono::nanoseconds thread_processor_time() {
  timespec used{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &used);
  return std::chrono::seconds(used.tv_sec) + std::chrono::nanoseconds(used.tv_nsec);
}

}  // namespace

TEST_CASE("a process's age counts the time it ran since it was forked, and never more than has passed") {
  int report[2];
  REQUIRE(::pipe(report) == 0);
  const auto forked = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // Busy for 60 ms of processor time: all of it is part of this child's age.
    while (thread_processor_time() < 60ms) {
    }
    const std::int64_t age = process_age_lower_bound().count();
    const bool written = ::write(report[1], &age, sizeof age) == static_cast<ssize_t>(sizeof age);
    ::_exit(written ? 0 : 1);
  }
  ::close(report[1]);
  std::int64_t age = -1;
  const bool read = ::read(report[0], &age, sizeof age) == static_cast<ssize_t>(sizeof age);
  ::close(report[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  const auto lived = std::chrono::steady_clock::now() - forked;
  REQUIRE(read);
  CHECK(WIFEXITED(status));
  // The kernel's count may lag by a scheduler tick (10 ms at most).
  CHECK(std::chrono::nanoseconds(age) >= 50ms);
  CHECK(std::chrono::nanoseconds(age) <= lived);
}
