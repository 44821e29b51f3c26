// Every input the fuzzer ever found a fault with, through the whole loading
// path again: no crash, no sanitizer report, and quickly.
#include <chrono>
#include <filesystem>

#include <doctest/doctest.h>

#include "pipeline.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;

TEST_CASE("the fuzzer's findings load and render cleanly, each within a second") {
  const psoas::SearchPath search_path({{fs::path(PSOAS_SOURCE_DIR) / "routines", psoas::Origin::builtin}});
  std::size_t inputs = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(PSOAS_SOURCE_DIR) / "fuzz" / "regressions")) {
    if (!entry.is_regular_file() || entry.path().filename() == "README") continue;
    CAPTURE(entry.path().filename().string());
    const std::string bytes = psoas::testing::read_file(entry.path());
    const auto start = std::chrono::steady_clock::now();
    psoas::fuzz::load_and_render(bytes, search_path);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
    ++inputs;
  }
  CHECK(inputs >= 1);
}
