#include <algorithm>
#include <array>
#include <filesystem>

#include <doctest/doctest.h>

#include "audio/cue_sheet.hpp"
#include "audio/library_audio.hpp"
#include "audio/tones.hpp"
#include "audio/track.hpp"
#include "base/error.hpp"
#include "support/listening.hpp"
#include "support/temp_dir.hpp"

using namespace psoas;
using namespace psoas::testing;

namespace {

// Half a second of silence, then a 440 Hz bell, `seconds` times over.
std::vector<float> beeps(int seconds) {
  std::vector<float> out;
  for (int s = 0; s < seconds; ++s) {
    out.resize(out.size() + kTrackRate / 2);
    const std::vector<float> one = bell(440, kTrackRate);
    out.insert(out.end(), one.begin(), one.begin() + kTrackRate / 2);
  }
  return out;
}

std::size_t files_in(const std::filesystem::path& folder) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++count;
  return count;
}

}  // namespace

TEST_CASE("the format comes from the extension, in any case") {
  CHECK(audio_format_of("a/b.ogg") == AudioFormat::ogg);
  CHECK(audio_format_of("B.OPUS") == AudioFormat::opus);
  CHECK(audio_format_of("x.Mp3") == AudioFormat::mp3);
  CHECK(audio_format_of("x.flac") == AudioFormat::flac);
  CHECK(audio_format_of("x.wav") == AudioFormat::wav);
  CHECK_FALSE(audio_format_of("x.aiff"));
  CHECK_FALSE(audio_format_of("ogg"));
  CHECK(chapter_time(0, kTrackRate) == "00:00:00.000");
  CHECK(chapter_time(kTrackRate * 3723 + kTrackRate / 2, kTrackRate) == "01:02:03.500");
}

TEST_CASE("a bell rings at its pitch and dies away, and a tick is short") {
  const std::vector<float> rung = bell(880, kTrackRate);
  const Samples sound{rung, kTrackRate};
  CHECK(tone_strength(sound, 0, kTrackRate / 10, 880) > 10 * tone_strength(sound, 0, kTrackRate / 10, 660));
  CHECK(rms(sound, 0, kTrackRate / 20) > 20 * rms(sound, kTrackRate / 2, kTrackRate * 6 / 10));
  CHECK(tick(1320, kTrackRate).size() == static_cast<std::size_t>(kTrackRate / 25));
  const std::vector<float> two = chime(std::array{660.0, 990.0}, 0.2, kTrackRate);
  const Samples chimed{two, kTrackRate};
  const auto second = static_cast<std::int64_t>(0.2 * kTrackRate);
  CHECK(tone_strength(chimed, 0, second, 660) > 5 * tone_strength(chimed, 0, second, 990));
  CHECK(tone_strength(chimed, second, second + kTrackRate / 10, 990) >
        tone_strength(chimed, 0, second, 990) * 5);
}

TEST_CASE("a cue sheet has a track per chapter at its time in 1/75 s frames") {
  const std::vector<Chapter> chapters{{0, "Before you start"},
                                      {kTrackRate * 65 + kTrackRate / 75 * 3, "1. \"Pigeon\""}};
  CHECK(cue_sheet("Hips", "hips.ogg", AudioFormat::ogg, chapters, kTrackRate) ==
        "PERFORMER \"psoas\"\nTITLE \"Hips\"\nFILE \"hips.ogg\" WAVE\n"
        "  TRACK 01 AUDIO\n    TITLE \"Before you start\"\n    INDEX 01 00:00:00\n"
        "  TRACK 02 AUDIO\n    TITLE \"1. 'Pigeon'\"\n    INDEX 01 01:05:03\n");
  CHECK(cue_sheet("Hips", "hips.mp3", AudioFormat::mp3, {}, kTrackRate).find("FILE \"hips.mp3\" MP3\n") !=
        std::string::npos);
}

