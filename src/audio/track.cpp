#include "audio/track.hpp"

#include <fmt/format.h>

namespace psoas {

std::optional<AudioFormat> audio_format_of(const std::filesystem::path& file) {
  std::string extension = file.extension().string();
  for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (extension == ".wav") return AudioFormat::wav;
  if (extension == ".flac") return AudioFormat::flac;
  if (extension == ".ogg" || extension == ".oga") return AudioFormat::ogg;
  if (extension == ".opus") return AudioFormat::opus;
  if (extension == ".mp3") return AudioFormat::mp3;
  return std::nullopt;
}

std::string_view format_name(AudioFormat format) {
  switch (format) {
    case AudioFormat::wav:
      return "WAV";
    case AudioFormat::flac:
      return "FLAC";
    case AudioFormat::ogg:
      return "Ogg Vorbis";
    case AudioFormat::opus:
      return "Ogg Opus";
    case AudioFormat::mp3:
      return "MP3";
  }
  return "";
}

bool has_vorbis_comments(AudioFormat format) {
  return format == AudioFormat::ogg || format == AudioFormat::opus;
}

std::string chapter_time(std::int64_t frame, int rate) {
  const std::int64_t millis = frame * 1000 / rate;
  return fmt::format("{:02}:{:02}:{:02}.{:03}", millis / 3'600'000, millis / 60'000 % 60, millis / 1000 % 60,
                     millis % 1000);
}

}  // namespace psoas
