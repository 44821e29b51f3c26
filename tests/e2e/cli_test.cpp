// The built binary, end to end: output, errors and exit statuses.
#include <sys/stat.h>

#include <filesystem>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "base/utf8.hpp"
#include "support/process.hpp"
#include "support/pty.hpp"
#include "support/temp_dir.hpp"

using namespace psoas::testing;

namespace {

// A fresh home with an empty user folder, so the real one never leaks in.
struct Fixture {
  TempDir home;
  std::map<std::string, std::string> env =
      clean_environment(home.path(), {{"XDG_CONFIG_HOME", (home.path() / "config").string()}});
  std::filesystem::path user_folder = home.path() / "config/psoas/routines";

  ProcessResult psoas(const std::vector<std::string>& args) const { return run_psoas(args, env); }
};

constexpr const char* kValid = "title: Mine\nsteps:\n  - name: Stretch\n    hold: 30s\n    sides: both\n";

}  // namespace

TEST_CASE("--version prints the version and exits 0") {
  Fixture f;
  const auto result = f.psoas({"--version"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "psoas " PSOAS_VERSION_STRING "\n");
}

TEST_CASE("a bad command line exits 2") {
  Fixture f;
  CHECK(f.psoas({}).exit_code == 2);
  CHECK(f.psoas({"dance"}).exit_code == 2);
  CHECK(f.psoas({"card"}).exit_code == 2);
  CHECK(f.psoas({"card", "bridge", "--format", "pdf"}).exit_code == 2);
  CHECK(f.psoas({"list", "--bogus"}).exit_code == 2);
}

TEST_CASE("a bad command line is explained in psoas's words, naming what to do") {
  Fixture f;
  const auto expect = [&](const std::vector<std::string>& args, const std::string& message) {
    CAPTURE(message);
    const auto result = f.psoas(args);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err == "psoas: error: " + message + "\n");
  };
  expect({"run"}, "`psoas run` needs a routine name or file; see `psoas run --help`");
  expect({"rnu"},
         "no command `rnu` (did you mean `run`?); the commands are run, list, card, check, log, "
         "stats, today, remind, nudge, plan, figure, export, new, edit, help, completion");
  expect({"run", "bridge", "--bogus"}, "`psoas run` has no option `--bogus`; see `psoas run --help`");
  expect({"--bogus"}, "`psoas` has no option `--bogus`; see `psoas --help`");
  expect({},
         "a command is needed: run, list, card, check, log, stats, today, remind, nudge, plan, figure, "
         "export, new, "
         "edit, "
         "help, completion; see `psoas --help`");
  // An unknown option is named alone, without the value after it, with a suggestion when one is close.
  expect({"run", "desk-break", "--every", "1h"},
         "`psoas run` has no option `--every`; see `psoas run --help`");
  expect({"run", "desk-break", "--spped", "10"},
         "`psoas run` has no option `--spped`; did you mean `--speed`?; see `psoas run --help`");
  expect({"run", "desk-break", "--spped=10"},
         "`psoas run` has no option `--spped`; did you mean `--speed`?; see `psoas run --help`");
  expect({"card", "bridge", "--format", "json"},
         "--format takes `text`, `markdown`, `pdf`, `svg` or `png`, not `json`; for JSON, use --json");
  expect({"log", "--yes"}, "`--yes` only goes with `--delete`");
  expect({"log", "--json", "--csv"}, "`--csv` and `--json` cannot be used together");
  expect({"run", "bridge", "--log", "--no-log"}, "`--no-log` and `--log` cannot be used together");
  expect({"run", "bridge", "--dry-run", "--events", "jsonl"},
         "`--dry-run` and `--events` cannot be used together");
  expect({"run", "bridge", "--speed", "abc"}, "--speed takes a number from 0.01 to 1000, not `abc`");
  expect({"run", "bridge", "--speed", "0"}, "--speed takes a number from 0.01 to 1000, not `0`");
  expect({"run", "bridge", "--reps", "2.5"}, "--reps takes a whole number from 1 to 100, not `2.5`");
  expect({"run", "bridge", "--events", "xml"}, "--events takes `jsonl`, not `xml`");
  expect({"stats", "--weeks", "-1"}, "--weeks takes a whole number from 1 to 104, not `-1`");
  expect({"log", "--delete", ""},
         "--delete takes a session's id, at least its first 4 characters as `psoas log` shows them, not ``");
  expect({"run", "bridge", "--hold", "99999999999999999999s"},
         "--hold must be a duration from 1s to 24h, such as 45s, 2m or 1:30, not `99999999999999999999s`");
}

