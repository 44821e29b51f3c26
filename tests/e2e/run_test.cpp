// `psoas run` end to end: the built binary on a real pseudo-terminal, driven
// by keys and signals, and through a pipe.
#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/pty.hpp"
#include "support/temp_dir.hpp"

using namespace psoas::testing;
using namespace std::chrono_literals;

namespace {

constexpr const char* kRoutine = R"(title: Test stretch
equipment: [mat]
cautions: [Go gently.]
steps:
  - name: Reach
    hold: 30s
    sides: both
    cues: [Breathe]
  - name: Fold
    hold: 20s
)";

struct Fixture {
  TempDir home;
  std::filesystem::path routine = home.write("stretch.yaml", kRoutine);
  std::map<std::string, std::string> env = clean_environment(
      home.path(), {{"XDG_CONFIG_HOME", (home.path() / "config").string()}, {"TERM", "xterm-256color"}});

  std::unique_ptr<PtyProcess> start(std::vector<std::string> args, int columns = 80, int rows = 24) {
    std::vector<std::string> argv = {PSOAS_BINARY, "run", routine.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return std::make_unique<PtyProcess>(argv, env, columns, rows);
  }
};

// The terminal was handed back: cooked mode, cursor shown, main screen.
void check_restored(const PtyProcess& run) {
  CHECK(is_cooked(run.mode()));
  const std::string& out = run.output();
  const auto left = out.rfind("\x1b[?1049l");
  REQUIRE(left != std::string::npos);
  CHECK(out.find("\x1b[?25h", out.rfind("\x1b[?25l")) != std::string::npos);
  CHECK(out.find("\x1b[?1049h", left) == std::string::npos);  // not entered again after
}

}  // namespace

TEST_CASE("keys: pause, resume, skip, add time, quit, the terminal is restored") {
  Fixture f;
  auto run = f.start({"--yes"});
  REQUIRE(run->wait_for("step 1 of 2", 5s));
  CHECK_FALSE(is_cooked(run->mode()));  // raw while running
  CHECK(run->output().find("\x1b[?1049h") != std::string::npos);

  run->write(" ");
  REQUIRE(run->wait_for("PAUSED", 2s));
  std::size_t mark = run->output().size();
  run->write("p");
  REQUIRE(run->wait_for("space pause", 2s, mark));
  mark = run->output().size();
  run->write("+");
  REQUIRE(run->wait_for("0:39", 2s, mark));  // the title: 30 s plus 10, under a second gone
  mark = run->output().size();
  run->write("n");
  REQUIRE(run->wait_for_text("SWITCH SIDES", 2s, mark));
  run->write("q");
  const auto status = run->wait_exit(5s);
  REQUIRE(status);
  CHECK(status->exit_code == 3);
  check_restored(*run);
  CHECK(run->output().find("Test stretch: quit at step 1 of 2") != std::string::npos);
}

TEST_CASE("the briefing shows cautions and the equipment, Enter ticks, then starts") {
  Fixture f;
  auto run = f.start({});
  REQUIRE(run->wait_for_text("[ ] mat", 5s));
  CHECK(strip_escapes(run->output()).find("Go gently.") != std::string::npos);
  run->write("\r");
  REQUIRE(run->wait_for_text("[x] mat", 2s));
  REQUIRE(run->wait_for_text("Press Enter to start.", 2s));
  run->write("\r");
  REQUIRE(run->wait_for("step 1 of 2", 2s));
  run->write("q");
  REQUIRE(run->wait_exit(5s));
  check_restored(*run);
}

TEST_CASE("a run to the end exits 0 with a summary, and leaves the terminal as it was") {
  Fixture f;
  auto run = f.start({"--yes", "--speed", "200", "--quiet"});
  const auto status = run->wait_exit(5s);
  REQUIRE(status);
  CHECK(status->exit_code == 0);
  check_restored(*run);
  CHECK(run->output().find("Test stretch: done in 1:25 (1:25 planned, 0:00 paused)") != std::string::npos);
  CHECK(strip_escapes(run->output()).find('\a') == std::string::npos);  // --quiet; titles end in BEL too
}

TEST_CASE("bells: one as each segment begins and at the end, and ticks before each hold ends") {
  Fixture f;
  auto run = f.start({"--yes", "--speed", "100"});
  REQUIRE(run->wait_exit(5s));
  const std::string text = strip_escapes(run->output());  // a title ends in BEL too
  const auto bells = std::count(text.begin(), text.end(), '\a');
  // 4 segments and the end always ring. At 100 times the speed a second is
  // 10 ms, and a late wake-up on a busy machine may merge two ticks, so only
  // at most 3 for each of the 3 holds is promised here; the runner's
  // fake-clock test proves each tick.
  CHECK(bells >= 4 + 1);
  CHECK(bells <= 4 + 1 + 3 * 3);
}

