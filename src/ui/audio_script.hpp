#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/routine.hpp"
#include "plan/timeline.hpp"

// What a guided audio track of a run says and rings, and when: the
// timeline as sound, before any sound is made (psoas(1), AUDIO TRACK).
namespace psoas {

// Which bell: a hold begins; something to get ready for (prepare, rest, a
// checklist step); the sides switch; the routine ends; a tick of the last
// three seconds of a hold.
enum class Tone : std::uint8_t { hold, ready, switch_sides, end, tick };

// Something heard at a moment of the routine.
struct ScriptCue {
  std::int64_t at_ms = 0;  // from the routine's start, the spoken introduction not counted
  std::optional<Tone> tone;
  // What is said, longest first: the first that ends by `until_ms` is said.
  std::vector<std::string> speech;
  // The last of `speech` that is complete (name, side and kind); one said
  // after it, or one cut short, is reported as shortened.
  std::size_t complete = 0;
  std::int64_t until_ms = 0;
  std::optional<std::size_t> segment;  // the timeline segment it begins
};

struct ScriptChapter {
  std::int64_t at_ms = 0;  // from the routine's start
  std::string name;
};

struct AudioScript {
  std::string title;
  std::string introduction;             // the title, the length, the equipment and every caution
  std::vector<ScriptCue> cues;          // in time order
  std::vector<ScriptChapter> chapters;  // a step each
  std::int64_t length_ms = 0;  // the routine's part: the timeline from its first segment, check pauses in
  std::string ending;          // said after the end bell
  std::int64_t ending_ms = 0;  // the time after the routine's end the track goes on for
};

struct ScriptOptions {
  std::size_t first_segment = 0;  // --from
  Seconds check_pause{30};        // how long a checklist step waits in the track
};

// A hold of this length or more has "halfway" said at its middle.
inline constexpr Seconds kHalfwayFrom{60};

AudioScript script_audio(const Routine& routine, const Timeline& timeline, const ScriptOptions& options);

// A duration as it is spoken: "45 seconds", "1 minute", "2 minutes 30 seconds".
std::string spoken_duration(Seconds duration);

}  // namespace psoas
