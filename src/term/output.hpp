#pragma once

#include <optional>
#include <string>

namespace psoas {

// The environment variables that decide how output may look.
struct OutputEnvironment {
  bool no_color = false;  // NO_COLOR is set (to anything, per no-color.org)
  std::optional<std::string> term;
};

// What an output stream can show.
struct OutputInfo {
  bool is_terminal = false;
  bool can_draw = false;  // a terminal that takes cursor movement: not TERM=dumb
  bool color = false;
  int width = 80;  // the terminal's columns, or 80 when not a terminal
};

// Colour only on a terminal that is not TERM=dumb, and never with NO_COLOR.
OutputInfo describe_output(bool is_terminal, std::optional<int> terminal_width,
                           const OutputEnvironment& environment);

// Whether `fd` is a terminal.
bool is_terminal(int fd);

// Looks at a file descriptor: isatty, then its window size.
OutputInfo probe_output(int fd, const OutputEnvironment& environment);

// The terminal's size in columns and rows, when `fd` is a terminal that knows it.
struct TerminalSize {
  int columns = 80;
  int rows = 24;
};
std::optional<TerminalSize> terminal_size(int fd);

}  // namespace psoas
