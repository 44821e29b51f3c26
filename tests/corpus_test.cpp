// The bad-input corpus: every file in tests/corpus/invalid gives exactly the
// output in its .err file, byte for byte; every file in tests/corpus/valid checks.
#include <algorithm>
#include <filesystem>
#include <sstream>

#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace psoas::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(PSOAS_SOURCE_DIR) / "tests" / "corpus";

std::vector<fs::path> routines_in(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// psoas check FILE, run from the file's folder with nothing of the user's.
ProcessResult check(const fs::path& file) {
  ProcessOptions options;
  options.args = {PSOAS_BINARY, "check", file.filename().string()};
  options.env = {{"PATH", "/usr/bin:/bin"},
                 {"HOME", "/nonexistent"},
                 {"XDG_CONFIG_HOME", "/nonexistent"},
                 {"PSOAS_PATH", "."}};
  options.cwd = file.parent_path();
  return run_process(options);
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("every malformed file in the corpus gets exactly its expected errors") {
  const auto files = routines_in(kCorpus / "invalid");
  CHECK(files.size() >= 40);
  for (const fs::path& file : files) {
    CAPTURE(file.filename().string());
    const fs::path expected_file = fs::path(file).replace_extension(".err");
    REQUIRE_MESSAGE(fs::exists(expected_file), "each corpus file needs its .err");
    const std::string expected = read_file(expected_file);
    const ProcessResult result = check(file);
    CHECK_FALSE(result.timed_out);
    CHECK(result.signal == 0);
    const std::string errors =
        replace_all(result.err, std::string(PSOAS_SOURCE_DIR) + "/routines", "<builtin>");
    CHECK(errors == expected);
    CHECK(result.exit_code == (expected.find(": error: ") != std::string::npos ? 1 : 0));
    // Every line is FILE:LINE:COLUMN: error|warning: MESSAGE, naming this file.
    std::istringstream lines(errors);
    for (std::string line; std::getline(lines, line);)
      CHECK(line.starts_with(file.filename().string() + ":"));
  }
}

TEST_CASE("every file in the valid corpus checks without a word on stderr") {
  for (const fs::path& file : routines_in(kCorpus / "valid")) {
    CAPTURE(file.filename().string());
    const ProcessResult result = check(file);
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
  }
}
