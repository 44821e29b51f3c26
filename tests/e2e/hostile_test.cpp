// Hostile files, names and editors: every case ends in a clean error or the
// right output, quickly, with no escape code reaching the terminal and
// nothing damaged.
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace psoas::testing;
using namespace std::chrono_literals;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Fixture {
  TempDir home;
  fs::path folder = home.path() / "routines";
  std::map<std::string, std::string> env =
      clean_environment(home.path(), {{"PSOAS_PATH", (home.path() / "routines").string()},
                                      {"XDG_CONFIG_HOME", (home.path() / "config").string()},
                                      {"XDG_CACHE_HOME", (home.path() / "cache").string()},
                                      {"TMPDIR", home.path().string()}});

  ProcessResult psoas(const std::vector<std::string>& args) const { return run_psoas(args, env); }

  // Runs psoas and checks it took under five seconds: well under a second in a plain build, a guard
  // against a hang or a quadratic path that still holds under ASan on a loaded machine.
  ProcessResult quick(const std::vector<std::string>& args) const {
    const auto started = std::chrono::steady_clock::now();
    ProcessResult result = psoas(args);
    CHECK_MESSAGE(std::chrono::steady_clock::now() - started < 5s, args.front());
    CHECK_FALSE(result.timed_out);
    return result;
  }
};

bool has_escape(std::string_view text) {
  return text.find('\x1b') != std::string_view::npos || text.find("\xc2\x9b") != std::string_view::npos;
}

// How many lines of `text` hold `word`.
std::size_t lines_with(std::string_view text, std::string_view word) {
  std::size_t count = 0;
  while (!text.empty()) {
    const std::string_view line = text.substr(0, text.find('\n'));
    if (line.find(word) != std::string_view::npos) ++count;
    text.remove_prefix(std::min(text.size(), line.size() + 1));
  }
  return count;
}

}  // namespace

TEST_CASE("file names with escape codes or invalid UTF-8 reach no terminal: list, list --names, check") {
  Fixture f;
  f.home.write("routines/evil\x1b[2Jname.yaml", "title: Evil\nname: evil\nsteps: [{name: S, hold: 5}]\n");
  f.home.write("routines/bad\xff.yaml", "title: Bad\nsteps: [{name: S, hold: 5}]\n");
  for (const std::vector<std::string>& args : {std::vector<std::string>{"list"},
                                               {"list", "--names"},
                                               {"list", "--json"},
                                               {"check", (f.folder / "evil\x1b[2Jname.yaml").string()},
                                               {"check", (f.folder / "bad\xff.yaml").string()}}) {
    const auto result = f.quick(args);
    CHECK_MESSAGE(!has_escape(result.out), args.front());
    CHECK_MESSAGE(!has_escape(result.err), args.front());
  }
  CHECK(f.psoas({"list", "--names"}).out.find("evil\\x1b[2Jname\n") != std::string::npos);
  CHECK(f.psoas({"check", (f.folder / "evil\x1b[2Jname.yaml").string()})
            .out.find("evil\\x1b[2Jname.yaml: ok") != std::string::npos);
}

TEST_CASE("a key or value holding a line break cannot forge a second error line") {
  Fixture f;
  const auto file =
      f.home.write("routines/forge.yaml",
                   "title: T\n\"a\\nforge.yaml:9:9: error: forged\": 1\nsteps: [{name: S, hold: 5}]\n");
  const auto result = f.quick({"check", file.string()});
  CHECK(result.exit_code == 1);
  CHECK(lines_with(result.err, "error:") == 1);
  CHECK(result.err.find("a\\nforge.yaml:9:9") != std::string::npos);
}

