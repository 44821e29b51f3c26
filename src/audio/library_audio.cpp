#include "audio/library_audio.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>

#include <espeak-ng/speak_lib.h>
#include <fmt/format.h>
#include <samplerate.h>
#include <sndfile.h>

#include "audio/ogg_comments.hpp"
#include "base/error.hpp"
#include "base/files.hpp"
#include "base/version.hpp"
#include "load/suggest.hpp"

namespace psoas {
namespace {

int sndfile_format(AudioFormat format) {
  switch (format) {
    case AudioFormat::wav:
      return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    case AudioFormat::flac:
      return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    case AudioFormat::ogg:
      return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    case AudioFormat::opus:
      return SF_FORMAT_OGG | SF_FORMAT_OPUS;
    case AudioFormat::mp3:
      return SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;
  }
  return 0;
}

SF_INFO track_info(AudioFormat format) {
  SF_INFO info{};
  info.samplerate = kTrackRate;
  info.channels = 1;
  info.format = sndfile_format(format);
  return info;
}

// Speech is quieter than the bells' peak, and never clips with one ringing under it.
constexpr float kSpeechGain = 0.8F;
// Quieter than this, a sample is the silence around the words.
constexpr float kSilence = 0.004F;

// espeak-ng, started once per process and stopped at its exit: started a
// second time after espeak_Terminate(), version 1.51 hangs in its next
// espeak_Terminate(). Returns the rate it speaks at.
int espeak_rate() {
  struct Session {
    int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
    Session() = default;
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    ~Session() {
      if (rate > 0) espeak_Terminate();
    }
  };
  static const Session session;
  if (session.rate <= 0)
    throw Error("espeak-ng cannot start: its voices are missing (apt-get install espeak-ng-data)");
  return session.rate;
}

class EspeakSpeech final : public Speech {
 public:
  explicit EspeakSpeech(const VoiceChoice& choice) : rate_(espeak_rate()) {
    espeak_SetSynthCallback(&EspeakSpeech::collect);
    choose_voice(choice.language);
    espeak_SetParameter(espeakRATE, choice.words_per_minute, 0);
    resampler_ = src_new(SRC_SINC_FASTEST, 1, &resampler_error_);
    if (!resampler_) throw Error(fmt::format("cannot resample speech: {}", src_strerror(resampler_error_)));
  }
  ~EspeakSpeech() override { src_delete(resampler_); }
  EspeakSpeech(const EspeakSpeech&) = delete;
  EspeakSpeech& operator=(const EspeakSpeech&) = delete;

  std::vector<float> say(std::string_view text) override {
    std::vector<short>& samples = collected();
    samples.clear();
    const std::string copy(text);
    espeak_Synth(copy.c_str(), copy.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
    // Only the words, without the silence around them; a long introduction is
    // minutes of speech, so no more copies are kept than needed.
    const auto loud = [](short sample) {
      return std::abs(static_cast<float>(sample) / 32768.0F * kSpeechGain) > kSilence;
    };
    const auto first = std::find_if(samples.begin(), samples.end(), loud);
    const auto last = std::find_if(samples.rbegin(), samples.rend(), loud).base();
    std::vector<float> spoken;
    if (first < last) {
      spoken.reserve(static_cast<std::size_t>(last - first));
      for (auto it = first; it != last; ++it)
        spoken.push_back(static_cast<float>(*it) / 32768.0F * kSpeechGain);
    }
    samples.clear();
    samples.shrink_to_fit();
    if (spoken.empty()) return {};
    return resample(spoken);
  }

 private:
  static std::vector<short>& collected() {
    static std::vector<short> samples;  // espeak-ng is one voice per process, and so is this
    return samples;
  }
  static int collect(short* samples, int count, espeak_EVENT* /*events*/) {
    if (samples && count > 0) collected().insert(collected().end(), samples, samples + count);
    return 0;
  }

  // `language` as a language a voice speaks ("en-gb", "de") or a voice's file ("gmw/en").
  static void choose_voice(const std::string& language) {
    std::vector<std::string> known;
    const espeak_VOICE** voices = espeak_ListVoices(nullptr);
    for (std::size_t i = 0; voices && voices[i]; ++i) {
      const espeak_VOICE& voice = *voices[i];
      // `languages`: a priority byte, then a language, then a zero; a zero priority ends it.
      for (const char* entry = voice.languages; entry && *entry != 0; entry += std::strlen(entry + 1) + 2) {
        const std::string spoken(entry + 1);
        if (equal_ignoring_case(spoken, language)) {
          espeak_VOICE wanted{};
          wanted.languages = spoken.c_str();
          if (espeak_SetVoiceByProperties(&wanted) == EE_OK) return;
        }
        known.push_back(spoken);
      }
      if (voice.identifier && equal_ignoring_case(voice.identifier, language) &&
          espeak_SetVoiceByName(voice.identifier) == EE_OK)
        return;
    }
    std::sort(known.begin(), known.end());
    known.erase(std::unique(known.begin(), known.end()), known.end());
    const auto close = close_matches(language, known);
    throw Error(
        fmt::format("espeak-ng has no voice for `{}`{}", language,
                    close.empty()
                        ? fmt::format("; it has {} languages, such as en, en-gb, en-us, de, fr", known.size())
                        : fmt::format("; did you mean {}?", join_alternatives(close))),
        ExitCode::usage);
  }

  std::vector<float> resample(const std::vector<float>& in) {
    src_reset(resampler_);
    const double ratio = static_cast<double>(kTrackRate) / rate_;
    std::vector<float> out(static_cast<std::size_t>(std::ceil(static_cast<double>(in.size()) * ratio)) + 64);
    SRC_DATA data{};
    data.data_in = in.data();
    data.input_frames = static_cast<long>(in.size());
    data.data_out = out.data();
    data.output_frames = static_cast<long>(out.size());
    data.src_ratio = ratio;
    data.end_of_input = 1;
    if (const int error = src_process(resampler_, &data); error != 0)
      throw Error(fmt::format("cannot resample speech: {}", src_strerror(error)));
    out.resize(static_cast<std::size_t>(data.output_frames_gen));
    return out;
  }

  int rate_ = 0;
  SRC_STATE* resampler_ = nullptr;
  int resampler_error_ = 0;
};

class SndfileTrack final : public TrackFile {
 public:
  SndfileTrack(const std::filesystem::path& file, AudioFormat format, const std::string& title)
      : format_(format), pending_(file) {
    SF_INFO info = track_info(format);
    file_ = sf_open_fd(pending_.fd(), SFM_WRITE, &info, SF_FALSE);
    if (!file_) throw Error(fmt::format("cannot write {}: {}", file.string(), sf_strerror(nullptr)));
    if (format == AudioFormat::ogg || format == AudioFormat::opus || format == AudioFormat::mp3) {
      // Speech and bells need no more; the track is made several times faster for it.
      double level = format == AudioFormat::opus ? 0.75 : 0.7;
      sf_command(file_, SFC_SET_COMPRESSION_LEVEL, &level, sizeof level);
    }
    sf_set_string(file_, SF_STR_TITLE, title.c_str());
    const std::string software = fmt::format("psoas {}", kPsoasVersion);
    sf_set_string(file_, SF_STR_SOFTWARE, software.c_str());
  }
  ~SndfileTrack() override {
    if (file_) sf_close(file_);
  }
  SndfileTrack(const SndfileTrack&) = delete;
  SndfileTrack& operator=(const SndfileTrack&) = delete;

