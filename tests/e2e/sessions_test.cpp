// Sessions a person can trust, end to end: skipped holds, resume, delete and
// import, stats as JSON, with XDG_STATE_HOME pointed at a fresh folder.
#include <sys/stat.h>

#include <algorithm>
#include <chrono>

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "base/utf8.hpp"
#include "support/process.hpp"
#include "support/pty.hpp"
#include "support/temp_dir.hpp"

using namespace psoas::testing;
using namespace std::chrono_literals;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* kRoutine =
    "title: Reach\nsteps:\n  - {name: Reach, hold: 30s, sides: both}\n  - {name: Fold, hold: 20s}\n";

struct Fixture {
  TempDir home;
  fs::path routine = home.write("config/psoas/routines/reach.yaml", kRoutine);
  fs::path database = home.path() / "state/psoas/history.db";
  std::map<std::string, std::string> env =
      clean_environment(home.path(), {{"XDG_CONFIG_HOME", (home.path() / "config").string()},
                                      {"XDG_STATE_HOME", (home.path() / "state").string()},
                                      {"TERM", "xterm"},
                                      {"TZ", "UTC"}});

  ProcessResult psoas(const std::vector<std::string>& args, const std::string& input = "") const {
    return run_psoas(args, env, input);
  }
  Json log() const { return Json::parse(psoas({"log", "--json"}).out); }

  // A run on a terminal, quit with q then y once it shows `text`.
  std::string run_and_quit(const std::vector<std::string>& extra, std::string_view text) const {
    std::vector<std::string> args = {PSOAS_BINARY, "run", "reach", "--yes"};
    args.insert(args.end(), extra.begin(), extra.end());
    PtyProcess run(args, env);
    REQUIRE(run.wait_for_text(text, 10s));
    run.write("q");
    run.wait_for_text("Quit?", 2s);
    run.write("y");
    const auto status = run.wait_exit(5s);
    REQUIRE(status);
    CHECK(status->exit_code == 3);
    return strip_escapes(run.output());
  }
};

// Skips every segment of a run of reach with n, once it shows its keys; it ends at once, saying so.
void skip_every_hold(PtyProcess& run) {
  REQUIRE(run.wait_for_text("? keys", 5s));
  for (int i = 0; i < 4; ++i) run.write("n");
  const auto status = run.wait_exit(5s);
  REQUIRE(status);
  CHECK(status->exit_code == 0);
  CHECK(strip_escapes(run.output()).find(", 3 of 3 holds skipped") != std::string::npos);
}

}  // namespace

TEST_CASE("skipping every hold is partial, said in the closing line, and keeps no streak") {
  Fixture f;
  PtyProcess run({PSOAS_BINARY, "run", "reach", "--yes"}, f.env);
  skip_every_hold(run);
  const Json log = f.log();
  REQUIRE(log.size() == 1);
  CHECK(log[0]["outcome"] == "partial");
  CHECK(log[0]["holds_skipped"] == 3);
  CHECK(log[0]["held_left_seconds"].get<double>() < 1.0);
  CHECK(f.psoas({"stats"}).out.starts_with("Streak  0 days in a row (longest 0 days)\n"));
  CHECK(f.psoas({"log"}).out.find("partial, 3 skipped") != std::string::npos);
}

