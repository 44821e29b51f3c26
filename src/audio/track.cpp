#include "audio/track.hpp"

#include <utility>

#include <fmt/format.h>

#include "load/suggest.hpp"

namespace psoas {

std::optional<AudioFormat> audio_format_of(const std::filesystem::path& file) {
  const std::string extension = file.extension().string();
  for (const auto& [name, format] :
       {std::pair{".wav", AudioFormat::wav}, std::pair{".flac", AudioFormat::flac},
        std::pair{".ogg", AudioFormat::ogg}, std::pair{".oga", AudioFormat::ogg},
        std::pair{".opus", AudioFormat::opus}, std::pair{".mp3", AudioFormat::mp3}})
    if (equal_ignoring_case(extension, name)) return format;
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
