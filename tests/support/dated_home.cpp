#include "support/dated_home.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/background.hpp"

namespace psoas::testing {
namespace {

using Json = nlohmann::json;

}  // namespace

DatedHome::DatedHome()
    : env(clean_environment(home.path(),
                            {{"XDG_CONFIG_HOME", (home.path() / "config").string()},
                             {"XDG_STATE_HOME", (home.path() / "state").string()},
                             {"PATH", (home.path() / "bin").string() + ":/usr/bin:/bin"},
                             {"TZ", "UTC"},
                             {"FAKETIME_DONT_FAKE_MONOTONIC", "1"},
                             // faketime preloads its library ahead of a sanitized psoas's runtime
                             {"ASAN_OPTIONS", "verify_asan_link_order=0"}})) {
  remove_faketime_leftovers();  // of a run that was killed: faketime fails where they linger
}

ProcessResult DatedHome::psoas(const std::vector<std::string>& args) const {
  return run_psoas(args, env);
}

ProcessResult DatedHome::psoas_at(const std::string& when, const std::vector<std::string>& args) const {
  ProcessOptions options;
  options.args = {PSOAS_FAKETIME, "-f", "@" + when, PSOAS_BINARY};
  options.args.insert(options.args.end(), args.begin(), args.end());
  options.env = env;
  return run_process(options);
}

void DatedHome::add_session(const std::string& routine, const std::string& started, const std::string& ended,
                            std::optional<int> left, std::optional<int> right) const {
  static int sessions = 0;
  const Json session = {{"log_format", 1},
                        {"id", fmt::format("00000000-0000-4000-8000-{:012}", ++sessions)},
                        {"routine", routine},
                        {"title", routine},
                        {"content_hash", ""},
                        {"started", started},
                        {"ended", ended},
                        {"planned_seconds", 120},
                        {"planned_hold_seconds", 100},
                        {"reached_hold_seconds", 100},
                        {"active_seconds", 120},
                        {"paused_seconds", 0},
                        {"segments_completed", 4},
                        {"segments_skipped", 0},
                        {"holds", 2},
                        {"holds_skipped", 0},
                        {"held_left_seconds", 50},
                        {"held_right_seconds", 50},
                        {"held_unsided_seconds", 0},
                        {"outcome", "finished"},
                        {"stopped_at_step", nullptr},
                        {"stopped_at_segment", nullptr},
                        {"stopped_hold_seconds", 0},
                        {"resumed", 0},
                        {"speed", 1},
                        {"hold_override_seconds", nullptr},
                        {"reps_override", nullptr},
                        {"fit_seconds", nullptr},
                        {"from_step", nullptr},
                        {"tightness_left", left ? Json(*left) : Json(nullptr)},
                        {"tightness_right", right ? Json(*right) : Json(nullptr)},
                        {"tightness_overall", nullptr}};
  const std::filesystem::path file = home.write("import.json", Json::array({session}).dump());
  const auto imported = psoas_at("2026-12-31 00:00:00", {"log", "--import", file.string()});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
}

}  // namespace psoas::testing
