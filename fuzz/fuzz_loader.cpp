// libFuzzer target: anything at all, as a routine file and as a figure file.
#include <cstddef>
#include <cstdint>

#include "pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // `use` steps resolve against the built-in routines, as they would for a user.
  static const psoas::SearchPath search_path({{PSOAS_SOURCE_DIR "/routines", psoas::Origin::builtin}});
  psoas::fuzz::load_and_render(std::string_view(reinterpret_cast<const char*>(data), size), search_path);
  return 0;
}
