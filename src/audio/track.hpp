#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// Sound as data, and what makes it: a track file being written, a voice.
// The implementations link espeak-ng and libsndfile, which only psoas-audio
// loads (see library_audio.hpp); everything here is plain.
namespace psoas {

// Every track is mono at this rate: Opus takes it, it holds speech and bells,
// and a whole second is a whole number of samples.
inline constexpr int kTrackRate = 24000;

enum class AudioFormat : std::uint8_t { wav, flac, ogg, opus, mp3 };

// The format a file's extension names (.wav, .flac, .ogg, .opus, .mp3, any case).
std::optional<AudioFormat> audio_format_of(const std::filesystem::path& file);
// "WAV", "FLAC", "Ogg Vorbis", "Ogg Opus", "MP3".
std::string_view format_name(AudioFormat format);
// Whether the format carries Vorbis comments, where chapters are written.
bool has_vorbis_comments(AudioFormat format);

// A chapter: where a step begins, for a player to skip to.
struct Chapter {
  std::int64_t frame = 0;  // at kTrackRate
  std::string name;
};

// "00:01:02.500": a chapter time as the Vorbis chapter extension writes it.
std::string chapter_time(std::int64_t frame, int rate);

// A track being written: samples in order, then commit() puts it in place.
// Destroyed without commit(), it leaves nothing behind.
class TrackFile {
 public:
  TrackFile() = default;
  TrackFile(const TrackFile&) = delete;
  TrackFile& operator=(const TrackFile&) = delete;
  virtual ~TrackFile() = default;

  virtual void write(std::span<const float> samples) = 0;
  // Finishes the file with its chapters (where the format carries them) and
  // puts it in place; returns its size in bytes.
  virtual std::uintmax_t commit(const std::vector<Chapter>& chapters) = 0;
};

// A voice: text to samples at kTrackRate, without the silence around them.
class Speech {
 public:
  Speech() = default;
  Speech(const Speech&) = delete;
  Speech& operator=(const Speech&) = delete;
  virtual ~Speech() = default;

  virtual std::vector<float> say(std::string_view text) = 0;
};

struct VoiceChoice {
  std::string language = "en";  // an espeak-ng voice: a language such as en-gb or de, or a voice's name
  int words_per_minute = 160;
};

// What makes tracks and voices.
class AudioMaker {
 public:
  AudioMaker() = default;
  AudioMaker(const AudioMaker&) = delete;
  AudioMaker& operator=(const AudioMaker&) = delete;
  virtual ~AudioMaker() = default;

  // Throws Error when the voice is not there, naming those that are.
  [[nodiscard]] virtual std::unique_ptr<Speech> voice(const VoiceChoice& choice) const = 0;
  // Throws Error when the file cannot be written or the format is not supported here.
  [[nodiscard]] virtual std::unique_ptr<TrackFile> track(const std::filesystem::path& file,
                                                         AudioFormat format,
                                                         const std::string& title) const = 0;
};

}  // namespace psoas
