#include "history/import.hpp"

#include <doctest/doctest.h>

#include "history/store.hpp"
#include "ui/history_view.hpp"

using namespace psoas;
using namespace std::chrono_literals;

namespace {

constexpr std::int64_t kNow = 1'800'000'000'000;

Session sample(std::string uuid) {
  Session s;
  s.uuid = std::move(uuid);
  s.routine = "bridge";
  s.title = "Bridge — “hips”";
  s.content_hash = "0123456789abcdef";
  s.started = {1'790'000'000'123, 60};
  s.ended = {1'790'000'300'000, 60};
  s.planned = 300s;
  s.planned_hold = 240s;
  s.active = 299'250ms;
  s.holds = 6;
  s.holds_skipped = 1;
  s.held_left = 90s;
  s.held_right = 100s;
  s.outcome = SessionOutcome::partial;
  s.resumed = 2;
  s.timing = {45s, 2, std::nullopt, std::nullopt};
  s.ratings = {6, 4, std::nullopt};
  return s;
}

std::string problems_of(std::string_view text) {
  const auto read = read_session_log("in.json", text, kNow);
  std::string out;
  if (const auto* problems = std::get_if<std::vector<Diagnostic>>(&read))
    for (const Diagnostic& problem : *problems) out += to_string(problem) + "\n";
  return out;
}

}  // namespace

TEST_CASE("what log --json writes, log --import reads back whole") {
  const std::vector<Session> written = {sample(random_uuid()), sample(random_uuid())};
  const auto read = read_session_log("in.json", sessions_json(written), kNow);
  REQUIRE(std::holds_alternative<std::vector<Session>>(read));
  const auto& sessions = std::get<std::vector<Session>>(read);
  REQUIRE(sessions.size() == 2);
  const Session& s = sessions[0];
  CHECK(s.uuid == written[0].uuid);
  CHECK(s.title == written[0].title);
  CHECK(s.started.unix_ms == written[0].started.unix_ms);
  CHECK(s.started.utc_offset_minutes == 60);
  CHECK(s.active == 299'250ms);
  CHECK(s.planned_hold == 240s);
  CHECK(s.holds_skipped == 1);
  CHECK(s.outcome == SessionOutcome::partial);
  CHECK(s.resumed == 2);
  CHECK(s.timing == RunTiming{45s, 2, std::nullopt, std::nullopt});
  CHECK(s.ratings.left == 6);
  CHECK_FALSE(s.ratings.overall);
}

TEST_CASE("a bad import file says what is wrong and where, and gives no session") {
  CHECK(problems_of("[\n  {\"log_format\": 1,\n") ==
        "in.json:3:1: error: not JSON: syntax error while parsing object key - unexpected end of input; "
        "expected string literal\n");
  CHECK(problems_of("{\"sessions\": []}") ==
        "in.json:1:1: error: not what `psoas log --json` writes: that is a list of sessions in [ ]\n");
  CHECK(problems_of("[{\"format\": 1}]") ==
        "in.json:1:2: error: session 1: has no `log_format`: this is not what `psoas log --json` writes\n");
  CHECK(problems_of("[\n {\"log_format\": 7}]") ==
        "in.json:2:3: error: session 1: has `log_format` 7, and this psoas reads 1 only; a newer psoas wrote "
        "it\n");
  std::string text = sessions_json({sample(random_uuid())});
  const auto at = text.find("\"held_left_seconds\": 90.0");
  text.replace(at, 25, "\"held_left_seconds\": -1");
  const auto problems = problems_of(text);
  CHECK(problems.find("error: session 1: `held_left_seconds` must be a number of seconds from 0 to 31622400, "
                      "not -1\n") != std::string::npos);
  CHECK(problems.starts_with("in.json:19:5: "));  // the key's own place
  const std::string twice = sessions_json(
      {sample("27066b60-a769-47cf-9f08-66c2140a8e65"), sample("27066b60-a769-47cf-9f08-66c2140a8e65")});
  CHECK(problems_of(twice).find("session 2 has the same id as session 1") != std::string::npos);
  CHECK(problems_of("[\"\xff\"]").find("invalid UTF-8") != std::string::npos);
}
