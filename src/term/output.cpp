#include "term/output.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

namespace psoas {

OutputInfo describe_output(bool is_terminal, std::optional<int> terminal_width,
                           const OutputEnvironment& environment) {
  OutputInfo info;
  info.is_terminal = is_terminal;
  const bool dumb = environment.term && *environment.term == "dumb";
  info.can_draw = is_terminal && !dumb;
  info.color = info.can_draw && !environment.no_color;
  if (is_terminal && terminal_width && *terminal_width > 0) info.width = *terminal_width;
  return info;
}

std::optional<TerminalSize> terminal_size(int fd) {
  struct winsize size {};
  if (::ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_col == 0 || size.ws_row == 0) return std::nullopt;
  return TerminalSize{size.ws_col, size.ws_row};
}

bool is_terminal(int fd) {
  return ::isatty(fd) == 1;
}

OutputInfo probe_output(int fd, const OutputEnvironment& environment) {
  const bool is_terminal = psoas::is_terminal(fd);
  std::optional<int> width;
  if (is_terminal)
    if (const auto size = terminal_size(fd)) width = size->columns;
  return describe_output(is_terminal, width, environment);
}

}  // namespace psoas
