#pragma once

#include <iosfwd>

#include "model/routine.hpp"
#include "plan/timeline.hpp"
#include "run/events.hpp"

namespace psoas {

// One line per segment, with the time elapsed, and no escape codes at all:
// for logs, pipes and screen readers. On a terminal, plain runs read keys
// too (`keys`): the first lines say which, and each key's effect gets a line.
//
//   00:35  Pigeon pose · left · hold 30s
class PlainView final : public RunSink {
 public:
  PlainView(const Routine& routine, const Timeline& timeline, std::ostream& out, bool keys = false);
  void on_event(const RunEvent& event, const RunState& state) override;

 private:
  const Routine& routine_;
  const Timeline& timeline_;
  std::ostream& out_;
  bool keys_;
};

// "00:35", or "1:02:03" past an hour. In seconds: a timeline's times, in
// nanoseconds, would overflow past 292 years (a routine may be that long).
std::string format_elapsed(Seconds elapsed);
inline std::string format_elapsed(Nanos elapsed) {
  return format_elapsed(std::chrono::duration_cast<Seconds>(elapsed));
}

// "Pigeon pose · left · hold 30s (rep 2 of 3)": a segment in words.
std::string describe_segment(const Timeline& timeline, std::size_t segment);

}  // namespace psoas
