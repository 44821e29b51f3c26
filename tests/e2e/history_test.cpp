// The history end to end: runs recorded, psoas log and psoas stats, with
// XDG_STATE_HOME pointed at a fresh folder.
#include <signal.h>

#include <algorithm>
#include <thread>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/pty.hpp"
#include "support/temp_dir.hpp"

using namespace psoas::testing;
using namespace std::chrono_literals;
using Json = nlohmann::json;

namespace {

constexpr const char* kRoutine = "title: Reach\nsteps:\n  - {name: Reach, hold: 30s, sides: both}\n";

struct Fixture {
  TempDir home;
  std::filesystem::path routine = home.write("reach.yaml", kRoutine);
  std::filesystem::path database = home.path() / "state/psoas/history.db";
  std::map<std::string, std::string> env =
      clean_environment(home.path(), {{"XDG_CONFIG_HOME", (home.path() / "config").string()},
                                      {"XDG_STATE_HOME", (home.path() / "state").string()},
                                      {"TERM", "xterm"},
                                      {"TZ", "UTC"}});

  ProcessResult psoas(const std::vector<std::string>& args) const { return run_psoas(args, env); }
  Json log() const { return Json::parse(psoas({"log", "--json"}).out); }
};

}  // namespace

TEST_CASE("every run is recorded, --dry-run, --no-log and --speed without --log record nothing") {
  Fixture f;
  CHECK(f.psoas({"log"}).err == "psoas: no sessions recorded yet: `psoas run ROUTINE` records one\n");
  CHECK(f.psoas({"run", f.routine.string(), "--speed", "500", "--log"}).exit_code == 0);
  CHECK(f.psoas({"run", f.routine.string(), "--dry-run"}).exit_code == 0);
  CHECK(f.psoas({"run", f.routine.string(), "--speed", "500", "--no-log"}).exit_code == 0);
  CHECK(f.psoas({"run", f.routine.string(), "--speed", "500"}).exit_code == 0);  // a rehearsal
  CHECK(f.psoas({"run", f.routine.string(), "--speed", "500", "--log", "--no-log"}).exit_code == 2);
  const Json log = f.log();
  REQUIRE(log.size() == 1);
  const Json& session = log[0];
  CHECK(session["routine"] == "reach");
  CHECK(session["title"] == "Reach");
  CHECK(session["outcome"] == "finished");
  CHECK(session["planned_seconds"] == 65.0);
  CHECK(session["active_seconds"].get<double>() == doctest::Approx(65.0).epsilon(0.01));
  CHECK(session["held_left_seconds"].get<double>() == doctest::Approx(30.0).epsilon(0.01));
  CHECK(session["held_right_seconds"].get<double>() == doctest::Approx(30.0).epsilon(0.01));
  CHECK(session["segments_completed"] == 3);
  CHECK(session["stopped_at_step"].is_null());
  CHECK(session["started"].get<std::string>().ends_with("+00:00"));
  CHECK(session["content_hash"].get<std::string>().size() == 16);
  const auto table = f.psoas({"log"});
  CHECK(table.out.starts_with("ID        WHEN "));
  CHECK(table.out.find(" reach ") != std::string::npos);
  CHECK(table.out.find("finished") != std::string::npos);
}

TEST_CASE("a quit and a SIGTERM record partial sessions, with the step they stopped at") {
  Fixture f;
  {
    PtyProcess run({PSOAS_BINARY, "run", f.routine.string(), "--yes"}, f.env);
    REQUIRE(run.wait_for_text("? keys", 5s));
    run.write("q");
    REQUIRE(run.wait_exit(5s));
  }
  {
    PtyProcess run({PSOAS_BINARY, "run", f.routine.string(), "--plain"}, f.env);
    REQUIRE(run.wait_for("00:00  Reach", 5s));
    run.send_signal(SIGTERM);
    const auto status = run.wait_exit(5s);
    REQUIRE(status);
    CHECK(status->signal == SIGTERM);
  }
  const Json log = f.log();
  REQUIRE(log.size() == 2);
  CHECK(log[0]["outcome"] == "interrupted");
  CHECK(log[0]["stopped_at_step"] == 1);
  CHECK(log[1]["outcome"] == "quit");
  CHECK(log[1]["stopped_at_step"] == 1);
  CHECK(f.psoas({"log"}).out.find("quit at step 1") != std::string::npos);
}

TEST_CASE("--rate asks how tight each side feels, in the routine's order, and Enter skips a side") {
  Fixture f;
  PtyProcess run(
      {PSOAS_BINARY, "run", f.routine.string(), "--yes", "--quiet", "--speed", "300", "--log", "--rate"},
      f.env);
  REQUIRE(run.wait_for("right side: ", 5s));  // `sides: both` works the right side first
  CHECK(run.output().find("left side: ") == std::string::npos);
  run.write("11\r");  // out of range: asked again
  REQUIRE(run.wait_for("A whole number from 0 to 10", 5s));
  run.write("7\r");
  REQUIRE(run.wait_for("left side: ", 5s));
  run.write("\r");
  REQUIRE(run.wait_exit(5s));
  const Json log = f.log();
  REQUIRE(log.size() == 1);
  CHECK(log[0]["tightness_right"] == 7);
  CHECK(log[0]["tightness_left"].is_null());
}