TEST_CASE("a quit run says how to go on, and --resume goes on in the same session") {
  Fixture f;
  const std::string quit = f.run_and_quit({"--speed", "10", "--log"}, "HOLD  left side");
  CHECK(quit.find("Reach: quit at step 1 of 2") != std::string::npos);
  CHECK(quit.find("To go on from there within a day: psoas run reach --resume") != std::string::npos);
  const Json before = f.log();
  REQUIRE(before.size() == 1);
  CHECK(before[0]["outcome"] == "quit");
  CHECK(before[0]["stopped_at_segment"] == 2);

  const auto plan = f.psoas({"run", "reach", "--resume", "--dry-run"});
  CHECK(plan.exit_code == 0);
  CHECK(plan.out.find("  00:00    1. Reach · left · get ready 10s\n") != std::string::npos);

  const auto resumed = f.psoas({"run", "reach", "--resume", "--speed", "100", "--log"});
  CHECK(resumed.exit_code == 0);
  CHECK(resumed.out.find("in all with the earlier part, finished") != std::string::npos);
  const Json after = f.log();
  REQUIRE(after.size() == 1);  // one session, extended
  CHECK(after[0]["id"] == before[0]["id"]);
  CHECK(after[0]["outcome"] == "finished");
  CHECK(after[0]["resumed"] == 1);
  CHECK(after[0]["held_right_seconds"].get<double>() == doctest::Approx(30.0).epsilon(0.02));
  // The left hold it stopped in was held again in full: counted once, not once and a bit.
  CHECK(after[0]["held_left_seconds"].get<double>() == doctest::Approx(30.0).epsilon(0.02));
  CHECK(after[0]["stopped_hold_seconds"] == 0);
  CHECK(f.psoas({"log"}).out.find("finished, resumed") != std::string::npos);

  const auto nothing = f.psoas({"run", "reach", "--resume"});
  CHECK(nothing.exit_code == 1);
  CHECK(nothing.err.starts_with("psoas: error: nothing to resume: the last session of reach ("));
  CHECK(nothing.err.ends_with(") reached its end\n"));
  CHECK(f.psoas({"run", "reach", "--resume", "--from", "2"}).exit_code == 2);
  CHECK(f.psoas({"run", "reach", "--resume", "--no-log"}).exit_code == 2);
}

TEST_CASE("--resume goes on only from the newest session: a finished run after a quit leaves nothing") {
  Fixture f;
  f.run_and_quit({"--speed", "10", "--log"}, "HOLD  left side");
  const auto plan = f.psoas({"run", "reach", "--resume", "--dry-run"});
  CHECK(plan.err.starts_with("psoas: going on with reach at step 1 of 2, "));
  CHECK(plan.err.ends_with(" after it stopped\n"));
  CHECK(f.psoas({"run", "reach", "--speed", "100", "--log"}).exit_code == 0);
  const auto nothing = f.psoas({"run", "reach", "--resume"});
  CHECK(nothing.exit_code == 1);
  CHECK(nothing.err.ends_with(") reached its end\n"));
  const Json log = f.log();
  REQUIRE(log.size() == 2);
  CHECK(log[0]["speed"] == 100);
  CHECK(log[1]["speed"] == 10);
  CHECK(log[1]["stopped_hold_seconds"].get<double>() > 0);
}

TEST_CASE("--fit with --from fits the steps from there on, and the log says what was fitted") {
  Fixture f;
  const auto plan = f.psoas({"run", "reach", "--from", "fold", "--fit", "1m", "--dry-run"});
  CHECK(plan.exit_code == 0);
  CHECK(plan.out.find("2. Fold") != std::string::npos);
  CHECK(plan.out.find("1. Reach") == std::string::npos);
  CHECK(plan.out.find("Fold · hold 1m\n") != std::string::npos);
  CHECK(f.psoas({"run", "reach", "--from", "fold", "--fit", "1m", "--speed", "100", "--log"}).exit_code == 0);
  const Json log = f.log();
  REQUIRE(log.size() == 1);
  CHECK(log[0]["fit_seconds"] == 60);
  CHECK(log[0]["from_step"] == 2);
  CHECK(log[0]["planned_hold_seconds"] == 60);
}

