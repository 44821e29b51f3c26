#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "audio/track.hpp"
#include "ui/audio_script.hpp"

namespace psoas {

// Speech that did not fit before the next sound.
struct ShortenedSpeech {
  std::size_t segment = 0;  // in the timeline
  std::string said;         // what was said instead of the whole
  bool cut = false;         // even the shortest did not fit: it was cut off
};

struct TrackReport {
  std::int64_t frames = 0;               // the whole track's length
  std::int64_t introduction_frames = 0;  // where the routine's part begins: a whole second
  std::vector<Chapter> chapters;         // "Before you start", then a chapter per step
  std::vector<ShortenedSpeech> shortened;
};

// Speech begins this long after its bell is struck, clear of the strike.
inline constexpr std::int64_t kSpeechAfterBellMs = 350;

// Told how far the track is (frames written, frames in all); returns false to stop.
using TrackProgress = std::function<bool(std::int64_t done, std::int64_t total)>;

// Writes the track the script describes to `track`, in order and in blocks, so
// that memory does not grow with its length: the spoken introduction, then
// every cue at its exact frame (introduction + at_ms × rate), then the ending.
// Returns nothing when `progress` stopped it; commit() is the caller's.
std::optional<TrackReport> render_track(const AudioScript& script, Speech& speech, TrackFile& track,
                                        const TrackProgress& progress);

// "[#######.............]  35%  7:00 of 20:00": how far a track is made, in `width` columns at most.
std::string progress_line(std::int64_t done, std::int64_t total, std::size_t width);

// "12.3 MB", "845 kB", "512 bytes".
std::string file_size_text(std::uintmax_t bytes);

}  // namespace psoas
