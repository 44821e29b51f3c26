#include "audio/tones.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace psoas {
namespace {

// A sine with an attack ramp and an exponential decay.
void add_partial(std::vector<float>& out, double frequency, double amplitude, double decay_seconds,
                 int rate) {
  const double attack = 0.002 * rate;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double t = static_cast<double>(i) / rate;
    const double envelope = std::min(1.0, static_cast<double>(i) / attack) * std::exp(-t / decay_seconds);
    out[i] += static_cast<float>(amplitude * envelope * std::sin(2 * std::numbers::pi * frequency * t));
  }
}

}  // namespace

std::vector<float> bell(double frequency, int rate) {
  std::vector<float> out(static_cast<std::size_t>(rate * 6 / 10));
  add_partial(out, frequency, 0.45, 0.15, rate);
  add_partial(out, frequency * 2.76, 0.15, 0.06, rate);  // the partial that makes it a bell, not a beep
  return out;
}

std::vector<float> tick(double frequency, int rate) {
  std::vector<float> out(static_cast<std::size_t>(rate * 4 / 100));
  add_partial(out, frequency, 0.35, 0.012, rate);
  return out;
}

std::vector<float> chime(std::span<const double> frequencies, double apart, int rate) {
  std::vector<float> out;
  for (std::size_t i = 0; i < frequencies.size(); ++i) {
    const std::vector<float> one = bell(frequencies[i], rate);
    const auto offset = static_cast<std::size_t>(std::lround(apart * static_cast<double>(i) * rate));
    out.resize(std::max(out.size(), offset + one.size()));
    mix_into(out, one, offset);
  }
  return out;
}

void mix_into(std::span<float> mix, std::span<const float> sound, std::size_t offset) {
  if (offset >= mix.size()) return;
  const std::size_t count = std::min(sound.size(), mix.size() - offset);
  for (std::size_t i = 0; i < count; ++i) mix[offset + i] += sound[i];
}

}  // namespace psoas
