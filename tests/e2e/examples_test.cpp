// Every example in the README and psoas(1) runs as written: those that need
// a person on a real terminal, quit there as a person would; the others
// through a shell, in a fresh home, one after the other as a reader would.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/pty.hpp"
#include "support/temp_dir.hpp"

using namespace psoas::testing;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

struct Example {
  std::string where;    // "README.md:39"
  std::string command;  // as a shell reads it
};

std::string strip_comment(const std::string& line) {
  const auto comment = line.find("  #");
  std::string out = comment == std::string::npos ? line : line.substr(0, comment);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The psoas command lines of the README's sh blocks, but for the build and install ones.
std::vector<Example> readme_examples() {
  const std::string text = read_file(PSOAS_SOURCE_DIR "/README.md");
  std::vector<Example> examples;
  bool in_block = false;
  int number = 0;
  std::string pending;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    start = end == std::string::npos ? text.size() : end + 1;
    ++number;
    if (line.starts_with("```")) {
      in_block = line == "```sh";
      continue;
    }
    if (!in_block) continue;
    const std::string command = strip_comment(line);
    if (!pending.empty()) {
      pending += "\n" + command;
      if (!command.ends_with("|") && command.find("done") == std::string::npos) continue;
      if (command.ends_with("done")) {
        examples.push_back({"README.md", pending});
        pending.clear();
      }
      continue;
    }
    if (!command.starts_with("psoas ")) continue;
    if (command.ends_with("|")) {
      pending = command;
      continue;
    }
    examples.push_back({"README.md:" + std::to_string(number), command});
  }
  return examples;
}

// The man page's examples: `.Dl $ psoas ...` lines and `$ psoas` literal displays.
std::vector<Example> manual_examples() {
  const std::string text = read_file(PSOAS_SOURCE_DIR "/man/psoas.1");
  std::vector<Example> examples;
  std::string literal;
  bool in_literal = false;
  int number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    std::string line = text.substr(start, end - start);
    start = end == std::string::npos ? text.size() : end + 1;
    ++number;
    for (std::size_t at; (at = line.find("\\e")) != std::string::npos;) line.replace(at, 2, "\\");
    if (line.starts_with(".Bd -literal")) {
      in_literal = true;
      literal.clear();
    } else if (line.starts_with(".Ed")) {
      in_literal = false;
      if (literal.starts_with("$ ") && literal.find("psoas") != std::string::npos)
        examples.push_back({"man/psoas.1:" + std::to_string(number), literal.substr(2)});
    } else if (in_literal) {
      literal += (literal.empty() ? "" : "\n") + line;
    } else if (line.starts_with(".Dl $ ") && line.find("psoas") != std::string::npos) {
      examples.push_back({"man/psoas.1:" + std::to_string(number), line.substr(6)});
    }
  }
  return examples;
}

bool needs_a_person(const std::string& command) {
  const bool run =
      command.find("psoas run") != std::string::npos && command.find("--dry-run") == std::string::npos;
  return run || command.find("--delete") != std::string::npos;
}

struct Home {
  TempDir home;
  fs::path work = home.path() / "work";
  std::map<std::string, std::string> env;

  Home() {
    fs::create_directories(work);
    fs::create_directories(home.path() / "bin");
    fs::create_symlink(PSOAS_BINARY, home.path() / "bin/psoas");
    // A systemd user manager that does as it is told, for `psoas remind add`.
    home.write("bin/systemctl", "#!/bin/sh\nexit 0\n");
    fs::permissions(home.path() / "bin/systemctl", fs::perms::owner_all);
    // What a person's home has when the examples write there.
    fs::create_directories(home.path() / ".config/fish/completions");
    fs::create_directories(home.path() / ".local/share/bash-completion/completions");
    env = clean_environment(home.path(), {{"PATH", (home.path() / "bin").string() + ":/usr/bin:/bin"},
                                          {"EDITOR", "true"},
                                          {"TERM", "xterm"},
                                          {"TZ", "UTC"}});
    // The README's own example routine, for `psoas check my-hips.yaml`.
    const std::string readme = read_file(PSOAS_SOURCE_DIR "/README.md");
    const auto yaml = readme.find("```yaml\n", readme.find("A routine looks like this"));
    const auto body = yaml + 8;
    home.write("work/my-hips.yaml", readme.substr(body, readme.find("```", body) - body));
  }

