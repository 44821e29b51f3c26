#include "ui/plain_view.hpp"

#include <sstream>

#include <doctest/doctest.h>

#include "run/drive.hpp"
#include "support/fake_run.hpp"
#include "support/routines.hpp"
#include "ui/dry_run.hpp"

using namespace psoas;
using namespace psoas::testing;

namespace {

Routine sample() {
  Routine routine = routine_of(
      "Pigeon",
      {check_step("Warm up"),
       timed_step("Pigeon pose", {.hold = 30, .sides = kBothSides, .reps = 2, .rest = 10, .prepare = 5})});
  routine.cautions = {"Warm up first."};
  return routine;
}

}  // namespace

TEST_CASE("plain lines: one per segment with the elapsed time, cautions first, no escape codes") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  FakeClock clock;
  std::ostringstream out;
  PlainView view(routine, timeline, out);
  ScriptedInput input(clock, {});
  Runner runner(timeline, {0, false, false}, view);
  drive(runner, clock, input);
  CHECK(out.str() ==
        "Pigeon · 2m30s+ · 2 steps\n"
        "! Warm up first.\n"
        "00:00  Warm up · check off (untimed: not waited for)\n"
        "00:00  Pigeon pose · right · get ready 5s\n"
        "00:05  Pigeon pose · right · hold 30s (rep 1 of 2)\n"
        "00:35  Pigeon pose · right · rest 10s\n"
        "00:45  Pigeon pose · right · hold 30s (rep 2 of 2)\n"
        "01:15  Pigeon pose · left · switch sides 5s\n"
        "01:20  Pigeon pose · left · hold 30s (rep 1 of 2)\n"
        "01:50  Pigeon pose · left · rest 10s\n"
        "02:00  Pigeon pose · left · hold 30s (rep 2 of 2)\n"
        "02:30  done\n");
}

TEST_CASE("elapsed time gains hours past the first") {
  CHECK(format_elapsed(std::chrono::seconds(35)) == "00:35");
  CHECK(format_elapsed(std::chrono::seconds(3723)) == "1:02:03");
  // Past 292 years, as nanoseconds would overflow: a routine of 30,000 reps of 24 h holds reaches it.
  CHECK(format_elapsed(std::chrono::seconds(2'880'000LL * 3600)) == "2880000:00:00");
}

TEST_CASE("the dry run lists every segment with its start time and the total") {
  const Routine routine = sample();
  const Timeline timeline = build_timeline(routine);
  CHECK(render_dry_run(routine, timeline, 0) ==
        "Pigeon · 2m30s+ · 2 steps\n"
        "  00:00    1. Warm up · check off\n"
        "  00:00    2. Pigeon pose · right · get ready 5s\n"
        "  00:05       Pigeon pose · right · hold 30s (rep 1 of 2)\n"
        "  00:35       Pigeon pose · right · rest 10s\n"
        "  00:45       Pigeon pose · right · hold 30s (rep 2 of 2)\n"
        "  01:15       Pigeon pose · left · switch sides 5s\n"
        "  01:20       Pigeon pose · left · hold 30s (rep 1 of 2)\n"
        "  01:50       Pigeon pose · left · rest 10s\n"
        "  02:00       Pigeon pose · left · hold 30s (rep 2 of 2)\n"
        "  02:30  total 2m30s+\n");
  CHECK(render_dry_run(routine, timeline, 5)
            .starts_with("Pigeon · 1m15s · 2 steps\n  00:00    2. Pigeon pose · left · switch"));
}
