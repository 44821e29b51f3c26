#include "term/signals.hpp"

#include <poll.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iterator>

namespace psoas {
namespace {

volatile std::sig_atomic_t g_interrupt = 0;
volatile std::sig_atomic_t g_resize = 0;
volatile std::sig_atomic_t g_suspend = 0;
volatile std::sig_atomic_t g_continue = 0;

// SIGPIPE too: output closed under a run (`psoas run … | head`) ends it as a
// signal would, so that the session is still recorded.
constexpr int kWatched[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGWINCH, SIGTSTP, SIGCONT};

void record(int signal) {
  switch (signal) {
    case SIGWINCH:
      g_resize = 1;
      break;
    case SIGTSTP:
      g_suspend = 1;
      break;
    case SIGCONT:
      g_continue = 1;
      break;
    default:
      if (g_interrupt == 0) g_interrupt = signal;
      break;
  }
}

}  // namespace

SignalWatch::SignalWatch(bool job_control) {
  sigemptyset(&blocked_);
  struct sigaction action {};
  action.sa_handler = record;
  sigemptyset(&action.sa_mask);
  for (std::size_t i = 0; i < std::size(kWatched); ++i) {
    const int signal = kWatched[i];
    if (!job_control && (signal == SIGTSTP || signal == SIGCONT || signal == SIGWINCH)) continue;
    sigaddset(&blocked_, signal);
    ::sigaction(signal, &action, &previous_[i]);
  }
  ::sigprocmask(SIG_BLOCK, &blocked_, &previous_mask_);
  wait_mask_ = previous_mask_;
  for (const int signal : kWatched) sigdelset(&wait_mask_, signal);
}

SignalWatch::~SignalWatch() {
  // Ignoring a signal discards it if pending: a write to a closed pipe after
  // the run must not kill psoas as soon as the mask is restored.
  ::signal(SIGPIPE, SIG_IGN);
  for (std::size_t i = 0; i < std::size(kWatched); ++i) {
    const int signal = kWatched[i];
    if (sigismember(&blocked_, signal)) ::sigaction(signal, &previous_[i], nullptr);
  }
  ::sigprocmask(SIG_SETMASK, &previous_mask_, nullptr);
}

namespace {

// Whether a handler set `flag` since the last look, clearing it.
bool take_flag(volatile std::sig_atomic_t& flag) {
  const bool set = flag != 0;
  flag = 0;
  return set;
}

}  // namespace

int SignalWatch::poll_interrupt() const {
  const struct timespec now {};
  ::ppoll(nullptr, 0, &now, &wait_mask_);
  return take_interrupt();
}

int SignalWatch::take_interrupt() {
  const int signal = g_interrupt;
  g_interrupt = 0;
  return signal;
}

bool SignalWatch::take_resize() {
  return take_flag(g_resize);
}

bool SignalWatch::take_suspend() {
  return take_flag(g_suspend);
}

bool SignalWatch::take_continue() {
  return take_flag(g_continue);
}

void SignalWatch::stop_process() {
  struct sigaction ours {};
  struct sigaction fallback {};
  fallback.sa_handler = SIG_DFL;
  sigemptyset(&fallback.sa_mask);
  ::sigaction(SIGTSTP, &fallback, &ours);
  sigset_t tstp;
  sigemptyset(&tstp);
  sigaddset(&tstp, SIGTSTP);
  ::raise(SIGTSTP);  // pending while blocked: unblocking delivers it, and we stop here
  ::sigprocmask(SIG_UNBLOCK, &tstp, nullptr);
  // Continued: watch Ctrl-Z again.
  ::sigprocmask(SIG_BLOCK, &tstp, nullptr);
  ::sigaction(SIGTSTP, &ours, nullptr);
  g_continue = 0;
}

void SignalWatch::die_of(int signal) {
  ::signal(signal, SIG_DFL);
  sigset_t only;
  sigemptyset(&only);
  sigaddset(&only, signal);
  ::raise(signal);
  ::sigprocmask(SIG_UNBLOCK, &only, nullptr);
  // A signal whose default is not to die (it should not happen) ends with 128+n.
  std::_Exit(128 + signal);
}

}  // namespace psoas
