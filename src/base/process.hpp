#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Starting other programs, in one place (as ninja's subprocess-posix.cc):
// posix_spawn, with a clean signal state in the child, whatever the parent's.
namespace psoas {

enum class ChildStreams : unsigned char {
  inherited,  // the child shares the terminal: an editor
  silenced,   // /dev/null for all three: speech, helpers whose output nobody reads
};

// Starts `argv` (argv[0] looked up on PATH when it has no `/`). The child
// starts with no signal blocked and every signal at its default action.
// Nothing when it cannot be started.
std::optional<pid_t> spawn_process(const std::vector<std::string>& argv, ChildStreams streams);

// A child in a session of its own, that outlives its parent, with a pipe
// from its standard output to tell how it is doing; its standard input is
// /dev/null, its standard error the parent's.
struct DetachedChild {
  pid_t pid = -1;
  int report_fd = -1;  // the read end; the caller closes it
};
std::optional<DetachedChild> spawn_detached(const std::vector<std::string>& argv);

// A line from `fd`, without its line break: nothing when none came within
// `timeout`, or the writer closed the pipe first.
std::optional<std::string> read_report_line(int fd, std::chrono::milliseconds timeout);

// Waits for a child to end: its exit status, or 128 + the signal that ended it.
int wait_process(pid_t pid);

// Starts `argv` and waits for it. With `ignore_interrupts`, psoas ignores
// Ctrl-C and Ctrl-\ meanwhile, as a shell does: they are the child's. 127 when
// it cannot be started.
int run_and_wait(const std::vector<std::string>& argv, ChildStreams streams, bool ignore_interrupts);

// Starts `argv` with `input` on its standard input (a pager, say) and waits
// for it; nothing when it cannot be started. A reader that quits early is
// no error.
std::optional<int> run_with_input(const std::vector<std::string>& argv, std::string_view input);

// The path of `program` on $PATH, or nothing.
std::optional<std::string> find_program(const std::string& program);

// How long this process has been running or ready to run since it was
// created, exec and the loader included: its processor time, plus its time
// in a run queue (/proc/self/schedstat) when the kernel tells it. Never more
// than the process's true age, which the kernel gives only to 10 ms. Meant
// to be asked early, from the main thread, before psoas first waits.
std::chrono::nanoseconds process_age_lower_bound();

}  // namespace psoas