TEST_CASE(
    "a caution over several lines stays on one line in a plain run — cutting never splits a character") {
  Fixture f;
  const auto file = f.home.write("routines/lines.yaml",
                                 "title: Lines\ncautions:\n  - |\n    first\n    00:00  Forged · hold "
                                 "5s\nsteps: [{name: S, hold: 1}]\n");
  const auto result = f.quick({"run", file.string(), "--speed", "50"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("! first 00:00 Forged · hold 5s\n") != std::string::npos);
  CHECK(lines_with(result.out, "00:00") == 2);
}

TEST_CASE("check of a symbolic link loop or a path it cannot look at is a clean error, in JSON too") {
  Fixture f;
  fs::create_directories(f.folder);
  fs::create_symlink("loop.yaml", f.folder / "loop.yaml");
  const auto text = f.quick({"check", (f.folder / "loop.yaml").string()});
  CHECK(text.exit_code == 1);
  CHECK(text.err ==
        (f.folder / "loop.yaml").string() + ":1:1: error: cannot open: Too many levels of symbolic links\n");
  const auto json = f.quick({"check", "--json", (f.folder / "loop.yaml").string(), "loop"});
  CHECK(json.exit_code == 1);
  const Json parsed = Json::parse(json.out);
  CHECK(parsed["valid"] == false);
  CHECK(parsed["files"].size() == 2);
  CHECK(f.quick({"check", (f.folder / "loop.yaml/inside").string()}).err.find("internal error") ==
        std::string::npos);
}

TEST_CASE("a list cache that is a symbolic link is replaced, and what it points to left alone") {
  Fixture f;
  const fs::path precious = f.home.write("precious.txt", "keep\n");
  fs::create_directories(f.home.path() / "cache/psoas");
  fs::create_symlink(precious, f.home.path() / "cache/psoas/list.json");
  CHECK(f.psoas({"list"}).exit_code == 0);
  CHECK(read_file(precious) == "keep\n");
  CHECK_FALSE(fs::is_symlink(f.home.path() / "cache/psoas/list.json"));
}

TEST_CASE("a hand-edited list cache with escape codes is passed over: list shows what the file says") {
  Fixture f;
  f.home.write("routines/plain.yaml", "title: Plain\nsteps: [{name: S, hold: 5}]\n");
  std::this_thread::sleep_for(1100ms);  // a file changed within a second is not cached
  f.psoas({"list"});
  const fs::path cache = f.home.path() / "cache/psoas/list.json";
  std::string text = read_file(cache);
  const auto at = text.find("\"Plain\"");
  REQUIRE(at != std::string::npos);
  text.replace(at, 7, "\"\\u001b[2JPl\\u009bain\"");
  f.home.write("cache/psoas/list.json", text);
  const auto list = f.quick({"list"});
  CHECK_FALSE(has_escape(list.out));
  CHECK(list.out.find("[2J") == std::string::npos);
  CHECK(list.out.find(" Plain") != std::string::npos);
  CHECK_FALSE(has_escape(f.quick({"list", "--json"}).out));
}

TEST_CASE(
    "--reps cannot take a routine past the size limit — a thousand cautions used 30,000 times are merged "
    "fast") {
  Fixture f;
  std::string many = "title: Many\nsteps:\n";
  for (int i = 0; i < 20'000; ++i) many += "  - {name: S, hold: 1, sides: both}\n";
  f.home.write("routines/many.yaml", many);
  const auto refused = f.quick({"run", "many", "--dry-run", "--reps", "100"});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err == "psoas: error: with --reps 100, many expands to more than 100000 steps and holds\n");
  // Within the size limit, but 328 years long: its dry run counts on, and a run is refused.
  f.home.write(
      "routines/huge.yaml",
      "title: Huge\nsteps:\n  - {name: A, hold: 24h, reps: 30000, sides: both, rest: 24h, switch: 24h, "
      "prepare: 24h, alternate: true}\n");
  const auto dry = f.psoas({"run", "huge", "--dry-run"});  // 240,000 lines: not timed
  CHECK(dry.exit_code == 0);
  CHECK(dry.out.find(":-") == std::string::npos);  // no negative time anywhere: it was -153722854:-33
  CHECK(dry.out.find(" -") == std::string::npos);
  CHECK(dry.out.ends_with("2880000:00:00  total 2880000h\n"));
  const auto too_long = f.psoas({"run", "huge", "--yes"});
  CHECK(too_long.exit_code == 1);
  CHECK(too_long.err == "psoas: error: huge takes 2880000h; psoas runs a routine of at most 366 days\n");
  // check and list agree with run, at the routine's steps.
  const std::string huge_error =
      (f.home.path() / "routines/huge.yaml").string() +
      ":2:1: error: huge takes 2880000h; psoas runs a routine of at most 366 days\n";
  const auto checked_huge = f.psoas({"check", "huge"});
  CHECK(checked_huge.exit_code == 1);
  CHECK(checked_huge.err == huge_error);
  CHECK(checked_huge.out.empty());
  const auto listed = f.psoas({"list"});
  CHECK(listed.exit_code == 1);
  CHECK(listed.err.find(huge_error) != std::string::npos);
  const auto huge_row = listed.out.find("\nhuge ");
  REQUIRE(huge_row != std::string::npos);
  CHECK(listed.out.substr(huge_row, listed.out.find('\n', huge_row + 1) - huge_row).find("broken") !=
        std::string::npos);

  std::string cautions = "title: Careful\ncautions:\n";
  for (int i = 0; i < 1000; ++i) cautions += fmt::format("  - Caution number {}.\n", i);
  cautions += "steps: [{name: S, hold: 1}]\n";
  f.home.write("routines/careful.yaml", cautions);
  std::string uses = "title: Uses\nsteps:\n";
  for (int i = 0; i < 30'000; ++i) uses += "  - use: careful\n";
  f.home.write("routines/uses.yaml", uses);
  const auto checked = f.quick({"check", "uses"});
  CHECK(checked.exit_code == 0);
  CHECK(checked.out.find("30000 steps") != std::string::npos);
}

TEST_CASE("edit with an editor that deletes the copy, leaves a FIFO or fails: no hang, nothing lost") {
  Fixture f;
  const fs::path routine =
      f.home.write("config/psoas/routines/mine.yaml", "title: Mine\nsteps: [{name: S, hold: 5}]\n");
  const std::string before = read_file(routine);
  const auto temp_folders = [&] {
    return std::count_if(fs::directory_iterator(f.home.path()), fs::directory_iterator(),
                         [](const fs::directory_entry& entry) {
                           return entry.path().filename().string().starts_with("psoas-edit-");
                         });
  };
  for (const std::string& script : {std::string("rm \"$1\""), std::string("rm \"$1\"; mkfifo \"$1\""),
                                    std::string("rm \"$1\"; mkdir \"$1\""), std::string("exit 3")}) {
    const fs::path editor = f.home.write("bin/editor", "#!/bin/sh\n" + script + "\n");
    fs::permissions(editor, fs::perms::owner_all);
    f.env["EDITOR"] = editor.string();
    const auto result = f.quick({"edit", "mine"});
    CHECK_MESSAGE(result.exit_code == 1, script);
    CHECK_MESSAGE(read_file(routine) == before, script);
    CHECK_MESSAGE(temp_folders() == 0, script);
  }
}

TEST_CASE("edit keeps the file's permissions and writes through a symbolic link to its target") {
  Fixture f;
  const fs::path target = f.home.write("elsewhere/mine.yaml", "title: Mine\nsteps: [{name: S, hold: 5}]\n");
  ::chmod(target.c_str(), 0600);
  fs::create_directories(f.home.path() / "config/psoas/routines");
  const fs::path link = f.home.path() / "config/psoas/routines/mine.yaml";
  fs::create_symlink(target, link);
  const fs::path editor = f.home.write("bin/editor", "#!/bin/sh\nsed -i 's/hold: 5/hold: 9/' \"$1\"\n");
  fs::permissions(editor, fs::perms::owner_all);
  f.env["EDITOR"] = editor.string();
  CHECK(f.quick({"edit", "mine"}).exit_code == 0);
  CHECK(fs::is_symlink(link));
  CHECK(read_file(target).find("hold: 9") != std::string::npos);
  struct stat info {};
  ::stat(target.c_str(), &info);
  CHECK((info.st_mode & 07777) == 0600);
}

TEST_CASE("new on a full disk leaves nothing behind that blocks the next new") {
  Fixture f;
  // A file size limit of zero: every write fails as on a full disk (SIGXFSZ ignored, so write says EFBIG).
  ProcessOptions options;
  options.args = {"/bin/sh", "-c",
                  std::string("trap '' XFSZ; ulimit -f 0; exec ") + PSOAS_BINARY + " new mine"};
  options.env = f.env;
  const auto full = run_process(options);
  CHECK(full.exit_code == 1);
  CHECK(full.err.find("cannot write") != std::string::npos);
  const fs::path folder = f.home.path() / "config/psoas/routines";
  CHECK(fs::is_empty(folder));
  CHECK(f.psoas({"new", "mine"}).exit_code == 0);
}