TEST_CASE("--voice speaks through espeak-ng, without waiting for it") {
  Fixture f;
  // A stand-in espeak-ng that notes what it was asked to say, slowly.
  const auto said = f.home.path() / "said.txt";
  const auto fake =
      f.home.write("bin/espeak-ng", "#!/bin/sh\necho \"$2\" >> " + said.string() + "\nsleep 1\n");
  std::filesystem::permissions(fake, std::filesystem::perms::owner_all);
  auto env = f.env;
  env["PATH"] = (f.home.path() / "bin").string() + ":/usr/bin:/bin";
  const auto start = std::chrono::steady_clock::now();
  const auto result = run_psoas({"run", f.routine.string(), "--voice", "--speed", "100"}, env);
  CHECK(std::chrono::steady_clock::now() - start < 3s);  // 0.85 s of routine, however slow the speech
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  // A speaker may still be starting after psoas is gone: reads until every phrase is in, or 10 s.
  const std::vector<std::string> phrases = {"Reach, right side. Hold. Breathe.", "Switch sides, left side.",
                                            "Fold. Hold."};
  std::string spoken;
  const auto all_spoken = [&] {
    return std::all_of(phrases.begin(), phrases.end(),
                       [&](const std::string& phrase) { return spoken.find(phrase) != std::string::npos; });
  };
  for (const auto deadline = std::chrono::steady_clock::now() + 10s;
       !all_spoken() && std::chrono::steady_clock::now() < deadline; std::this_thread::sleep_for(20ms)) {
    std::ifstream in(said);
    spoken.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  for (const auto& phrase : phrases) CHECK(spoken.find(phrase) != std::string::npos);
}

TEST_CASE("Ctrl-C, SIGTERM, SIGHUP and a crash: restored terminal, death by the signal") {
  struct Case {
    const char* name;
    int signal;
    bool by_key;
  };
  for (const Case c : {Case{"Ctrl-C", SIGINT, true}, Case{"SIGTERM", SIGTERM, false},
                       Case{"SIGHUP", SIGHUP, false}, Case{"SIGSEGV", SIGSEGV, false}}) {
    CAPTURE(c.name);
    Fixture f;
    auto run = f.start({"--yes"});
    REQUIRE(run->wait_for("step 1 of 2", 5s));
    if (c.by_key) {
      run->write("\x03");
    } else {
      run->send_signal(c.signal);
    }
    const auto status = run->wait_exit(5s);
    REQUIRE(status);
    CHECK(status->signal == c.signal);
    check_restored(*run);
  }
}

TEST_CASE("a window resize redraws the whole screen at the new size") {
  Fixture f;
  auto run = f.start({"--yes"}, 80, 24);
  REQUIRE(run->wait_for_text("? keys", 5s));  // the last row: the whole first frame is in
  const std::size_t mark = run->output().size();
  run->resize(50, 20);
  REQUIRE(run->wait_for("\x1b[2J", 2s, mark));
  REQUIRE(run->wait_for("\x1b[20;1H", 2s, mark));  // it draws down to the new last row
  CHECK(run->output().find("\x1b[24;1H", mark) == std::string::npos);
  run->write("q");
  REQUIRE(run->wait_exit(5s));
  check_restored(*run);
}

TEST_CASE("--plain on a terminal: plain lines, not a single escape code") {
  Fixture f;
  auto run = f.start({"--plain", "--speed", "200"});
  const auto status = run->wait_exit(5s);
  REQUIRE(status);
  CHECK(status->exit_code == 0);
  CHECK(run->output().find('\x1b') == std::string::npos);
  CHECK(run->output().find("00:00  Reach · right · hold 30s") != std::string::npos);
}

TEST_CASE("through a pipe: plain lines with the elapsed time") {
  Fixture f;
  const auto result = run_psoas({"run", f.routine.string(), "--speed", "200"}, f.env);
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "Test stretch · 1m25s · 2 steps\n"
        "! Go gently.\n"
        "00:00  Reach · right · hold 30s\n"
        "00:30  Reach · left · switch sides 5s\n"
        "00:35  Reach · left · hold 30s\n"
        "01:05  Fold · hold 20s\n"
        "01:25  done\n"
        "Test stretch: done in 1:25 (1:25 planned, 0:00 paused) (not recorded: a rehearsal at --speed 200; "
        "--log records it)\n");
  CHECK(result.err.empty());
}

