#pragma once

#include <span>
#include <vector>

// The sounds of a track that are not speech, made from sine waves.
namespace psoas {

// A struck bell: `frequency` with an inharmonic partial above it, rising in
// 2 ms and dying away over about half a second.
std::vector<float> bell(double frequency, int rate);

// A short tick, 40 ms.
std::vector<float> tick(double frequency, int rate);

// Bells struck one after another, `apart` seconds apart, ringing together.
std::vector<float> chime(std::span<const double> frequencies, double apart, int rate);

// Adds `sound` into `mix` from `offset` on, as far as `mix` goes.
void mix_into(std::span<float> mix, std::span<const float> sound, std::size_t offset = 0);

}  // namespace psoas
