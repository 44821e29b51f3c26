#include "ui/audio_track.hpp"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "audio/tones.hpp"
#include "model/duration.hpp"

namespace psoas {
namespace {

constexpr std::int64_t kRate = kTrackRate;
constexpr std::size_t kBlockFrames = 8192;
// The introduction begins after half a second and leaves a second before the first bell.
constexpr std::int64_t kLeadFrames = kRate / 2;
constexpr std::int64_t kAfterIntroductionFrames = kRate;
// A cut is faded out over this long rather than clipped.
constexpr std::size_t kFadeFrames = kRate * 3 / 100;

std::int64_t frames_of(std::int64_t millis) {
  return millis * kRate / 1000;
}

// The bells, made once: pitch says what begins (psoas(1), AUDIO TRACK).
class Bells {
 public:
  Bells()
      : hold_(bell(880, kRate)),
        ready_(bell(660, kRate)),
        switch_(chime(std::array{660.0, 990.0}, 0.18, kRate)),
        end_(chime(std::array{990.0, 880.0, 660.0}, 0.3, kRate)),
        tick_(tick(1320, kRate)) {}

  [[nodiscard]] const std::vector<float>& of(Tone tone) const {
    switch (tone) {
      case Tone::hold:
        return hold_;
      case Tone::ready:
        return ready_;
      case Tone::switch_sides:
        return switch_;
      case Tone::end:
        return end_;
      case Tone::tick:
        return tick_;
    }
    return tick_;
  }

 private:
  std::vector<float> hold_, ready_, switch_, end_, tick_;
};

struct Sound {
  std::int64_t start = 0;
  std::vector<float> samples;
};

// Sounds placed at frames, mixed and written block by block.
class Mixer {
 public:
  Mixer(TrackFile& track, std::int64_t total, const TrackProgress& progress)
      : track_(track), total_(total), progress_(progress) {}

  void add(std::int64_t start, std::vector<float> samples) {
    if (!samples.empty()) playing_.push_back({start, std::move(samples)});
  }

  // Writes everything before `frame`; false when told to stop.
  bool write_until(std::int64_t frame) {
    while (written_ < frame) {
      const auto count = static_cast<std::size_t>(std::min<std::int64_t>(kBlockFrames, frame - written_));
      block_.assign(count, 0.0F);
      for (const Sound& sound : playing_) {
        const std::int64_t from = std::max(sound.start, written_);
        const std::int64_t to = std::min(sound.start + static_cast<std::int64_t>(sound.samples.size()),
                                         written_ + std::int64_t(count));
        for (std::int64_t f = from; f < to; ++f)
          block_[static_cast<std::size_t>(f - written_)] +=
              sound.samples[static_cast<std::size_t>(f - sound.start)];
      }
      for (float& sample : block_) sample = std::clamp(sample, -1.0F, 1.0F);
      track_.write(block_);
      written_ += static_cast<std::int64_t>(count);
      std::erase_if(playing_, [this](const Sound& sound) {
        return sound.start + static_cast<std::int64_t>(sound.samples.size()) <= written_;
      });
      if (!progress_(written_, total_)) return false;
    }
    return true;
  }

 private:
  TrackFile& track_;
  std::int64_t total_;
  const TrackProgress& progress_;
  std::deque<Sound> playing_;
  std::vector<float> block_;
  std::int64_t written_ = 0;
};

// The longest of a cue's words that ends within `frames`; or the shortest, cut to fit.
struct Fitted {
  std::vector<float> samples;
  std::size_t chosen = 0;
  bool cut = false;
};

Fitted fit_speech(Speech& speech, const std::vector<std::string>& tries, std::int64_t frames) {
  const auto room = static_cast<std::size_t>(std::max<std::int64_t>(frames, 0));
  for (std::size_t i = 0; i < tries.size(); ++i) {
    std::vector<float> samples = speech.say(tries[i]);
    if (samples.size() <= room) return {std::move(samples), i, false};
    if (i + 1 == tries.size()) {
      samples.resize(room);
      const std::size_t fade = std::min(kFadeFrames, room);
      for (std::size_t k = 0; k < fade; ++k)
        samples[room - fade + k] *= static_cast<float>(fade - k) / static_cast<float>(fade);
      return {std::move(samples), i, true};
    }
  }
  return {};
}

// The cues' speech, made on a thread of its own a few cues ahead of the
// mixing, so that the voice and the encoder each have a core: speech never
// depends on the sound before it, only on the room the script gives it.
class SpeechAhead {
 public:
  SpeechAhead(const AudioScript& script, std::int64_t introduction_frames, Speech& speech)
      : script_(script),
        introduction_frames_(introduction_frames),
        speech_(speech),
        thread_([this] { make(); }) {}
  ~SpeechAhead() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
  SpeechAhead(const SpeechAhead&) = delete;
  SpeechAhead& operator=(const SpeechAhead&) = delete;