TEST_CASE("--resume after the routine changed says so and goes on at the same step, if it is still there") {
  Fixture f;
  f.run_and_quit({"--speed", "10", "--log"}, "step 2 of 2");
  f.home.write(
      "config/psoas/routines/reach.yaml",
      "title: Reach\nsteps:\n  - {name: Reach, hold: 40s, sides: both}\n  - {name: Fold, hold: 25s}\n");
  const auto resumed = f.psoas({"run", "reach", "--resume", "--dry-run"});
  CHECK(resumed.exit_code == 0);
  CHECK(
      resumed.err.starts_with("psoas: reach changed since that session: going on at the start of step 2\n"
                              "psoas: going on with reach at step 2 of 2, "));
  CHECK(resumed.out.find("2. Fold · get ready 10s") != std::string::npos);
  f.home.write("config/psoas/routines/reach.yaml", "title: Reach\nsteps:\n  - {name: Reach, hold: 40s}\n");
  const auto gone = f.psoas({"run", "reach", "--resume"});
  CHECK(gone.exit_code == 1);
  CHECK(gone.err ==
        "psoas: error: reach changed since that session and has no step 2 now; run it from the start\n");
}

TEST_CASE("log --delete removes one session, asking first — log --import adds another machine's once") {
  Fixture f;
  for (int i = 0; i < 2; ++i) f.psoas({"run", "reach", "--speed", "500", "--log"});
  const Json log = f.log();
  REQUIRE(log.size() == 2);
  const std::string id = log[0]["id"];
  CHECK(f.psoas({"log"}).out.find("\n" + id.substr(0, 8) + "  ") != std::string::npos);
  const auto no_terminal = f.psoas({"log", "--delete", id.substr(0, 8)});
  CHECK(no_terminal.exit_code == 2);
  CHECK(no_terminal.err.find("add --yes") != std::string::npos);
  {
    PtyProcess ask({PSOAS_BINARY, "log", "--delete", id.substr(0, 8)}, f.env);
    REQUIRE(ask.wait_for("? [y/N] ", 5s));
    ask.write("n\r");
    REQUIRE(ask.wait_exit(5s));
  }
  CHECK(f.log().size() == 2);
  const auto deleted = f.psoas({"log", "--delete", id.substr(0, 8), "--yes"});
  CHECK(deleted.exit_code == 0);
  CHECK(f.log().size() == 1);
  CHECK(f.psoas({"log", "--delete", id.substr(0, 8), "--yes"}).exit_code == 1);

  // Another machine: the same two sessions, as exported before the delete.
  const fs::path exported = f.home.write("other.json", log.dump(2));
  const auto imported = f.psoas({"log", "--import", exported.string()});
  CHECK(imported.exit_code == 0);
  CHECK(imported.err == "psoas: imported 1 session (1 already here)\n");
  CHECK(f.log().size() == 2);
  CHECK(f.psoas({"log", "--import", exported.string()}).err ==
        "psoas: imported 0 sessions (2 already here)\n");
  const fs::path broken = f.home.write("broken.json", "[\n  {\"log_format\": 1, \"id\": 7}\n]\n");
  const auto refused = f.psoas({"log", "--import", broken.string()});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find(broken.string() + ":2:21: error: session 1: `id` must be text, not 7\n") !=
        std::string::npos);
  CHECK(refused.err.ends_with("psoas: nothing was imported\n"));
  CHECK(f.log().size() == 2);
}

TEST_CASE("stats --json carries the figures, --routine keeps to one routine") {
  Fixture f;
  f.home.write("config/psoas/routines/other.yaml", "title: Other\nsteps: [{name: S, hold: 5s}]\n");
  f.psoas({"run", "reach", "--speed", "500", "--log"});
  f.psoas({"run", "other", "--speed", "500", "--log"});
  const Json all = Json::parse(f.psoas({"stats", "--json"}).out);
  CHECK(all["sessions"] == 2);
  CHECK(all["streak"]["current_days"] == 1);
  CHECK(all["most_used"].size() == 2);
  CHECK(all["sides"]["comparable_sessions"] == 1);
  const Json one = Json::parse(f.psoas({"stats", "--json", "--routine", "other"}).out);
  CHECK(one["routine"] == "other");
  CHECK(one["sessions"] == 1);
  CHECK(one["sides"]["held_left_seconds"] == 0.0);
  CHECK(f.psoas({"stats", "--routine", "nothing"}).out == "No sessions of nothing yet.\n");
}

