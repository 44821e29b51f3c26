// Ctrl-Z and fg, under a real interactive shell in tmux.
#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/tmux.hpp"

using namespace psoas::testing;
using namespace std::chrono_literals;

TEST_CASE("Ctrl-Z hands the terminal back to the shell, fg takes it again, redrawn and paused") {
  REQUIRE_MESSAGE(have_tmux(), "the job-control test needs tmux (apt-get install tmux)");
  TempDir home;
  const auto routine =
      home.write("stretch.yaml", "title: Stretch\nsteps:\n  - {name: Reach, hold: 5m, sides: both}\n");
  auto env = clean_environment(home.path(), {{"TERM", "xterm-256color"}});
  Tmux tmux(home.path(), env, "PS1='shell$ ' exec bash --norc --noprofile -i");
  REQUIRE(tmux.wait_for("shell$", 5s));

  tmux.send(std::string(PSOAS_BINARY) + " run " + routine.string() + " --yes", true);
  tmux.send("Enter");
  REQUIRE(tmux.wait_for("step 1 of 1", 5s));
  CHECK(tmux.display("#{alternate_on}") == "1");
  CHECK(tmux.display("#{cursor_flag}") == "0");

  tmux.send("C-z");
  REQUIRE(tmux.wait_for("Stopped", 5s));
  // Back on the main screen, with the cursor showing, at the shell's prompt.
  CHECK(tmux.display("#{alternate_on}") == "0");
  CHECK(tmux.display("#{cursor_flag}") == "1");
  CHECK(tmux.screen().find("step 1 of 1") == std::string::npos);

  tmux.send("fg", true);
  tmux.send("Enter");
  REQUIRE(tmux.wait_for("PAUSED", 5s));  // redrawn in full, and still paused
  CHECK(tmux.display("#{alternate_on}") == "1");
  CHECK(tmux.screen().find("step 1 of 1") != std::string::npos);

  tmux.send(" ", true);  // one key, no Enter: raw mode is back
  REQUIRE(tmux.wait_for("space pause", 5s));
  tmux.send("q", true);
  REQUIRE(tmux.wait_for("quit at step 1 of 1", 5s));
  tmux.send("echo status=$?", true);
  tmux.send("Enter");
  CHECK(tmux.wait_for("status=3", 5s));
}