  // The next cue's speech that has words, in the script's order.
  Fitted next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !ready_.empty() || failure_; });
    if (ready_.empty()) std::rethrow_exception(failure_);
    Fitted fitted = std::move(ready_.front());
    ready_.pop_front();
    changed_.notify_all();
    return fitted;
  }

  // Where a cue's speech starts: after its bell, if it has one.
  static std::int64_t start_of(const ScriptCue& cue, std::int64_t introduction_frames) {
    return introduction_frames + frames_of(cue.at_ms) + (cue.tone ? frames_of(kSpeechAfterBellMs) : 0);
  }

 private:
  static constexpr std::size_t kAhead = 8;

  void make() {
    try {
      for (const ScriptCue& cue : script_.cues) {
        if (cue.speech.empty()) continue;
        const std::int64_t start = start_of(cue, introduction_frames_);
        Fitted fitted =
            fit_speech(speech_, cue.speech, introduction_frames_ + frames_of(cue.until_ms) - start);
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return ready_.size() < kAhead || stopping_; });
        if (stopping_) return;
        ready_.push_back(std::move(fitted));
        changed_.notify_all();
      }
    } catch (...) {
      const std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
      changed_.notify_all();
    }
  }

  const AudioScript& script_;
  std::int64_t introduction_frames_;
  Speech& speech_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Fitted> ready_;
  std::exception_ptr failure_;
  bool stopping_ = false;
  std::thread thread_;  // last: started once the rest is ready
};

}  // namespace

std::optional<TrackReport> render_track(const AudioScript& script, Speech& speech, TrackFile& track,
                                        const TrackProgress& progress) {
  TrackReport report;
  std::vector<float> introduction = speech.say(script.introduction);
  // A whole number of seconds, so that every segment starts on a whole second of the track too.
  const std::int64_t spoken =
      kLeadFrames + static_cast<std::int64_t>(introduction.size()) + kAfterIntroductionFrames;
  report.introduction_frames = (spoken + kRate - 1) / kRate * kRate;
  report.frames = report.introduction_frames + frames_of(script.length_ms + script.ending_ms);
  report.chapters.push_back({0, "Before you start"});
  for (const ScriptChapter& chapter : script.chapters)
    report.chapters.push_back({report.introduction_frames + frames_of(chapter.at_ms), chapter.name});

  const Bells bells;
  Mixer mixer(track, report.frames, progress);
  mixer.add(kLeadFrames, std::move(introduction));
  SpeechAhead ahead(script, report.introduction_frames, speech);
  for (const ScriptCue& cue : script.cues) {
    const std::int64_t at = report.introduction_frames + frames_of(cue.at_ms);
    if (!mixer.write_until(at)) return std::nullopt;
    if (cue.tone) mixer.add(at, bells.of(*cue.tone));
    if (cue.speech.empty()) continue;
    Fitted fitted = ahead.next();
    if (cue.segment && (fitted.cut || fitted.chosen > cue.complete))
      report.shortened.push_back({*cue.segment, cue.speech[fitted.chosen], fitted.cut});
    mixer.add(SpeechAhead::start_of(cue, report.introduction_frames), std::move(fitted.samples));
  }
  if (!mixer.write_until(report.frames)) return std::nullopt;
  return report;
}
std::string progress_line(std::int64_t done, std::int64_t total, std::size_t width) {
  const double share =
      total <= 0 ? 1.0 : std::clamp(static_cast<double>(done) / static_cast<double>(total), 0.0, 1.0);
  const std::string figures =
      fmt::format(" {:3}%  {} of {}", static_cast<int>(share * 100), format_clock(Seconds(done / kRate)),
                  format_clock(Seconds(total / kRate)));
  if (width < figures.size() + 8) return figures.substr(1);
  const std::size_t bar = std::min<std::size_t>(40, width - figures.size() - 2);
  const auto filled = static_cast<std::size_t>(share * static_cast<double>(bar));
  return "[" + std::string(filled, '#') + std::string(bar - filled, '.') + "]" + figures;
}

std::string file_size_text(std::uintmax_t bytes) {
  if (bytes >= 1'000'000) return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
  if (bytes >= 1'000) return fmt::format("{} kB", (bytes + 500) / 1000);
  return fmt::format("{} bytes", bytes);
}

}  // namespace psoas
