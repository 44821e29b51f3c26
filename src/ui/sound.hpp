#pragma once

#include "run/events.hpp"
#include "term/write_batch.hpp"

namespace psoas {

// The terminal bell: once when a segment begins, and a short tick at 3, 2
// and 1 seconds left of a hold. Rung with the frame of the same moment when
// the screen shares its batch.
class BellSound final : public RunSink {
 public:
  explicit BellSound(WriteBatch& out) : out_(out) {}
  void on_event(const RunEvent& event, const RunState& state) override;
  void on_settled(const RunState&) override { out_.flush(); }

 private:
  WriteBatch& out_;
};

}  // namespace psoas
