#include "base/files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "base/error.hpp"
#include "support/temp_dir.hpp"

using namespace psoas;
using psoas::testing::TempDir;
namespace fs = std::filesystem;

namespace {

mode_t mode_of(const fs::path& path) {
  struct stat info {};
  ::stat(path.c_str(), &info);
  return info.st_mode & 07777;
}

std::size_t entries_in(const fs::path& folder) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++count;
  return count;
}

}  // namespace

TEST_CASE("create_file never replaces a file, and leaves no temporary file behind") {
  TempDir dir;
  const fs::path file = dir.path() / "sub" / "new.yaml";
  create_file(file, "one\n");
  CHECK(read_file(file) == "one\n");
  CHECK_THROWS_AS(create_file(file, "two\n"), Error);
  CHECK(read_file(file) == "one\n");
  CHECK(entries_in(file.parent_path()) == 1);
}

TEST_CASE("replace_file keeps the old file's permissions and writes through a symbolic link") {
  TempDir dir;
  const fs::path target = dir.write("real/routine.yaml", "old\n");
  ::chmod(target.c_str(), 0600);
  const fs::path link = dir.path() / "link.yaml";
  fs::create_symlink("real/routine.yaml", link);
  replace_file(link, "new\n");
  CHECK(fs::is_symlink(link));
  CHECK(read_file(target) == "new\n");
  CHECK(mode_of(target) == 0600);
  CHECK(entries_in(target.parent_path()) == 1);
}

TEST_CASE("replace_file with Link::replaced replaces a link itself, never what it points to") {
  TempDir dir;
  const fs::path target = dir.write("elsewhere/precious", "keep\n");
  ::chmod(target.c_str(), 0666);
  const fs::path link = dir.path() / "cache/list.json";
  fs::create_directories(link.parent_path());
  fs::create_symlink(target, link);
  replace_file(link, "cache\n", Link::replaced);
  CHECK(read_file(target) == "keep\n");
  CHECK_FALSE(fs::is_symlink(link));
  CHECK(read_file(link) == "cache\n");
  CHECK(mode_of(link) == 0644);  // not the mode of what the link pointed to
  CHECK(entries_in(link.parent_path()) == 1);
}

TEST_CASE("replace_file without the sync still replaces the file whole, keeping its permissions") {
  TempDir dir;
  const fs::path file = dir.write("cache/list.json", "an old cache that is much longer than the new one\n");
  ::chmod(file.c_str(), 0600);
  replace_file(file, "new\n", Link::replaced, Sync::skipped);
  CHECK(read_file(file) == "new\n");
  CHECK(mode_of(file) == 0600);
  CHECK(entries_in(file.parent_path()) == 1);
}

TEST_CASE("replace_file follows a chain of links, even to a file not there yet, and never replaces a FIFO") {
  TempDir dir;
  const fs::path target = dir.write("real/state.json", "old\n");
  fs::create_symlink("real/state.json", dir.path() / "middle.json");
  const fs::path link = dir.path() / "sync/state.json";
  fs::create_directories(link.parent_path());
  fs::create_symlink("../middle.json", link);
  replace_file(link, "new\n");
  CHECK(read_file(target) == "new\n");
  CHECK(fs::is_symlink(link));
  CHECK(fs::is_symlink(dir.path() / "middle.json"));
  // A link to a file not yet written: the file is made where it points.
  const fs::path dangling = dir.path() / "dangling.json";
  fs::create_symlink("real/later.json", dangling);
  replace_file(dangling, "later\n");
  CHECK(read_file(dir.path() / "real/later.json") == "later\n");
  CHECK(fs::is_symlink(dangling));
  // Renaming over a FIFO (or a device, as root) would put a plain file in its place.
  const fs::path fifo = dir.path() / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const fs::path to_fifo = dir.path() / "to-fifo.json";
  fs::create_symlink("fifo", to_fifo);
  for (const fs::path& path : {fifo, to_fifo})
    CHECK_THROWS_WITH_AS(replace_file(path, "x\n"),
                         fmt::format("cannot replace {}: it is not a regular file", fifo.string()).c_str(),
                         Error);
  CHECK(path_kind(fifo) == PathKind::other);
  CHECK_THROWS_AS(replace_file(fifo, "x\n", Link::replaced), Error);
  // A loop of links is an error, not a hang.
  fs::create_symlink("loop-b", dir.path() / "loop-a");
  fs::create_symlink("loop-a", dir.path() / "loop-b");
  CHECK_THROWS_AS(replace_file(dir.path() / "loop-a", "x\n"), Error);
}

TEST_CASE("reading a regular file refuses folders, FIFOs and files over the limit, without blocking") {
  TempDir dir;
  ReadProblem problem;
  CHECK(read_regular_file(dir.write("a.txt", "abc"), 3, problem) == "abc");
  CHECK_FALSE(read_regular_file(dir.path() / "a.txt", 2, problem));
  CHECK(problem.too_large == 3);
  CHECK_FALSE(read_regular_file(dir.path(), 10, problem));
  CHECK(problem.message == "is a folder");
  const fs::path fifo = dir.path() / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_FALSE(read_regular_file(fifo, 10, problem));
  CHECK(problem.message == "is not a regular file");
  CHECK_FALSE(read_regular_file(dir.path() / "missing", 10, problem));
  CHECK(problem.message == "cannot open: No such file or directory");
  fs::create_symlink("gone.yaml", dir.path() / "dangling.yaml");
  CHECK_FALSE(read_regular_file(dir.path() / "dangling.yaml", 10, problem));
  CHECK(problem.message == "cannot open: a broken symbolic link (to gone.yaml)");
}

TEST_CASE("path kinds never throw: a symbolic link loop is `other`, not an exception") {
  TempDir dir;
  fs::create_symlink("loop", dir.path() / "loop");
  CHECK(path_kind(dir.path() / "loop") == PathKind::symlink);
  CHECK(target_kind(dir.path() / "loop") == PathKind::other);
  CHECK(target_kind(dir.path() / "nothing") == PathKind::missing);
  CHECK(target_kind(dir.path()) == PathKind::folder);
}