TEST_CASE("in plain mode SIGTERM still ends the run by that signal") {
  Fixture f;
  auto run = f.start({"--plain"});
  REQUIRE(run->wait_for("00:00  Reach", 5s));
  run->send_signal(SIGTERM);
  const auto status = run->wait_exit(5s);
  REQUIRE(status);
  CHECK(status->signal == SIGTERM);
}

TEST_CASE("--dry-run prints the timeline and the total without waiting") {
  Fixture f;
  const auto result = run_psoas({"run", f.routine.string(), "--dry-run", "--from", "Fold"}, f.env);
  CHECK(result.exit_code == 0);
  CHECK(result.out == "Test stretch · 20s · 2 steps\n  00:00    2. Fold · hold 20s\n  00:20  total 20s\n");
  const auto overridden =
      run_psoas({"run", f.routine.string(), "--dry-run", "--hold", "1m", "--reps", "2"}, f.env);
  CHECK(overridden.out.find("total 6m5s") != std::string::npos);
}

TEST_CASE("list, card and run --dry-run agree on a routine's total") {
  Fixture f;
  const auto list = run_psoas({"list"}, f.env);
  const auto card = run_psoas({"card", "psoas-release"}, f.env);
  const auto dry = run_psoas({"run", "psoas-release", "--dry-run"}, f.env);
  const auto line_start = list.out.find("\npsoas-release ");
  REQUIRE(line_start != std::string::npos);
  const std::string line =
      list.out.substr(line_start + 1, list.out.find('\n', line_start + 1) - line_start - 1);
  const std::string total =
      dry.out.substr(dry.out.rfind("total ") + 6, dry.out.size() - dry.out.rfind("total ") - 7);
  CHECK((line.find(" " + total + " ") != std::string::npos ||
         line.find(" " + total + "+") != std::string::npos));
  CHECK(card.out.find("total " + total) != std::string::npos);
}

TEST_CASE("bad run options exit 2 with a message") {
  Fixture f;
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{{"--speed", "0"},
                                                                                    {"--hold", "abc"},
                                                                                    {"--hold", "0"},
                                                                                    {"--reps", "0"},
                                                                                    {"--from", "99"},
                                                                                    {"--from", "nope"}}) {
    std::vector<std::string> full = {"run", f.routine.string(), "--dry-run"};
    full.insert(full.end(), args.begin(), args.end());
    CAPTURE(args[0]);
    const auto result = run_psoas(full, f.env);
    CHECK(result.exit_code == 2);
    CHECK_FALSE(result.err.empty());
  }
}

TEST_CASE("--voice without espeak-ng says so in one line and runs anyway") {
  Fixture f;
  auto env = f.env;
  env["PATH"] = f.home.path().string();  // nothing to find here
  const auto result = run_psoas({"run", f.routine.string(), "--voice", "--speed", "500"}, env);
  CHECK(result.exit_code == 0);
  CHECK(result.err ==
        "psoas: --voice needs espeak-ng, which is not installed (apt-get install espeak-ng); running without "
        "a voice\n");
}

TEST_CASE("--plain on a terminal reads keys without echo, and says which at the start") {
  Fixture f;
  auto run = f.start({"--plain"});
  REQUIRE(run->wait_for("keys: space pause · n skip · b back · +/- 10s · i setup · q quit · ? keys\r\n", 5s));
  REQUIRE(run->wait_for("00:00  Reach · right · hold 30s", 5s));
  run->write(" ");
  CHECK(run->wait_for("  paused\r\n", 5s));
  run->write(" ");
  CHECK(run->wait_for("  resumed\r\n", 5s));
  run->write("n");
  CHECK(run->wait_for("  skipped\r\n", 5s));
  run->write("q");
  const auto status = run->wait_exit(5s);
  REQUIRE(status);
  CHECK(status->exit_code == 3);
  CHECK(is_cooked(run->mode()));
  // No key was echoed: every line is psoas's own.
  for (std::string_view rest = run->output(); !rest.empty();) {
    const std::string_view line = rest.substr(0, rest.find("\r\n"));
    CHECK_MESSAGE((line.empty() || std::string_view(" nq").find(line.front()) == std::string_view::npos),
                  line);
    rest.remove_prefix(std::min(rest.size(), line.size() + 2));
  }
  CHECK(run->output().find('\x1b') == std::string::npos);
}

TEST_CASE("--rate with --events asks on the terminal itself") {
  Fixture f;
  auto run = f.start({"--yes", "--rate", "--events", "jsonl", "--speed", "200", "--log"});
  REQUIRE(run->wait_for("right side: ", 10s));  // in the order the sides were worked
  run->write("3\r");
  REQUIRE(run->wait_for("left side: ", 5s));
  run->write("\r");
  const auto status = run->wait_exit(5s);
  REQUIRE(status);
  CHECK(status->exit_code == 0);
}
