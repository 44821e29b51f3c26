#include "support/listening.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <numbers>
#include <stdexcept>

#include <ogg/ogg.h>
#include <sndfile.h>

namespace psoas::testing {

Samples read_sound(const std::filesystem::path& file) {
  SF_INFO info{};
  SNDFILE* sound = sf_open(file.c_str(), SFM_READ, &info);
  if (!sound) throw std::runtime_error("cannot read " + file.string() + ": " + sf_strerror(nullptr));
  std::vector<float> interleaved(static_cast<std::size_t>(info.frames * info.channels));
  const sf_count_t read = sf_readf_float(sound, interleaved.data(), info.frames);
  sf_close(sound);
  Samples samples;
  samples.rate = info.samplerate;
  for (sf_count_t i = 0; i < read; ++i)
    samples.values.push_back(interleaved[static_cast<std::size_t>(i * info.channels)]);
  return samples;
}

double rms(const Samples& sound, std::int64_t from, std::int64_t to) {
  from = std::clamp<std::int64_t>(from, 0, static_cast<std::int64_t>(sound.values.size()));
  to = std::clamp<std::int64_t>(to, from, static_cast<std::int64_t>(sound.values.size()));
  if (to == from) return 0;
  double sum = 0;
  for (std::int64_t i = from; i < to; ++i)
    sum += double(sound.values[std::size_t(i)]) * sound.values[std::size_t(i)];
  return std::sqrt(sum / static_cast<double>(to - from));
}

std::vector<std::int64_t> onsets(const Samples& sound, float quiet, float loud, int quiet_ms) {
  std::vector<std::int64_t> found;
  const std::int64_t needed = std::int64_t(sound.rate) * quiet_ms / 1000;
  const std::int64_t rise = sound.rate / 50;  // from above `quiet` to above `loud` within 20 ms
  std::int64_t quiet_run = 0;
  std::int64_t candidate = -1;
  bool sounding = false;
  for (std::size_t k = 0; k < sound.values.size(); ++k) {
    const auto i = static_cast<std::int64_t>(k);
    const float level = std::abs(sound.values[k]);
    if (sounding) {
      // Back in silence once it stays quiet for the whole stretch.
      quiet_run = level < quiet ? quiet_run + 1 : 0;
      if (quiet_run >= needed) sounding = false;
    } else if (candidate >= 0) {
      if (level > loud) {
        found.push_back(candidate);
        sounding = true;
        candidate = -1;
        quiet_run = 0;
      } else if (i - candidate > rise) {
        candidate = -1;  // a murmur, not a sound
        quiet_run = 0;
      }
    } else if (level >= quiet && quiet_run >= needed) {
      candidate = i;
    } else {
      quiet_run = level < quiet ? quiet_run + 1 : 0;
    }
  }
  return found;
}

double tone_strength(const Samples& sound, std::int64_t from, std::int64_t to, double frequency) {
  from = std::clamp<std::int64_t>(from, 0, static_cast<std::int64_t>(sound.values.size()));
  to = std::clamp<std::int64_t>(to, from, static_cast<std::int64_t>(sound.values.size()));
  const double coefficient = 2 * std::cos(2 * std::numbers::pi * frequency / sound.rate);
  double previous = 0, before = 0;
  for (std::int64_t i = from; i < to; ++i) {
    const double next = sound.values[std::size_t(i)] + coefficient * previous - before;
    before = previous;
    previous = next;
  }
  const double power = previous * previous + before * before - coefficient * previous * before;
  return to > from ? std::sqrt(power) / static_cast<double>(to - from) : 0;
}

std::vector<std::string> ogg_comments(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  ogg_sync_state sync;
  ogg_sync_init(&sync);
  ogg_stream_state stream{};
  bool started = false;
  int packets = 0;
  std::vector<std::string> comments;
  bool done = false;
  while (!done && in) {
    char* buffer = ogg_sync_buffer(&sync, 4096);
    in.read(buffer, 4096);
    ogg_sync_wrote(&sync, static_cast<long>(in.gcount()));
    ogg_page page;
    while (!done && ogg_sync_pageout(&sync, &page) == 1) {
      if (!started) {
        ogg_stream_init(&stream, ogg_page_serialno(&page));
        started = true;
      }
      ogg_stream_pagein(&stream, &page);
      ogg_packet packet;
      while (!done && ogg_stream_packetout(&stream, &packet) == 1) {
        if (++packets != 2) continue;
        const unsigned char* p = packet.packet;
        const std::size_t prefix = std::memcmp(p, "OpusTags", 8) == 0 ? 8 : 7;
        std::size_t at = prefix;
        const auto u32 = [&](std::size_t where) {
          return std::uint32_t(p[where]) | std::uint32_t(p[where + 1]) << 8 |
                 std::uint32_t(p[where + 2]) << 16 | std::uint32_t(p[where + 3]) << 24;
        };
        at += 4 + u32(at);
        const std::uint32_t count = u32(at);
        at += 4;
        for (std::uint32_t i = 0; i < count; ++i) {
          const std::uint32_t length = u32(at);
          comments.emplace_back(reinterpret_cast<const char*>(p + at + 4), length);
          at += 4 + length;
        }
        done = true;
      }
    }
  }
  if (started) ogg_stream_clear(&stream);
  ogg_sync_clear(&sync);
  return comments;
}

}  // namespace psoas::testing
