#include "ui/sound.hpp"

#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "plan/timeline.hpp"
#include "run/drive.hpp"
#include "run/runner.hpp"
#include "support/fake_run.hpp"
#include "support/packet_pair.hpp"
#include "support/routines.hpp"
#include "ui/run_screen.hpp"

using namespace psoas;
using namespace psoas::testing;

namespace {

// The bells rung: BELs outside the title's OSC string, which a BEL ends.
long bells_in(std::string_view bytes) {
  long bells = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes.substr(i).starts_with("\x1b]")) {
      i = bytes.find('\a', i);
      if (i == std::string_view::npos) break;
    } else if (bytes[i] == '\a') {
      ++bells;
    }
  }
  return bells;
}

}  // namespace

TEST_CASE("each bell goes out in the same write as the frame of its moment, and the last alone") {
  PacketPair terminal;  // a socket has no size: the screen is 80×24
  const Routine routine = routine_of("Bells", {timed_step("Fold", {.hold = 5})});
  const Timeline timeline = build_timeline(routine);
  WriteBatch out(terminal.fds[0]);
  ScreenView screen(routine, timeline, out, false, true);
  BellSound bell(out);
  SinkList sinks;
  sinks.add(screen);  // as `run` adds them
  sinks.add(bell);
  FakeClock clock;
  ScriptedInput input(clock, {});
  Runner runner(timeline, {.first_segment = 0, .briefing = false, .interactive = true}, sinks);
  drive(runner, clock, input);
  const std::vector<std::string> packets = terminal.all_packets();

  // The hold begins (a bell), ticks at 3, 2 and 1 s left, and ends (a bell, with no frame after it).
  std::vector<std::size_t> rung;
  for (std::size_t i = 0; i < packets.size(); ++i) {
    const long bells = bells_in(packets[i]);
    CHECK(bells <= 1);
    if (bells == 1) rung.push_back(i);
  }
  REQUIRE(rung.size() == 5);
  CHECK(packets.size() == 6);  // a frame for each of the 5 seconds shown, then the end
  for (std::size_t i = 0; i + 1 < rung.size(); ++i) {
    INFO("bell ", i + 1, " in write ", rung[i] + 1);
    CHECK(packets[rung[i]].size() > 1);  // with its frame
    CHECK(packets[rung[i]].find("\x1b[") != std::string::npos);
  }
  CHECK(packets.back() == "\a");
}
