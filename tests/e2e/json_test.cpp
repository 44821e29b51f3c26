// The JSON outputs of the built binary, as a script sees them.
#include <sstream>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/pty.hpp"
#include "support/temp_dir.hpp"

using namespace psoas::testing;
using namespace std::chrono_literals;
using Json = nlohmann::json;

namespace {

struct Fixture {
  TempDir home;
  std::map<std::string, std::string> env = clean_environment(
      home.path(), {{"XDG_CONFIG_HOME", (home.path() / "config").string()}, {"TERM", "xterm"}});
};

std::vector<Json> json_lines(const std::string& text) {
  std::vector<Json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(Json::parse(line));
  return lines;
}

}  // namespace

TEST_CASE("list --json, card --json and check --json parse, and agree") {
  Fixture f;
  const Json list = Json::parse(run_psoas({"list", "--json"}, f.env).out);
  REQUIRE(list.is_array());
  Json bridge;
  for (const Json& row : list)
    if (row["name"] == "bridge") bridge = row;
  REQUIRE(bridge.is_object());
  CHECK(bridge["origin"] == "built-in");
  const Json card = Json::parse(run_psoas({"card", "bridge", "--json"}, f.env).out);
  CHECK(card["total_seconds"] == bridge["total_seconds"]);
  CHECK(card["segments"].back()["start_seconds"].get<int>() +
            card["segments"].back()["duration_seconds"].get<int>() ==
        card["total_seconds"].get<int>());
  const auto bad = f.home.write("bad.yaml", "title: T\nsteps: []\n");
  const auto checked = run_psoas({"check", "--json", bad.string(), "bridge"}, f.env);
  CHECK(checked.exit_code == 1);
  CHECK(checked.err.empty());
  const Json result = Json::parse(checked.out);
  CHECK(result["valid"] == false);
  CHECK(result["files"][0]["diagnostics"][0] == Json{{"file", bad.string()},
                                                     {"line", 2},
                                                     {"column", 8},
                                                     {"severity", "error"},
                                                     {"message", "`steps` must not be empty"}});
  CHECK(result["files"][1]["valid"] == true);
  CHECK(result["files"][1]["total_seconds"] == bridge["total_seconds"]);
}

TEST_CASE("run --events jsonl through a pipe: JSON lines on stdout, plain lines on stderr") {
  Fixture f;
  const auto result = run_psoas({"run", "bridge", "--events", "jsonl", "--speed", "400"}, f.env);
  CHECK(result.exit_code == 0);
  const auto events = json_lines(result.out);
  REQUIRE(events.size() >= 3);
  CHECK(events.front()["event"] == "started");
  CHECK(events.back()["event"] == "finished");
  for (const Json& event : events) {
    CHECK(event["routine"] == "bridge");
    CHECK(event.contains("time"));
    CHECK(event.contains("elapsed_seconds"));
  }
  CHECK(result.err.find("00:10  Bridge · hold 30s (rep 1 of 3)") != std::string::npos);
}

TEST_CASE("run --events jsonl on a terminal: the screen goes to the terminal, the JSON to stdout") {
  Fixture f;
  const auto events_file = f.home.path() / "events.jsonl";
  PtyProcess run({"/bin/sh", "-c",
                  std::string(PSOAS_BINARY) + " run bridge --yes --quiet --speed 200 --events jsonl > " +
                      events_file.string()},
                 f.env);
  const auto status = run.wait_exit(5s);
  REQUIRE(status);
  CHECK(status->exit_code == 0);
  CHECK(run.output().find("\x1b[?1049h") != std::string::npos);  // the screen, on the terminal
  CHECK(run.output().find("\"event\"") == std::string::npos);
  const auto events = json_lines(read_file(events_file));
  REQUIRE_FALSE(events.empty());
  CHECK(events.back()["event"] == "finished");
}