  void write(std::span<const float> samples) override {
    const auto count = static_cast<sf_count_t>(samples.size());
    if (format_ == AudioFormat::wav && (written_ + count) * 2 > kWavDataLimit)
      throw Error(
          fmt::format("cannot write {}: a WAV file holds at most 4 GiB, about 24 hours at {} kHz; "
                      "write .flac, .ogg or .opus",
                      pending_.target().string(), kTrackRate / 1000));
    errno = 0;
    // The MP3 encoder drops a failed write without a word: the system's errno still tells.
    if (sf_writef_float(file_, samples.data(), count) != count || disk_failed())
      throw write_error(sf_strerror(file_));
    written_ += count;
  }

  std::uintmax_t commit(const std::vector<Chapter>& chapters) override {
    errno = 0;
    const int closed = sf_close(std::exchange(file_, nullptr));
    if (closed != 0 || disk_failed()) throw write_error(sf_error_number(closed));
    // Read back: an encoder that loses a failed write (MP3 on a full disk)
    // would otherwise leave a short file that was said to be whole.
    require_whole(pending_.temporary());
    if (has_vorbis_comments(format_) && !chapters.empty()) {
      std::vector<std::pair<std::string, std::string>> tags;
      for (std::size_t i = 0; i < chapters.size(); ++i) {
        const std::string key = fmt::format("CHAPTER{:03}", i + 1);
        tags.emplace_back(key, chapter_time(chapters[i].frame, kTrackRate));
        tags.emplace_back(key + "NAME", chapters[i].name);
      }
      PendingFile with_chapters(pending_.target());
      add_ogg_comments(pending_.temporary(), with_chapters.fd(), tags);
      require_whole(with_chapters.temporary());
      with_chapters.commit();
    } else {
      pending_.commit();
    }
    std::error_code error;
    const auto size = std::filesystem::file_size(pending_.target(), error);
    return error ? 0 : size;
  }

 private:
  // The data of a WAV file is counted in 32 bits.
  static constexpr sf_count_t kWavDataLimit = 0xFFFF'FFFFLL - 1024;

  // Whether the last write the system refused was refused for want of room or by the disk.
  static bool disk_failed() { return errno == ENOSPC || errno == EFBIG || errno == EDQUOT || errno == EIO; }

  // libsndfile's words for a failed write, or the system's when it has them.
  [[nodiscard]] Error write_error(const char* library_says) const {
    const std::string why = disk_failed() ? std::strerror(errno) : library_says;
    return Error(fmt::format("cannot write {}: {}", pending_.target().string(), why));
  }

  void require_whole(const std::filesystem::path& file) const {
    SF_INFO info{};
    SNDFILE* back = sf_open(file.c_str(), SFM_READ, &info);
    const sf_count_t frames = back ? info.frames : 0;
    if (back) sf_close(back);
    if (frames < written_)
      throw Error(fmt::format("cannot write {}: it holds {} of the track's {} seconds; is the disk full?",
                              pending_.target().string(), frames / kTrackRate, written_ / kTrackRate));
  }

  AudioFormat format_;
  PendingFile pending_;
  SNDFILE* file_ = nullptr;
  sf_count_t written_ = 0;
};

}  // namespace

bool library_writes(AudioFormat format) {
  SF_INFO info = track_info(format);
  return sf_format_check(&info) != 0;
}

std::unique_ptr<Speech> LibraryAudio::voice(const VoiceChoice& choice) const {
  return std::make_unique<EspeakSpeech>(choice);
}

std::unique_ptr<TrackFile> LibraryAudio::track(const std::filesystem::path& file, AudioFormat format,
                                               const std::string& title) const {
  if (!library_writes(format)) {
    char version[64] = {};
    sf_command(nullptr, SFC_GET_LIB_VERSION, version, sizeof version);
    throw Error(fmt::format("{} cannot write {} here; write .ogg, .opus, .flac or .wav instead", version,
                            format_name(format)));
  }
  return std::make_unique<SndfileTrack>(file, format, title);
}

}  // namespace psoas
