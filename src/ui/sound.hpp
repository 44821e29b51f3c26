#pragma once

#include "run/events.hpp"

namespace psoas {

// The terminal bell: once when a segment begins, and a short tick at 3, 2
// and 1 seconds left of a hold.
class BellSound final : public RunSink {
 public:
  explicit BellSound(int fd) : fd_(fd) {}
  void on_event(const RunEvent& event, const RunState& state) override;

 private:
  int fd_;
};

}  // namespace psoas