  std::string shell_line(const std::string& command) const {
    return "cd '" + work.string() + "' && " + command;
  }
};

// A person at the terminal: through the briefing to the run, then q (and y),
// and Enter past any question about how tight the sides feel.
void run_with_a_person(const Home& home, const Example& example) {
  PtyProcess process({"/bin/bash", "-c", home.shell_line(example.command)}, home.env);
  if (example.command.find("--delete") != std::string::npos) {
    REQUIRE_MESSAGE(process.wait_for("[y/N] ", 10s), example.where, ": ", example.command);
    process.write("y\r");
  } else {
    const bool shown = process.wait_for_text(" q quits", 10s) || process.wait_for_text("? keys", 1s);
    REQUIRE_MESSAGE(shown, example.where, ": ", example.command, "\n", strip_escapes(process.output()));
    for (int enter = 0; enter < 8 && !process.wait_for_text("? keys", 300ms); ++enter) process.write("\r");
    const std::size_t before_quit = process.output().size();
    process.write("q");
    if (process.wait_for_text("Quit?", 500ms, before_quit)) process.write("y");
    if (process.wait_for_text("How tight", 1s, before_quit)) process.write("\r\r\r");
  }
  const auto status = process.wait_exit(10s);
  REQUIRE_MESSAGE(status, example.where, ": ", example.command);
  CHECK_MESSAGE(is_cooked(process.mode()), example.where, ": the terminal was left raw");
  // A run quit ends with 3; a pipeline ends as its last command does.
  const bool run = example.command.find("psoas run") != std::string::npos &&
                   example.command.find('|') == std::string::npos;
  CHECK_MESSAGE(status->exit_code == (run ? 3 : 0), example.where, ": ", example.command, "\n",
                strip_escapes(process.output()));
}

}  // namespace

// Runs `examples` in order in one fresh home, as one reader would.
static void run_in_order(const std::vector<Example>& examples) {
  Home home;
  // Sessions to look at, delete and export, as a reader would have by then.
  CHECK(run_psoas({"run", "bridge", "--speed", "1000", "--log"}, home.env).exit_code == 0);
  CHECK(run_psoas({"run", "bridge", "--speed", "1000", "--log"}, home.env).exit_code == 0);
  for (Example example : examples) {
    // The example id of `log --delete` is a session's: the newest one's here.
    if (const auto at = example.command.find("3f2a9c1e"); at != std::string::npos) {
      const auto log = run_psoas({"log"}, home.env).out;
      example.command.replace(at, 8, log.substr(log.find('\n') + 1, 8));
    }
    if (needs_a_person(example.command)) {
      run_with_a_person(home, example);
      continue;
    }
    ProcessOptions options;
    options.args = {"/bin/bash", "-c", home.shell_line(example.command)};
    // Sourced in zsh, after compinit, as psoas(1) says.
    if (example.command.find("completion zsh)") != std::string::npos)
      options.args = {"/usr/bin/zsh", "-c",
                      "autoload -Uz compinit && compinit -u && " + home.shell_line(example.command)};
    options.env = home.env;
    options.timeout = 20s;
    const ProcessResult result = run_process(options);
    CHECK_MESSAGE(result.exit_code == 0, example.where, ": ", example.command, "\n", result.err);
    CHECK_MESSAGE(result.err.find("error") == std::string::npos, example.where, ": ", example.command, "\n",
                  result.err);
  }
}

TEST_CASE("every example of the README runs as written") {
  const auto examples = readme_examples();
  REQUIRE(examples.size() >= 20);
  run_in_order(examples);
}

TEST_CASE("every example of psoas(1) runs as written") {
  const auto examples = manual_examples();
  REQUIRE(examples.size() >= 10);
  run_in_order(examples);
}
