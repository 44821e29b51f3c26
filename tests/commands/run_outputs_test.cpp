#include "commands/run_outputs.hpp"

#include <doctest/doctest.h>

using namespace psoas;
using Screen = RunOutputs::Screen;
using Keys = RunOutputs::Keys;
using Plain = RunOutputs::Plain;

TEST_CASE("a run's outputs: the screen on a terminal, plain lines otherwise, keys where a terminal is") {
  const RunStreams terminal{true, true, true};
  RunOutputs out = choose_run_outputs(false, false, terminal);
  CHECK(out.screen == Screen::standard_output);
  CHECK(out.keys == Keys::standard_input);
  CHECK(out.plain == Plain::none);

  out = choose_run_outputs(false, false, {true, false, true});  // `< file`: the keys come from the terminal
  CHECK(out.screen == Screen::standard_output);
  CHECK(out.keys == Keys::terminal_device);
  out = choose_run_outputs(false, false, {true, false, false});  // and without one, none
  CHECK(out.keys == Keys::none);

  out = choose_run_outputs(false, false, {false, true, true});  // `| tee`: plain lines
  CHECK(out.screen == Screen::none);
  CHECK(out.plain == Plain::standard_output);

  out = choose_run_outputs(false, true, {false, false, true});  // --events | jq: the screen on /dev/tty
  CHECK(out.screen == Screen::terminal_device);
  CHECK(out.keys == Keys::terminal_device);

  out = choose_run_outputs(false, true, {false, false, false});  // --events without a terminal
  CHECK(out.screen == Screen::none);
  CHECK(out.plain == Plain::standard_error);

  out = choose_run_outputs(true, false, terminal);  // --plain
  CHECK(out.screen == Screen::none);
  CHECK(out.plain == Plain::standard_output);
}
