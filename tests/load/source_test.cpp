#include "load/source.hpp"

#include <sys/stat.h>

#include <doctest/doctest.h>

#include "support/temp_dir.hpp"

using namespace psoas;
using psoas::testing::TempDir;

namespace {

std::string error_of(const std::filesystem::path& path) {
  auto result = read_source(path);
  const auto* error = std::get_if<Diagnostic>(&result);
  return error ? to_string(*error) : "";
}

}  // namespace

TEST_CASE("a folder, a FIFO and a missing file are errors, never a hang") {
  TempDir dir;
  std::filesystem::create_directory(dir.path() / "folder.yaml");
  const auto fifo = dir.path() / "fifo.yaml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(error_of(dir.path() / "folder.yaml") ==
        (dir.path() / "folder.yaml").string() + ":1:1: error: is a folder, not a file");
  CHECK(error_of(fifo) == fifo.string() + ":1:1: error: is not a regular file");
  CHECK(error_of(dir.path() / "none.yaml") ==
        (dir.path() / "none.yaml").string() + ":1:1: error: cannot open: No such file or directory");
  CHECK(error_of("/dev/zero") == "/dev/zero:1:1: error: is not a regular file");
}

TEST_CASE("files over 1 MiB are refused before they are read") {
  TempDir dir;
  const auto big = dir.write("big.yaml", std::string(kMaxRoutineFileBytes + 1, '#'));
  CHECK(error_of(big) == big.string() + ":1:1: error: file is larger than 1 MiB (1048577 bytes)");
  const auto limit = dir.write("limit.yaml", std::string(kMaxRoutineFileBytes, '#'));
  CHECK(error_of(limit).empty());
}

TEST_CASE("invalid UTF-8 is found wherever it is") {
  const auto error = [](std::string bytes) {
    auto result = check_source("f", std::move(bytes));
    const auto* diagnostic = std::get_if<Diagnostic>(&result);
    return diagnostic ? to_string(*diagnostic) : "";
  };
  CHECK(error("ok: \xE2\x82\xAC\n").empty());      // a full three-byte sequence
  CHECK(error("ok: \xF0\x9F\x99\x82\n").empty());  // four bytes
  CHECK(error("a\nb: \xE2\x82\n") == "f:2:4: error: invalid UTF-8 (byte 0xE2); psoas reads UTF-8 only");
  CHECK(error("\xED\xA0\x80") ==
        "f:1:1: error: invalid UTF-8 (byte 0xED); psoas reads UTF-8 only");  // surrogate
  CHECK(error("\xF4\x90\x80\x80") == "f:1:1: error: invalid UTF-8 (byte 0xF4); psoas reads UTF-8 only");
  CHECK(error("\xE0\x80\xAF") ==
        "f:1:1: error: invalid UTF-8 (byte 0xE0); psoas reads UTF-8 only");  // overlong
  CHECK(error("\xFF") == "f:1:1: error: invalid UTF-8 (byte 0xFF); psoas reads UTF-8 only");
  CHECK(error("é\x80") == "f:1:2: error: invalid UTF-8 (byte 0x80); psoas reads UTF-8 only");
}

TEST_CASE("positions convert yaml-cpp's byte columns to 1-based character columns") {
  const SourceText source{"f", "ab\nçé: x\n"};
  CHECK(source.position_of(0, 0) == SourcePosition{1, 1});
  CHECK(source.position_of(1, 6) == SourcePosition{2, 5});
  CHECK(source.position_at(3) == SourcePosition{2, 1});
  CHECK(source.line_text(2) == "çé: x");
}
