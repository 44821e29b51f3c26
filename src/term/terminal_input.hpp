#pragma once

#include <deque>

#include "run/input.hpp"
#include "term/keys.hpp"
#include "term/signals.hpp"
#include "term/terminal.hpp"

namespace psoas {

// Input from a real terminal: keys from `key_fd` (none when it is -1) and the
// signals of `signals`, waited for together in one ppoll() that sleeps until
// the timeout. Keys are never polled for. When `output_fd` is a pipe or a
// socket, its reader going away ends the wait as SIGPIPE would, at once rather
// than at the next write, which may be minutes away.
class TerminalInput final : public InputSource {
 public:
  TerminalInput(int key_fd, const SignalWatch& signals, TerminalMode* mode, int output_fd = -1);

  std::optional<InputEvent> wait(std::optional<std::chrono::nanoseconds> timeout) override;
  // Puts the terminal back, stops, and takes the terminal over again once continued.
  void suspend_process() override;

 private:
  std::optional<InputEvent> take_signal();
  void read_keys();

  int key_fd_;
  int output_fd_;
  const SignalWatch& signals_;
  TerminalMode* mode_;
  KeyDecoder decoder_;
  std::deque<InputEvent> queued_;
};

}  // namespace psoas
