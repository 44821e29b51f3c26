#pragma once

#include <chrono>
#include <optional>

namespace psoas {

// A key as the runner sees it, decoded from the terminal's bytes.
struct Key {
  enum class Code : unsigned char { character, enter, escape, left, right, up, down, backspace };
  Code code = Code::character;
  char32_t character = 0;  // for Code::character

  static Key of(char32_t c) { return {Code::character, c}; }
  friend bool operator==(const Key&, const Key&) = default;
};

// What can wake the runner besides its own deadlines.
struct InputEvent {
  enum class Kind : unsigned char {
    key,
    resize,     // the terminal changed size
    suspend,    // Ctrl-Z
    resume,     // continued after a stop
    interrupt,  // SIGINT, SIGTERM or SIGHUP: the run must end
  };
  Kind kind = Kind::key;
  Key key;
  int signal = 0;  // for Kind::interrupt

  static InputEvent of_key(Key key) { return {Kind::key, key, 0}; }
  static InputEvent of(Kind kind, int signal = 0) { return {kind, {}, signal}; }
};

// Where input comes from: a terminal, or a script in tests.
class InputSource {
 public:
  virtual ~InputSource() = default;
  // Waits up to `timeout` (forever without one) for input; nullopt when the
  // time is up first.
  virtual std::optional<InputEvent> wait(std::optional<std::chrono::nanoseconds> timeout) = 0;
  // After a `suspend` event: stops the process until it is continued.
  virtual void suspend_process() {}
};

}  // namespace psoas
