#include "support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <stdexcept>

namespace psoas::testing {
namespace {

void make_pipe(int fds[2]) {
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
}

}  // namespace

ProcessResult run_process(const ProcessOptions& options) {
  int in[2], out[2], err[2];
  make_pipe(in);
  make_pipe(out);
  make_pipe(err);

  std::vector<std::string> env_strings;
  for (const auto& [key, value] : options.env) env_strings.push_back(key + "=" + value);
  std::vector<char*> argv, envp;
  for (const std::string& arg : options.args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  for (std::string& entry : env_strings) envp.push_back(entry.data());
  envp.push_back(nullptr);

  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    if (options.cwd && ::chdir(options.cwd->c_str()) != 0) ::_exit(126);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);

  ProcessResult result;
  std::size_t written = 0;
  int input_fd = in[1];
  if (options.input.empty()) {
    ::close(input_fd);
    input_fd = -1;
  } else {
    ::fcntl(input_fd, F_SETFL, O_NONBLOCK);
  }
  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  bool out_open = true, err_open = true;
  int status = 0;
  bool reaped = false;
  while (out_open || err_open) {
    // A child that left a process of its own holding the pipes (psoas nudge's
    // helper) has ended once it exits: read what it wrote, and stop there.
    if (!reaped && ::waitpid(pid, &status, WNOHANG) == pid) {
      reaped = true;
      for (int* fd : {&out[0], &err[0]}) ::fcntl(*fd, F_SETFL, O_NONBLOCK);
    }
    std::vector<pollfd> fds;
    if (out_open) fds.push_back({out[0], POLLIN, 0});
    if (err_open) fds.push_back({err[0], POLLIN, 0});
    if (input_fd >= 0) fds.push_back({input_fd, POLLOUT, 0});
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = !reaped;
      if (!reaped) ::kill(pid, SIGKILL);
      break;
    }
    const int ready =
        ::poll(fds.data(), fds.size(), reaped ? 0 : static_cast<int>(std::min<long>(left.count(), 20)));
    if (ready < 0) continue;
    if (ready == 0 && reaped) break;
    for (const pollfd& fd : fds) {
      if (fd.revents == 0) continue;
      if (fd.fd == input_fd) {
        const ssize_t n = ::write(input_fd, options.input.data() + written, options.input.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if (n < 0 || written == options.input.size()) {
          ::close(input_fd);
          input_fd = -1;
        }
        continue;
      }
      char buffer[65536];
      const ssize_t n = ::read(fd.fd, buffer, sizeof buffer);
      std::string& sink = fd.fd == out[0] ? result.out : result.err;
      if (n > 0) {
        sink.append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EAGAIN) {
        (fd.fd == out[0] ? out_open : err_open) = false;
      }
    }
  }
  if (input_fd >= 0) ::close(input_fd);
  ::close(out[0]);
  ::close(err[0]);
  if (!reaped) ::waitpid(pid, &status, 0);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

std::map<std::string, std::string> clean_environment(const std::filesystem::path& home,
                                                     std::map<std::string, std::string> extra) {
  std::map<std::string, std::string> env = {
      {"PATH", "/usr/local/bin:/usr/bin:/bin"}, {"HOME", home.string()}, {"LANG", "C.UTF-8"}};
  for (auto& [key, value] : extra) env[key] = std::move(value);
  return env;
}

ProcessResult run_psoas(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                        const std::string& input) {
  ProcessOptions options;
  options.args.push_back(PSOAS_BINARY);
  options.args.insert(options.args.end(), args.begin(), args.end());
  options.env = env;
  options.input = input;
  return run_process(options);
}

}  // namespace psoas::testing
