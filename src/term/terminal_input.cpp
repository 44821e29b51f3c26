#include "term/terminal_input.hpp"

#include <poll.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>

namespace psoas {
namespace {

// How long a lone ESC waits for the rest of an escape sequence.
constexpr std::chrono::milliseconds kEscapeWait(30);

std::chrono::nanoseconds monotonic_now() {
  timespec ts{};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
}

timespec to_timespec(std::chrono::nanoseconds duration) {
  if (duration < std::chrono::nanoseconds(0)) duration = std::chrono::nanoseconds(0);
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(duration);
  return {static_cast<time_t>(seconds.count()), static_cast<long>((duration - seconds).count())};
}

// Only a pipe or a socket tells poll() that its reader is gone; a file never does.
bool has_reader(int fd) {
  struct stat status {};
  return fd >= 0 && ::fstat(fd, &status) == 0 && (S_ISFIFO(status.st_mode) || S_ISSOCK(status.st_mode));
}

}  // namespace

TerminalInput::TerminalInput(int key_fd, const SignalWatch& signals, TerminalMode* mode, int output_fd)
    : key_fd_(key_fd), output_fd_(has_reader(output_fd) ? output_fd : -1), signals_(signals), mode_(mode) {}

std::optional<InputEvent> TerminalInput::take_signal() {
  if (const int signal = SignalWatch::take_interrupt())
    return InputEvent::of(InputEvent::Kind::interrupt, signal);
  if (SignalWatch::take_suspend()) return InputEvent::of(InputEvent::Kind::suspend);
  if (SignalWatch::take_continue()) return InputEvent::of(InputEvent::Kind::resume);
  if (SignalWatch::take_resize()) return InputEvent::of(InputEvent::Kind::resize);
  return std::nullopt;
}

void TerminalInput::read_keys() {
  char buffer[256];
  const ssize_t n = ::read(key_fd_, buffer, sizeof buffer);
  if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
    key_fd_ = -1;  // the terminal is gone: no more keys
    return;
  }
  if (n < 0) return;
  for (const Key& key : decoder_.feed(std::string_view(buffer, static_cast<std::size_t>(n))))
    queued_.push_back(InputEvent::of_key(key));
}

std::optional<InputEvent> TerminalInput::wait(std::optional<std::chrono::nanoseconds> timeout) {
  const auto deadline = timeout ? std::optional(monotonic_now() + *timeout) : std::nullopt;
  for (;;) {
    if (auto signal = take_signal()) return signal;
    if (!queued_.empty()) {
      const InputEvent event = queued_.front();
      queued_.pop_front();
      return event;
    }
    std::optional<std::chrono::nanoseconds> left;
    if (deadline) left = *deadline - monotonic_now();
    const bool escape_pending = decoder_.pending();
    if (escape_pending && (!left || *left > kEscapeWait)) left = kEscapeWait;
    if (left && *left <= std::chrono::nanoseconds(0) && !escape_pending) return std::nullopt;

    // A negative fd is skipped by poll(); events 0 still reports POLLERR when the reader is gone.
    pollfd fds[2] = {{key_fd_, POLLIN, 0}, {output_fd_, 0, 0}};
    const timespec wait_time = left ? to_timespec(*left) : timespec{};
    const int ready = ::ppoll(fds, 2, left ? &wait_time : nullptr, &signals_.wait_mask());
    if (ready < 0) continue;  // EINTR: a signal, found at the top of the loop
    if (ready == 0) {
      if (escape_pending) {
        for (const Key& key : decoder_.flush()) queued_.push_back(InputEvent::of_key(key));
        continue;
      }
      return std::nullopt;
    }
    if (fds[1].revents & (POLLERR | POLLHUP)) {
      output_fd_ = -1;
      return InputEvent::of(InputEvent::Kind::interrupt, SIGPIPE);
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) read_keys();
  }
}

void TerminalInput::suspend_process() {
  if (mode_) mode_->release();
  SignalWatch::stop_process();
  if (mode_) mode_->reacquire();
}

}  // namespace psoas
