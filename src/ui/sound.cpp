#include "ui/sound.hpp"

namespace psoas {

void BellSound::on_event(const RunEvent& event, const RunState& state) {
  const bool segment_change = event.kind == RunEventKind::segment || event.kind == RunEventKind::finished;
  if ((segment_change && state.phase != RunPhase::briefing) || event.kind == RunEventKind::countdown)
    out_.add("\a");
}

}  // namespace psoas
