#include "audio/library_audio.hpp"
#include "commands/cli.hpp"

// psoas with espeak-ng and libsndfile: psoas hands it `export --audio`.
int main(int argc, char** argv) {
  const psoas::LibraryAudio audio;
  return psoas::run_cli(argc, argv, {nullptr, &audio});
}