TEST_CASE("`rate: true` in a routine asks too, a routine without sides asks once") {
  Fixture f;
  const auto routine =
      f.home.write("fold.yaml", "title: Fold\nrate: true\nsteps: [{name: Fold, hold: 20s}]\n");
  PtyProcess run({PSOAS_BINARY, "run", routine.string(), "--yes", "--quiet", "--speed", "300", "--log"},
                 f.env);
  REQUIRE(run.wait_for("hips, overall: ", 5s));
  run.write(" 4 \r");  // spaces around the number are fine
  REQUIRE(run.wait_exit(5s));
  CHECK(f.log()[0]["tightness_overall"] == 4);
  CHECK(f.psoas({"log"}).out.find(" 4 (all)\n") != std::string::npos);  // not to be read as a side
}

TEST_CASE("a damaged history: the run goes on with a one-line warning, log says what is wrong") {
  Fixture f;
  f.home.write("state/psoas/history.db", std::string(2048, '#'));
  const auto run = f.psoas({"run", f.routine.string(), "--speed", "500", "--log"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("01:05  done") != std::string::npos);
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  CHECK(run.err.starts_with("psoas: warning: this session is not recorded: the history at " +
                            f.database.string() + " cannot be used: "));
  const auto log = f.psoas({"log"});
  CHECK(log.exit_code == 1);
  CHECK(log.err.starts_with("psoas: error: the history at "));
}

TEST_CASE("output closed under a run (`| head`): the run stops at once, and is still recorded") {
  Fixture f;
  const std::string script = std::string("'") + PSOAS_BINARY + "' run '" + f.routine.string() +
                             "' --events jsonl --speed 5 --log | /usr/bin/head -n 1 >/dev/null; "
                             "echo ${PIPESTATUS[0]}";
  const auto start = std::chrono::steady_clock::now();
  ProcessOptions options;
  options.args = {"/bin/bash", "-c", script};
  options.env = f.env;
  const auto shell = run_process(options);
  CHECK(std::chrono::steady_clock::now() - start < 5s);  // not the whole 13 s of the run
  CHECK(shell.out == "141\n");                           // as a shell expects of `| head`
  const Json log = f.log();
  REQUIRE(log.size() == 1);
  CHECK(log[0]["outcome"] == "interrupted");
}

TEST_CASE("two runs at the same time both record") {
  Fixture f;
  std::thread other([&] {
    CHECK(f.psoas({"run", f.routine.string(), "--speed", "300", "--log"}).exit_code == 0);
  });
  CHECK(f.psoas({"run", f.routine.string(), "--speed", "300", "--log"}).exit_code == 0);
  other.join();
  CHECK(f.log().size() == 2);
}

TEST_CASE("log filters: --routine, --since, --limit, --csv has a header and a row per session") {
  Fixture f;
  const auto other = f.home.write("other.yaml", "title: Other\nsteps: [{name: S, hold: 5s}]\n");
  for (int i = 0; i < 3; ++i) f.psoas({"run", f.routine.string(), "--speed", "500", "--log"});
  f.psoas({"run", other.string(), "--speed", "500", "--log"});
  CHECK(Json::parse(f.psoas({"log", "--json", "--routine", "other"}).out).size() == 1);
  CHECK(Json::parse(f.psoas({"log", "--json", "--since", "today"}).out).size() == 4);
  CHECK(Json::parse(f.psoas({"log", "--json", "--since", "2999-01-01"}).out).empty());
  CHECK(f.psoas({"log", "--routine", "nosuch"}).err ==
        "psoas: no sessions match; `psoas log` without --routine and --since shows them all\n");
  CHECK(Json::parse(f.psoas({"log", "--json", "--limit", "1"}).out).size() == 1);
  CHECK(Json::parse(f.psoas({"log", "--json"}).out).size() == 4);  // no limit unless asked
  CHECK(f.psoas({"log", "--json", "--csv"}).exit_code == 2);
  const auto limited = f.psoas({"log", "--limit", "2"});
  CHECK(std::count(limited.out.begin(), limited.out.end(), '\n') == 3);
  const auto csv = f.psoas({"log", "--csv"});
  CHECK(csv.out.starts_with("id,routine,title,started,"));
  CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 5);
  CHECK(f.psoas({"log", "--since", "last tuesday"}).exit_code == 2);
}

TEST_CASE("stats: the streak, minutes per week, the routines and the sides") {
  Fixture f;
  f.psoas({"run", f.routine.string(), "--speed", "500", "--log"});
  f.psoas({"run", f.routine.string(), "--speed", "500", "--log"});
  const auto stats = f.psoas({"stats"});
  CHECK(stats.exit_code == 0);
  CHECK(stats.out.starts_with("Streak  1 day in a row (longest 1 day)\n"));
  CHECK(stats.out.find("Minutes per week") != std::string::npos);
  CHECK(stats.out.find("█ 2\n") != std::string::npos);  // two runs of 65 s
  CHECK(stats.out.find("  reach    2 sessions  2m10s") != std::string::npos);
  CHECK(stats.out.find("held       left 1m · right 1m  (even)") != std::string::npos);
  Fixture empty;
  CHECK(empty.psoas({"stats"}).out == "No sessions yet: `psoas run ROUTINE` records one.\n");
}

TEST_CASE("log and stats only read: they never create a history") {
  Fixture f;
  f.psoas({"log"});
  f.psoas({"stats"});
  CHECK_FALSE(std::filesystem::exists(f.database));
}
