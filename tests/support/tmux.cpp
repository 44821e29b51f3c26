#include "support/tmux.hpp"

#include <unistd.h>

#include <thread>
#include <vector>

#include "support/process.hpp"

namespace psoas::testing {

namespace {

const char* kTmux = "/usr/bin/tmux";

}  // namespace

bool have_tmux() {
  return ::access(kTmux, X_OK) == 0;
}

Tmux::Tmux(const std::filesystem::path& folder, const std::map<std::string, std::string>& env,
           const std::string& command)
    : env_(env), socket_((folder / "tmux.socket").string()) {
  tmux({"-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", command});
}

Tmux::~Tmux() {
  tmux({"kill-server"});
}

std::string Tmux::tmux(std::vector<std::string> args) {
  ProcessOptions options;
  options.args = {kTmux, "-S", socket_};
  options.args.insert(options.args.end(), args.begin(), args.end());
  options.env = env_;
  options.timeout = std::chrono::seconds(5);
  return run_process(options).out;
}

void Tmux::send(const std::string& keys, bool literal) {
  if (literal) {
    tmux({"send-keys", "-l", keys});
  } else {
    tmux({"send-keys", keys});
  }
}

std::string Tmux::screen() {
  return tmux({"capture-pane", "-p"});
}

std::string Tmux::display(const std::string& format) {
  std::string out = tmux({"display-message", "-p", format});
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

bool Tmux::wait_for(const std::string& text, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (screen().find(text) == std::string::npos) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
  }
  return true;
}

}  // namespace psoas::testing