TEST_CASE("a hand-edited history with extreme values is read, clamped, in every view") {
  Fixture f;
  f.psoas({"run", "reach", "--speed", "500", "--log"});
  {
    SQLite::Database db(f.database.string(), SQLite::OPEN_READWRITE);
    db.exec(
        "UPDATE sessions SET active_ms = 9223372036854775807, held_left_ms = -9223372036854775808, "
        "started_utc_offset_minutes = 9223372036854775807, ended_unix_ms = -1, "
        "title = 'x' || char(27) || '[2J', routine = 'r' || char(27) || '[31m'");
    db.exec(
        "INSERT INTO sessions SELECT NULL, 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', routine, title, "
        "content_hash, -9223372036854775808, started_utc_offset_minutes, ended_unix_ms, "
        "ended_utc_offset_minutes, planned_ms, planned_hold_ms, reached_hold_ms, active_ms, paused_ms, "
        "segments_completed, segments_skipped, holds, holds_skipped, held_left_ms, held_right_ms, "
        "held_unsided_ms, outcome, stopped_at_step, stopped_at_segment, stopped_hold_ms, resumed, speed, "
        "hold_override_ms, reps_override, fit_ms, from_step, rating_left, rating_right, rating_overall, "
        "'Not A Plan' || char(27), -5, NULL FROM sessions");
  }
  for (const std::vector<std::string>& args : {std::vector<std::string>{"log"},
                                               {"log", "--json"},
                                               {"log", "--csv"},
                                               {"stats"},
                                               {"stats", "--json"}}) {
    const auto result = f.psoas(args);
    CHECK_MESSAGE(result.exit_code == 0, args.back());
    CHECK_MESSAGE(result.out.find('\x1b') == std::string::npos, args.back());
    CHECK_MESSAGE(result.out.find("-2562047788015") == std::string::npos, args.back());
  }
  // A plan's name that is not a name, and a week before the first, are left out.
  const std::string json = f.psoas({"log", "--json"}).out;
  CHECK(json.find("Not A Plan") == std::string::npos);
  CHECK(json.find("\"plan_week\": -5") == std::string::npos);
}

TEST_CASE("log and stats refuse a FIFO in the history's place at once, and never hang") {
  Fixture f;
  fs::create_directories(f.database.parent_path());
  REQUIRE(::mkfifo(f.database.c_str(), 0600) == 0);
  for (const char* command : {"log", "stats"}) {
    const auto started = std::chrono::steady_clock::now();
    const auto result = f.psoas({command});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("it is not a regular file") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - started < 2s);
  }
}

TEST_CASE("log fits a narrow terminal: columns give way, the id and the day stay") {
  Fixture f;
  f.home.write("config/psoas/routines/a-routine-with-a-rather-long-name.yaml", kRoutine);
  REQUIRE(f.psoas({"run", "a-routine-with-a-rather-long-name", "--speed", "100", "--log"}).exit_code == 0);
  const std::string id = f.log()[0]["id"].get<std::string>().substr(0, 8);
  for (const int columns : {40, 60, 100}) {
    CAPTURE(columns);
    PtyProcess log({PSOAS_BINARY, "log"}, f.env, columns);
    REQUIRE(log.wait_exit(10s));
    const std::string text = strip_escapes(log.output());
    CHECK(text.find(id) != std::string::npos);
    CHECK(widest_line(text) <= static_cast<std::size_t>(columns));
  }
}

TEST_CASE("with stdin redirected, the keys are read from the terminal") {
  Fixture f;
  const std::string command = std::string("exec ") + PSOAS_BINARY + " run reach --yes < /dev/null";
  PtyProcess run({"/bin/sh", "-c", command}, f.env);
  skip_every_hold(run);
}
