#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace psoas::testing {

// A private tmux server running one window, for what only an interactive
// shell can show: job control (Ctrl-Z, fg). A process in an orphaned process
// group ignores Ctrl-Z, so a bare pseudo-terminal cannot test it.
class Tmux {
 public:
  // Starts `command` in a detached 80x24 window; tmux keeps its socket in `folder`.
  Tmux(const std::filesystem::path& folder, const std::map<std::string, std::string>& env,
       const std::string& command);
  ~Tmux();
  Tmux(const Tmux&) = delete;
  Tmux& operator=(const Tmux&) = delete;

  // `keys` as tmux send-keys words: "C-z", "Enter", or literal text with `literal`.
  void send(const std::string& keys, bool literal = false);
  // What the window shows now.
  std::string screen();
  // tmux's formats, such as "#{alternate_on}".
  std::string display(const std::string& format);
  // Polls the screen until it holds `text`.
  bool wait_for(const std::string& text, std::chrono::milliseconds timeout);

 private:
  std::string tmux(std::vector<std::string> args);

  std::map<std::string, std::string> env_;
  std::string socket_;
};

// Whether tmux is installed.
bool have_tmux();

}  // namespace psoas::testing
