// psoas list keeps what it works out in a cache; the cache must never show
// anything but what a fresh reading would.
#include <sys/stat.h>

#include <filesystem>
#include <thread>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace psoas::testing;
using namespace std::chrono_literals;

namespace {

struct Fixture {
  TempDir home;
  std::filesystem::path cache = home.path() / "cache/psoas/list.json";
  std::map<std::string, std::string> env =
      clean_environment(home.path(), {{"XDG_CONFIG_HOME", (home.path() / "config").string()},
                                      {"XDG_CACHE_HOME", (home.path() / "cache").string()}});

  std::string list() const {
    const auto result = run_psoas({"list"}, env);
    return result.out + result.err;
  }
  // The list as psoas works it out with no cache at all.
  std::string fresh_list() const {
    auto no_cache = env;
    no_cache["XDG_CACHE_HOME"] = (home.path() / "elsewhere").string();
    std::filesystem::remove_all(home.path() / "elsewhere");
    const auto result = run_psoas({"list"}, no_cache);
    return result.out + result.err;
  }
  std::string line_of(const std::string& name) const {
    const std::string all = list();
    const auto start = all.find("\n" + name + " ");
    return start == std::string::npos ? "" : all.substr(start + 1, all.find('\n', start + 1) - start - 1);
  }
};

}  // namespace

TEST_CASE("a warm cache lists exactly what a fresh reading does") {
  Fixture f;
  const std::string cold = f.list();
  CHECK(std::filesystem::exists(f.cache));
  CHECK(f.list() == cold);
  CHECK(cold == f.fresh_list());
}

TEST_CASE("an edited routine is read again") {
  Fixture f;
  const auto file =
      f.home.write("config/psoas/routines/mine.yaml", "title: First title\nsteps: [{name: S, hold: 1}]\n");
  CHECK(f.line_of("mine").find("First title") != std::string::npos);
  std::this_thread::sleep_for(10ms);
  f.home.write("config/psoas/routines/mine.yaml", "title: Second title\nsteps: [{name: S, hold: 1m}]\n");
  CHECK(f.line_of("mine").find("Second title") != std::string::npos);
  CHECK(f.line_of("mine").find(" 1m ") != std::string::npos);
}

TEST_CASE("a routine whose used routine changes, or is shadowed, is read again") {
  Fixture f;
  const std::string before = f.line_of("psoas-release");
  // A user's bridge of 10 minutes now stands in for the built-in one psoas-release uses.
  f.home.write("config/psoas/routines/bridge.yaml", "title: My bridge\nsteps: [{name: Bridge, hold: 10m}]\n");
  const std::string after = f.line_of("psoas-release");
  CHECK(after != before);
  CHECK(f.list() == f.fresh_list());
  // ... and broken, it breaks psoas-release too.
  f.home.write("config/psoas/routines/bridge.yaml", "title: My bridge\nsteps: [{name: Bridge, hodl: 10m}]\n");
  CHECK(f.line_of("psoas-release").find("broken") != std::string::npos);
  std::filesystem::remove(f.home.path() / "config/psoas/routines/bridge.yaml");
  CHECK(f.line_of("psoas-release") == before);
}

TEST_CASE("a damaged cache is rebuilt, silently") {
  Fixture f;
  const std::string cold = f.list();
  f.home.write("cache/psoas/list.json", "{ not json");
  CHECK(f.list() == cold);
  f.home.write("cache/psoas/list.json", R"({"binary": "another psoas", "routines": {}})");
  CHECK(f.list() == cold);
}

TEST_CASE("a plan among the routines is remembered as one, and read again once it becomes a routine") {
  Fixture f;
  const auto file = f.home.write("config/psoas/routines/weekly.yaml", "plan: Weekly\nweeks: []\n");
  CHECK(f.line_of("weekly").empty());
  CHECK(read_file(f.cache).find(file.string()) == std::string::npos);  // changed within a second: not kept
  std::this_thread::sleep_for(1100ms);
  CHECK(f.line_of("weekly").empty());
  // Known as a plan: a warm list does not parse it again.
  CHECK(read_file(f.cache).find(fmt::format(R"("{}":{{"plan":true)", file.string())) != std::string::npos);
  CHECK(f.line_of("weekly").empty());
  std::this_thread::sleep_for(10ms);
  f.home.write("config/psoas/routines/weekly.yaml", "title: Weekly after all\nsteps: [{name: S, hold: 1}]\n");
  CHECK(f.line_of("weekly").find("Weekly after all") != std::string::npos);
  CHECK(f.list() == f.fresh_list());
  std::this_thread::sleep_for(10ms);
  f.home.write("config/psoas/routines/weekly.yaml", "plan: Weekly\nweeks: []\n");
  CHECK(f.line_of("weekly").empty());
}

TEST_CASE("a routine changed within the last second is not kept: the next change may keep its stamp") {
  Fixture f;
  const auto file =
      f.home.write("config/psoas/routines/mine.yaml", "title: First\nsteps: [{name: S, hold: 1}]\n");
  CHECK(f.line_of("mine").find("First") != std::string::npos);
  CHECK(read_file(f.cache).find(file.string()) == std::string::npos);
  // Rewritten in place to the same size, within the kernel's file clock tick or not: read again.
  f.home.write("config/psoas/routines/mine.yaml", "title: Other\nsteps: [{name: S, hold: 1}]\n");
  CHECK(f.line_of("mine").find("Other") != std::string::npos);
  std::this_thread::sleep_for(1100ms);
  CHECK(f.line_of("mine").find("Other") != std::string::npos);
  CHECK(read_file(f.cache).find(file.string()) != std::string::npos);
  CHECK(f.list() == f.fresh_list());
}

TEST_CASE("a cache edited to show what no routine could, or made a FIFO, is passed over") {
  Fixture f;
  const std::string cold = f.list();
  const std::string kept = read_file(f.cache);
  REQUIRE(kept.find(R"("total":)") != std::string::npos);
  for (const auto& [from, to] :
       std::vector<std::pair<std::string, std::string>>{{R"("total":)", R"("total":-5,"was":)"},
                                                        {R"("steps":)", R"("steps":0,"was":)"},
                                                        {R"("steps":)", R"("steps":-1,"was":)"},
                                                        {R"("title":")", R"("title":"\u001b]0;owned\u0007)"},
                                                        {R"("title":")", R"("title":"two\nlines )"},
                                                        {R"("tags":[)", R"("tags":["\u009b31m",)"}}) {
    std::string edited = kept;
    edited.replace(edited.find(from), from.size(), to);
    f.home.write("cache/psoas/list.json", edited);
    CHECK_MESSAGE(f.list() == cold, to);
  }
  std::filesystem::remove(f.cache);
  REQUIRE(::mkfifo(f.cache.c_str(), 0600) == 0);
  CHECK(f.list() == cold);  // not waiting for a writer
}