TEST_CASE("each command, built alone when it is named, is the one named") {
  // psoas builds only the options of the command the first word names.
  Fixture f;
  const std::string overall = f.psoas({"--help"}).out;
  for (const char* command : {"run", "list", "card", "check", "log", "stats", "today", "remind", "nudge",
                              "plan", "figure", "export", "new", "edit", "help", "completion"}) {
    CAPTURE(command);
    const auto help = f.psoas({command, "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find(fmt::format("\nUsage: psoas {} ", command)) != std::string::npos);
    CHECK(overall.find(fmt::format("\n  {} ", command)) != std::string::npos);
  }
}

TEST_CASE("--help: every description on its option's line, what cannot go together said in words") {
  Fixture f;
  for (const char* command : {"card", "run", "log"}) {
    CAPTURE(command);
    const auto help = f.psoas({command, "--help"});
    CHECK(help.out.find("Excludes") == std::string::npos);
    CHECK(help.out.find("(not with --") != std::string::npos);
  }
}

TEST_CASE("every subcommand's --help shows an example") {
  Fixture f;
  for (const char* command : {"list", "card", "check"}) {
    CAPTURE(command);
    const auto result = f.psoas({command, "--help"});
    CHECK(result.exit_code == 0);
    CHECK(result.out.find(std::string("Examples:\n  psoas ") + command) != std::string::npos);
  }
}

TEST_CASE("list shows the built-ins sorted by name, with totals, steps, tags and origin") {
  Fixture f;
  const auto result = f.psoas({"list"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(result.out.starts_with("NAME "));
  CHECK(result.out.find("\x1b[") == std::string::npos);  // not a terminal: no colour
  const auto bridge = result.out.find("\nbridge ");
  const auto butterfly = result.out.find("\nbutterfly ");
  const auto yoga = result.out.find("\nyoga-hips ");
  REQUIRE(bridge != std::string::npos);
  CHECK(bridge < butterfly);
  CHECK(butterfly < yoga);
  const std::string pigeon_line =
      result.out.substr(result.out.find("\npigeon-routine ") + 1,
                        result.out.find('\n', result.out.find("\npigeon-routine ") + 1) -
                            result.out.find("\npigeon-routine ") - 1);
  CHECK(pigeon_line.find("built-in") != std::string::npos);
  CHECK(pigeon_line.find("hips") != std::string::npos);
}

TEST_CASE("list --tag keeps the routines with that tag") {
  Fixture f;
  const auto result = f.psoas({"list", "--tag", "DESK"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("\ndesk-break ") != std::string::npos);
  CHECK(result.out.find("\nbridge ") == std::string::npos);

  const auto none = f.psoas({"list", "--tag", "nope"});
  CHECK(none.exit_code == 0);
  CHECK(none.out.empty());  // no header over nothing
  CHECK(none.err == "psoas: no routine is tagged `nope`\n");
  CHECK(f.psoas({"list", "--tag", "nope", "--json"}).out == "[]\n");
}

TEST_CASE("list: a user routine shadowing a built-in says so, a broken file is listed as broken") {
  Fixture f;
  f.home.write("config/psoas/routines/bridge.yaml", kValid);
  f.home.write("config/psoas/routines/aaa-broken.yaml", "title: Broken\nsteps:\n  - name: X\n    hodl: 3\n");
  f.home.write("config/psoas/routines/mine.yaml", kValid);
  const auto result = f.psoas({"list"});
  CHECK(result.exit_code == 1);
  const auto broken_file = (f.user_folder / "aaa-broken.yaml").string();
  CHECK(result.err == broken_file + ":4:5: error: unknown key `hodl`; did you mean `hold`?\n");
  CHECK(result.out.find("\naaa-broken ") != std::string::npos);
  CHECK(result.out.find("broken  ") != std::string::npos);
  CHECK(result.out.find("user, shadows built-in") != std::string::npos);
  CHECK(result.out.find("\nmine ") != std::string::npos);
  CHECK(result.out.find("\nbutterfly ") != std::string::npos);  // the others still list
}

TEST_CASE("PSOAS_PATH comes before the user folder") {
  Fixture f;
  f.home.write("extra/mine.yaml", "title: From PSOAS_PATH\nsteps: [{name: S, hold: 1}]\n");
  f.home.write("config/psoas/routines/mine.yaml", kValid);
  f.env["PSOAS_PATH"] = (f.home.path() / "extra").string();
  const auto result = f.psoas({"card", "mine"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.starts_with("From PSOAS_PATH"));
}

TEST_CASE("card prints the pigeon routine's card, 80 columns wide when not a terminal") {
  Fixture f;
  const auto result = f.psoas({"card", "pigeon-routine"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("Before you start") != std::string::npos);
  CHECK(result.out.find("  1 [ ] ") != std::string::npos);
  CHECK(result.out.find(std::string(80, '=')) != std::string::npos);
  CHECK(result.out.find(std::string(81, '=')) == std::string::npos);
}

TEST_CASE("card STEP prints one step by number or by name") {
  Fixture f;
  const auto by_number = f.psoas({"card", "pigeon-routine", "2"});
  CHECK(by_number.exit_code == 0);
  CHECK(by_number.out.find("step 2 of") != std::string::npos);
  CHECK(by_number.out.find("Before you start") == std::string::npos);
  const auto by_name = f.psoas({"card", "pigeon-routine", "warm up"});
  CHECK(by_name.exit_code == 0);
  CHECK(by_name.out.find("  1 [ ] Warm up") != std::string::npos);
  const auto missing = f.psoas({"card", "pigeon-routine", "99"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("psoas: error: there is no step 99: the routine has steps 1 to ") == 0);
  const auto typo = f.psoas({"card", "pigeon-routine", "Warm upp"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("did you mean `Warm up`?") != std::string::npos);
}

TEST_CASE("card --format markdown") {
  Fixture f;
  const auto result = f.psoas({"card", "bridge", "--format", "markdown"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.starts_with("# "));
  CHECK(result.out.find("- [ ] **1. ") != std::string::npos);
}

TEST_CASE("a routine name that is not found lists the folders searched and suggests close names") {
  Fixture f;
  const auto result = f.psoas({"card", "pigeon-routin"});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err.starts_with("psoas: error: no routine named `pigeon-routin` (searched " +
                               f.user_folder.string() + ", "));
  CHECK(result.err.ends_with("; did you mean `pigeon-routine`?; `psoas list` shows every routine\n"));
  CHECK(result.err.find(std::string(PSOAS_SOURCE_DIR) + "/routines") != std::string::npos);
}

TEST_CASE("escape codes in a name or a file never reach the terminal") {
  Fixture f;
  const auto name = f.psoas({"card", "\x1b[31mred"});
  CHECK(name.exit_code == 1);
  CHECK(name.err.starts_with("psoas: error: no routine named `\\x1b[31mred` (searched "));
  const auto file = f.home.write("esc.yaml", "title: T\nsteps:\n  - name: S\n    hold: \x1b[31mred\n");
  const auto checked = f.psoas({"check", file.string()});
  CHECK(checked.exit_code == 1);
  CHECK(checked.err.find('\x1b') == std::string::npos);
  CHECK(checked.err.find("`\\x1b[31mred`") != std::string::npos);
}

TEST_CASE("check: every error of every file, exit 1, valid files ok, exit 0, a warning keeps 0") {
  Fixture f;
  const auto good = f.home.write("good.yaml", kValid);
  const auto bad =
      f.home.write("bad.yaml", "title: Bad\nsteps:\n  - name: X\n    hold: 30 secs\n    reps: two\n");
  const auto renamed = f.home.write("renamed.yaml", std::string("name: other\n") + kValid);

  const auto ok = f.psoas({"check", good.string()});
  CHECK(ok.exit_code == 0);
  CHECK(ok.err.empty());
  CHECK(ok.out == good.string() + ": ok (1 step, 1m5s)\n");
  const auto wrong_folder = f.psoas({"check", "bridge.yaml"});
  CHECK(wrong_folder.exit_code == 1);
  CHECK(wrong_folder.err == "bridge.yaml: error: no such file; the routine `bridge` is " +
                                std::string(PSOAS_SOURCE_DIR) +
                                "/routines/bridge.yaml, and `psoas check bridge` checks it\n");
  // A broken link named like a built-in is no wrong folder: it says what it is.
  std::filesystem::create_symlink(f.home.path() / "gone.yaml", f.home.path() / "bridge.yaml");
  const auto broken_link = f.psoas({"check", (f.home.path() / "bridge.yaml").string()});
  CHECK(broken_link.exit_code == 1);
  CHECK(broken_link.err == (f.home.path() / "bridge.yaml").string() +
                               ":1:1: error: cannot open: a broken symbolic link (to " +
                               (f.home.path() / "gone.yaml").string() + ")\n");
  const auto checklist = f.psoas({"check", "pigeon-routine"});
  CHECK(checklist.out.ends_with(": ok (7 steps, 4m55s + checklist)\n"));

  const auto failed = f.psoas({"check", bad.string(), good.string()});
  CHECK(failed.exit_code == 1);
  CHECK(failed.err ==
        bad.string() +
            ":4:11: error: `hold` must be a duration such as 45s, 2m, 1m30s or 1:30, or until-done, not "
            "`30 secs`\n" +
            bad.string() + ":5:11: error: `reps` must be a whole number of at least 1, not `two`\n");
  CHECK(failed.out == good.string() + ": ok (1 step, 1m5s)\n");

  const auto warned = f.psoas({"check", renamed.string()});
  CHECK(warned.exit_code == 0);
  CHECK(warned.err.find("renamed.yaml:1:7: warning: `name` is `other`") != std::string::npos);
}

TEST_CASE("check never hangs on a FIFO and refuses a folder") {
  Fixture f;
  const auto fifo = f.home.path() / "fifo.yaml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const auto result = f.psoas({"check", fifo.string(), f.home.path().string()});
  CHECK_FALSE(result.timed_out);
  CHECK(result.exit_code == 1);
  CHECK(result.err == fifo.string() + ":1:1: error: is not a regular file\n" + f.home.path().string() +
                          ":1:1: error: is a folder, not a file\n");
}

TEST_CASE("every built-in passes psoas check") {
  Fixture f;
  std::vector<std::string> args = {"check"};
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(PSOAS_SOURCE_DIR) / "routines"))
    args.push_back(entry.path().string());
  const auto result = f.psoas(args);
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
}

TEST_CASE("on a terminal: colour, unless NO_COLOR is set or TERM is dumb, errors show the line and a caret") {
  Fixture f;
  f.env["TERM"] = "xterm-256color";
  {
    PtyProcess list({PSOAS_BINARY, "list"}, f.env, 100);
    REQUIRE(list.wait_exit(std::chrono::seconds(10)));
    CHECK(list.output().find("\x1b[1m") != std::string::npos);
  }
  {
    auto env = f.env;
    env["NO_COLOR"] = "1";
    PtyProcess list({PSOAS_BINARY, "list"}, env, 100);
    REQUIRE(list.wait_exit(std::chrono::seconds(10)));
    CHECK(list.output().find('\x1b') == std::string::npos);
  }
  {
    auto env = f.env;
    env["TERM"] = "dumb";
    PtyProcess list({PSOAS_BINARY, "list"}, env, 100);
    REQUIRE(list.wait_exit(std::chrono::seconds(10)));
    CHECK(list.output().find('\x1b') == std::string::npos);
  }
  {
    auto env = f.env;
    env["NO_COLOR"] = "1";
    const auto bad = f.home.write("typo.yaml", "title: T\nsteps:\n  - name: S\n    hodl: 30s\n    hold: 1\n");
    PtyProcess check({PSOAS_BINARY, "check", bad.string()}, env, 100);
    const auto status = check.wait_exit(std::chrono::seconds(10));
    REQUIRE(status);
    CHECK(status->exit_code == 1);
    CHECK(check.output() == bad.string() +
                                ":4:5: error: unknown key `hodl`; did you mean `hold`?\r\n"
                                " 4 |     hodl: 30s\r\n"
                                "   |     ^\r\n");
  }
}

TEST_CASE("list and card fit a narrow terminal") {
  Fixture f;
  for (const int columns : {50, 64, 80}) {
    CAPTURE(columns);
    PtyProcess list({PSOAS_BINARY, "list"}, f.env, columns);
    REQUIRE(list.wait_exit(std::chrono::seconds(10)));
    const std::string text = strip_escapes(list.output());
    CHECK(widest_line(text) <= static_cast<std::size_t>(columns));
    CHECK(text.find("psoas-release") != std::string::npos);  // names are never cut
  }
  PtyProcess card({PSOAS_BINARY, "card", "butterfly"}, f.env, 50);
  REQUIRE(card.wait_exit(std::chrono::seconds(10)));
  CHECK(card.output().find(std::string(50, '=')) != std::string::npos);
  CHECK(card.output().find(std::string(51, '=')) == std::string::npos);
}

TEST_CASE("`use` of a routine that sits beside the file but not on the search path says how to reach it") {
  Fixture f;
  const TempDir folder;
  const auto mine = folder.write("mine.yaml", "title: Mine\nsteps:\n  - use: warm\n");
  folder.write("warm.yaml", "title: Warm\nsteps:\n  - {name: Walk, hold: 1m}\n");
  const auto result = f.psoas({"check", mine.string()});
  CHECK(result.exit_code == 1);
  CHECK(result.err.find(mine.string() + ":3:10: error: no routine named `warm` (searched ") == 0);
  CHECK(result.err.ends_with(
      "); warm.yaml is beside this file, but `use` looks on the search path only: add its folder to "
      "PSOAS_PATH\n"));
  f.env["PSOAS_PATH"] = folder.path().string();
  CHECK(f.psoas({"check", mine.string()}).exit_code == 0);
}

TEST_CASE("help on a terminal goes through $PAGER, and straight out when the pager cannot start") {
  Fixture f;
  f.env["PAGER"] = "sed 's/^/paged: /'";
  PtyProcess paged({PSOAS_BINARY, "help", "keys"}, f.env);
  REQUIRE(paged.wait_exit(std::chrono::seconds(10)));
  CHECK(strip_escapes(paged.output()).find("paged: ") != std::string::npos);
  // No such pager, and no less or more on PATH: the text itself, not an error.
  f.env["PAGER"] = "no-such-pager";
  f.env["PATH"] = f.home.path().string();
  PtyProcess fallback({PSOAS_BINARY, "help", "keys"}, f.env);
  const auto status = fallback.wait_exit(std::chrono::seconds(10));
  REQUIRE(status);
  CHECK(status->exit_code == 0);
  const std::string text = strip_escapes(fallback.output());
  CHECK(text.find("paged: ") == std::string::npos);
  CHECK(text.find("Pause or resume") != std::string::npos);
}
