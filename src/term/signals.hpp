#pragma once

#include <signal.h>

namespace psoas {

// The signals a run reacts to. Their handlers only record them; the signals
// stay blocked except while the run sleeps in ppoll() with wait_mask(), so
// they wake it up and are handled in the main loop, never in between.
class SignalWatch {
 public:
  // Installs the handlers and blocks the signals, until destroyed. Without
  // `job_control` (no screen to put back), Ctrl-Z and resizes are left alone.
  explicit SignalWatch(bool job_control);
  ~SignalWatch();
  SignalWatch(const SignalWatch&) = delete;
  SignalWatch& operator=(const SignalWatch&) = delete;

  // The mask to sleep with: everything watched let through.
  [[nodiscard]] const sigset_t& wait_mask() const { return wait_mask_; }

  // For work that does not sleep: lets the watched signals in for a moment,
  // then says which interrupt arrived, if one did (as take_interrupt()).
  [[nodiscard]] int poll_interrupt() const;

  // Each returns and clears what arrived since the last call.
  static int take_interrupt();  // SIGINT, SIGTERM, SIGHUP or SIGPIPE, or 0
  static bool take_resize();    // SIGWINCH
  static bool take_suspend();   // SIGTSTP
  static bool take_continue();  // SIGCONT

  // Stops the process as Ctrl-Z would by default, and returns once continued.
  static void stop_process();

  // Ends the process by `signal` with its default action, so that a shell
  // sees it die of the signal (130 for Ctrl-C).
  [[noreturn]] static void die_of(int signal);

 private:
  sigset_t blocked_{};
  sigset_t previous_mask_{};
  sigset_t wait_mask_{};
  struct sigaction previous_[7]{};
};

}  // namespace psoas
