#include "commands/run_outputs.hpp"

namespace psoas {

RunOutputs choose_run_outputs(bool plain, bool events, const RunStreams& streams) {
  RunOutputs outputs;
  if (!plain && !events && streams.stdout_can_draw) {
    outputs.screen = RunOutputs::Screen::standard_output;
  } else if (!plain && events && streams.device_can_draw) {
    outputs.screen = RunOutputs::Screen::terminal_device;
  } else {
    outputs.plain = events ? RunOutputs::Plain::standard_error : RunOutputs::Plain::standard_output;
  }
  if (outputs.screen == RunOutputs::Screen::terminal_device) {
    outputs.keys = RunOutputs::Keys::terminal_device;
  } else if (streams.stdin_is_terminal) {
    outputs.keys = RunOutputs::Keys::standard_input;  // plain lines on a terminal read keys too
  } else if (outputs.screen == RunOutputs::Screen::standard_output && streams.device_can_draw) {
    outputs.keys =
        RunOutputs::Keys::terminal_device;  // `< file`: the keys come from the terminal, as less reads them
  }
  return outputs;
}

}  // namespace psoas
