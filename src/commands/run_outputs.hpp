#pragma once

namespace psoas {

// Where a run shows itself and reads keys, decided from what the streams are.
struct RunOutputs {
  enum class Screen : unsigned char { none, standard_output, terminal_device };
  enum class Keys : unsigned char { none, standard_input, terminal_device };
  enum class Plain : unsigned char { none, standard_output, standard_error };
  Screen screen = Screen::none;
  Keys keys = Keys::none;
  Plain plain = Plain::none;
};

// What each stream can do, as probed.
struct RunStreams {
  bool stdout_can_draw = false;  // a terminal that is not TERM=dumb
  bool stdin_is_terminal = false;
  bool device_can_draw = false;  // /dev/tty is there and can draw
};

// The screen goes to standard output when it is a terminal; with --events
// (JSON lines on standard output) to the terminal itself, or else plain lines
// go to standard error. With --plain, or without a terminal to draw on, a run
// writes plain lines. Keys come from the terminal the screen is on, or from
// standard input when it is a terminal, for plain lines too: a screen reader's
// user pauses as anyone else does.
RunOutputs choose_run_outputs(bool plain, bool events, const RunStreams& streams);

}  // namespace psoas