TEST_CASE(
    "every format written reads back through libsndfile at its length, the Ogg ones with their chapters") {
  TempDir dir;
  const LibraryAudio audio;
  const std::vector<float> samples = beeps(3);
  const std::vector<Chapter> chapters{{0, "Before you start"}, {kTrackRate * 2, "1. Pigeon pose"}};
  for (const AudioFormat format :
       {AudioFormat::wav, AudioFormat::flac, AudioFormat::ogg, AudioFormat::opus, AudioFormat::mp3}) {
    CAPTURE(format_name(format));
    if (!library_writes(format)) {
      CHECK(format == AudioFormat::mp3);  // only MP3 may be missing from a libsndfile
      continue;
    }
    const auto file =
        dir.path() / (std::string("track.") + std::string(format == AudioFormat::ogg    ? "ogg"
                                                          : format == AudioFormat::opus ? "opus"
                                                          : format == AudioFormat::mp3  ? "mp3"
                                                          : format == AudioFormat::flac ? "flac"
                                                                                        : "wav"));
    const auto track = audio.track(file, format, "Pigeon");
    track->write(samples);
    CHECK_FALSE(std::filesystem::exists(file));  // in place only once committed
    const std::uintmax_t size = track->commit(chapters);
    CHECK(size == std::filesystem::file_size(file));
    const Samples back = read_sound(file);
    CHECK(back.rate == kTrackRate);
    // Lossy codecs may pad the end by a frame's worth; never lose any.
    CHECK(back.values.size() >= samples.size());
    CHECK(back.values.size() <= samples.size() + (format == AudioFormat::mp3 ? 2400U : 0U));
    // Every bell where it was: to 5 ms, or 10 ms where a lossy codec's pre-echo
    // smears its attack back in time.
    const bool lossless = format == AudioFormat::wav || format == AudioFormat::flac;
    const auto found = onsets(back);
    REQUIRE(found.size() == 3);
    for (std::size_t i = 0; i < 3; ++i)
      CHECK(std::abs(found[i] - (kTrackRate / 2 + kTrackRate * std::int64_t(i))) <=
            kTrackRate / (lossless ? 200 : 100));
    if (has_vorbis_comments(format)) {
      const std::vector<std::string> comments = ogg_comments(file);
      CHECK(std::find(comments.begin(), comments.end(), "CHAPTER001=00:00:00.000") != comments.end());
      CHECK(std::find(comments.begin(), comments.end(), "CHAPTER001NAME=Before you start") != comments.end());
      CHECK(std::find(comments.begin(), comments.end(), "CHAPTER002=00:00:02.000") != comments.end());
      CHECK(std::find(comments.begin(), comments.end(), "CHAPTER002NAME=1. Pigeon pose") != comments.end());
    }
  }
  CHECK(files_in(dir.path()) == (library_writes(AudioFormat::mp3) ? 5U : 4U));  // no temporary left
}

TEST_CASE("a track never committed leaves nothing, and a missing folder is an error before anything is written") {
  TempDir dir;
  const LibraryAudio audio;
  {
    const auto track = audio.track(dir.path() / "gone.ogg", AudioFormat::ogg, "x");
    track->write(beeps(1));
  }
  CHECK(files_in(dir.path()) == 0);
  CHECK_THROWS_WITH_AS(static_cast<void>(audio.track(dir.path() / "no" / "x.wav", AudioFormat::wav, "x")),
                       doctest::Contains("the folder"), Error);
  CHECK(files_in(dir.path()) == 0);
}

TEST_CASE("espeak-ng speaks a known voice and refuses one it lacks, naming close ones") {
  const LibraryAudio audio;
  std::vector<float> said;
  {
    const auto voice = audio.voice({"en-gb", 175});
    said = voice->say("Pigeon pose. Right side.");
  }
  const Samples sound{said, kTrackRate};
  CHECK(said.size() > static_cast<std::size_t>(kTrackRate / 2));  // words, not a click
  CHECK(said.size() < static_cast<std::size_t>(kTrackRate * 4));
  CHECK(std::abs(said.front()) > 0.0F);  // the silence around the words is trimmed
  CHECK(rms(sound, 0, static_cast<std::int64_t>(said.size())) > 0.02);
  const std::vector<float> faster = audio.voice({"en-gb", 350})->say("Pigeon pose. Right side.");
  CHECK(faster.size() < said.size() * 3 / 4);
  CHECK_THROWS_WITH_AS(static_cast<void>(audio.voice({"en-gx", 160})), doctest::Contains("did you mean"),
                       Error);
  CHECK_THROWS_WITH_AS(static_cast<void>(audio.voice({"klingon", 160})),
                       doctest::Contains("no voice for `klingon`"), Error);
  const std::vector<float> german = audio.voice({"de", 160})->say("Taube.");
  CHECK_FALSE(german.empty());
}
