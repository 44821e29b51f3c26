#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

// Listening to a track by computing on its samples: the tests find bells,
// speech and silence themselves instead of trusting what wrote them.
namespace psoas::testing {

struct Samples {
  std::vector<float> values;  // mono
  int rate = 0;
};

// A sound file read back through libsndfile (any format it reads).
Samples read_sound(const std::filesystem::path& file);

// The root mean square of the samples from `from` to `to` (clamped to the track).
double rms(const Samples& sound, std::int64_t from, std::int64_t to);

// The frames where a sound starts out of silence: after at least `quiet_ms`
// below `quiet`, the first sample above it, if one above `loud` follows within 20 ms.
std::vector<std::int64_t> onsets(const Samples& sound, float quiet = 0.01F, float loud = 0.05F,
                                 int quiet_ms = 100);

// The strength of `frequency` in the samples from `from` to `to` (Goertzel), per sample.
double tone_strength(const Samples& sound, std::int64_t from, std::int64_t to, double frequency);

// The comments of an Ogg Vorbis or Ogg Opus file's comment header, "KEY=value"
// each, read with libogg.
std::vector<std::string> ogg_comments(const std::filesystem::path& file);

}  // namespace psoas::testing
