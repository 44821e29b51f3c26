#pragma once

#include "audio/track.hpp"

namespace psoas {

// Tracks written with libsndfile and voices from the espeak-ng library,
// speech resampled to kTrackRate with libsamplerate. Linked only into
// psoas-audio, which psoas hands `export --audio` to.
class LibraryAudio final : public AudioMaker {
 public:
  [[nodiscard]] std::unique_ptr<Speech> voice(const VoiceChoice& choice) const override;
  [[nodiscard]] std::unique_ptr<TrackFile> track(const std::filesystem::path& file, AudioFormat format,
                                                 const std::string& title) const override;
};

// Whether the libsndfile in use writes `format` (MP3 only from 1.1, built with LAME).
bool library_writes(AudioFormat format);

}  // namespace psoas
