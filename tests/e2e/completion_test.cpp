// The completion scripts, run by the shells themselves.
#include <unistd.h>

#include <filesystem>

#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/pty.hpp"
#include "support/temp_dir.hpp"

using namespace psoas::testing;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// A home whose PATH finds this psoas as `psoas`, and its three scripts.
struct Fixture {
  TempDir home;
  std::map<std::string, std::string> env;

  Fixture() {
    fs::create_directories(home.path() / "bin");
    fs::create_symlink(PSOAS_BINARY, home.path() / "bin/psoas");
    env = clean_environment(home.path(),
                            {{"XDG_CONFIG_HOME", (home.path() / "config").string()}, {"TERM", "xterm"}});
    env["PATH"] = (home.path() / "bin").string() + ":" + env["PATH"];
    for (const char* shell : {"bash", "zsh", "fish"}) {
      const auto result = run_psoas({"completion", shell}, env);
      REQUIRE(result.exit_code == 0);
      home.write(std::string("script.") + shell, result.out);
    }
  }

  std::string shell(const std::string& program, const std::string& script) const {
    ProcessOptions options;
    options.args = {program, "-c", script};
    options.env = env;
    return run_process(options).out;
  }

  // What bash's completion offers for the words typed so far.
  std::string bash(const std::string& words, int current) const {
    return shell("/bin/bash", "source " + (home.path() / "script.bash").string() + "; COMP_WORDS=(" + words +
                                  "); COMP_CWORD=" + std::to_string(current) +
                                  "; _psoas; echo \"${COMPREPLY[*]}\"");
  }

  std::string fish(const std::string& line) const {
    return shell("/usr/bin/fish",
                 "source " + (home.path() / "script.fish").string() + "; complete -C '" + line + "'");
  }
};

}  // namespace

TEST_CASE("bash completes commands, options, their values and routine names") {
  Fixture f;
  CHECK(f.bash("psoas ru", 1) == "run\n");
  CHECK(f.bash("psoas c", 1) == "card check completion\n");
  CHECK(f.bash("psoas run --sp", 2) == "--speed\n");
  CHECK(f.bash("psoas run --events ''", 3) == "jsonl\n");
  CHECK(f.bash("psoas card x --format m", 4) == "markdown\n");
  CHECK(f.bash("psoas run pigeon-r", 2) == "pigeon-routine\n");
  CHECK(f.bash("psoas completion ''", 2) == "bash zsh fish\n");
  CHECK(f.bash("psoas new mine --from pigeon-r", 4) == "pigeon-routine\n");
  CHECK(f.bash("psoas log --routine desk", 3) == "desk-break\n");
  CHECK(f.bash("psoas run x --from pig", 4) == "\n");  // run's --from takes a step, not a routine
  f.home.write("config/psoas/routines/my-own.yaml", "title: Mine\nsteps: [{name: S, hold: 1}]\n");
  CHECK(f.bash("psoas edit my", 2) == "my-own\n");  // found on the search path at completion time
  // The second argument of `card` is one of that routine's steps.
  CHECK(f.bash("psoas card bridge ''", 3) == "1 Bridge\n");
  CHECK(f.bash("psoas card pigeon-routine Pigeon", 3) ==
        "Pigeon\\ pose Pigeon\\ forward\\ fold Pigeon\\ back-knee\\ bend\n");
  CHECK(f.bash("psoas card cobra-and-child Ch", 3) ==
        "Child\\'s\\ pose\n");  // quoted, as the shell reads it back
  CHECK(f.bash("psoas help fo", 2) == "format\n");
  CHECK(f.bash("psoas stats --routine brid", 3) == "bridge\n");
  // remind: its own commands, then a routine to add, a reminder to remove, how long to pause.
  CHECK(f.bash("psoas remind r", 2) == "remove resume\n");
  CHECK(f.bash("psoas remind add desk", 3) == "desk-break\n");
  CHECK(f.bash("psoas remind pause t", 3) == "today\n");
  REQUIRE(run_psoas({"remind", "add", "bridge", "--at", "10:00", "--cron"}, f.env).exit_code == 0);
  CHECK(f.bash("psoas remind remove b", 3) == "bridge\n");
  CHECK(f.bash("psoas today --s", 2) == "--short\n");
}

TEST_CASE("fish completes commands, options, their values and routine names") {
  REQUIRE_MESSAGE(::access("/usr/bin/fish", X_OK) == 0,
                  "the completion tests need fish (apt-get install fish)");
  Fixture f;
  CHECK(f.fish("psoas ru").starts_with("run\tGuide yourself through a routine in real time\n"));
  CHECK(f.fish("psoas run --spe").starts_with("--speed\t"));
  CHECK(f.fish("psoas run --events ").starts_with("jsonl\t"));
  CHECK(f.fish("psoas run pigeon-r") == "pigeon-routine\n");
  CHECK(f.fish("psoas completion ") == "bash\nfish\nzsh\n");
  CHECK(f.fish("psoas new mine --from pigeon-r") ==
        "pigeon-routine\tCopy this routine instead of the starter\n");
  CHECK(f.fish("psoas log --routine desk").starts_with("desk-break\t"));
  CHECK(f.fish("psoas card bridge ") == "1\tBridge\n");
  CHECK(f.fish("psoas help for") == "format\n");
  CHECK(f.fish("psoas remind ad") == "add\n");
  CHECK(f.fish("psoas remind add desk") == "desk-break\n");
}

TEST_CASE("zsh completes, in a real interactive zsh") {
  REQUIRE_MESSAGE(::access("/usr/bin/zsh", X_OK) == 0, "the completion tests need zsh (apt-get install zsh)");
  Fixture f;
  fs::create_directories(f.home.path() / "zfunc");
  fs::copy_file(f.home.path() / "script.zsh", f.home.path() / "zfunc/_psoas");
  PtyProcess zsh({"/usr/bin/zsh", "-f", "-i"}, f.env, 120, 30);
  zsh.write("PS1='zsh> '; fpath=(" + (f.home.path() / "zfunc").string() +
            " $fpath); autoload -U compinit; compinit -u; echo READY\r");
  REQUIRE(zsh.wait_for("READY", 5s));
  std::size_t mark = zsh.output().size();
  zsh.write("psoas ru\t");
  CHECK(zsh.wait_for_text("psoas run ", 5s, mark));
  mark = zsh.output().size();
  zsh.write("pigeon-r\t");
  CHECK(zsh.wait_for_text("pigeon-routine", 5s, mark));
  // The pseudo-terminal's owner ends zsh as it goes out of scope.
}

TEST_CASE("zsh: a sourced script registers itself, and log --routine completes a routine") {
  REQUIRE_MESSAGE(::access("/usr/bin/zsh", X_OK) == 0, "the completion tests need zsh (apt-get install zsh)");
  Fixture f;
  PtyProcess zsh({"/usr/bin/zsh", "-f", "-i"}, f.env, 120, 30);
  zsh.write("PS1='zsh> '; autoload -U compinit; compinit -u; source " +
            (f.home.path() / "script.zsh").string() + "; echo READY\r");
  REQUIRE(zsh.wait_for("READY", 5s));
  std::size_t mark = zsh.output().size();
  zsh.write("psoas log --routine desk\t");
  CHECK(zsh.wait_for_text("desk-break", 5s, mark));
}
