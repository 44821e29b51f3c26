#include "history/import.hpp"

#include <algorithm>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "history/store.hpp"
#include "support/temp_dir.hpp"
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
  s.timing = {45s, 2, std::nullopt, std::nullopt, std::nullopt};
  s.ratings = {6, 4, std::nullopt};
  s.reached_hold = 200s;
  s.stopped_hold = 7s;
  s.speed = 1.5;
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
  CHECK(s.timing == RunTiming{45s, 2, std::nullopt, std::nullopt, std::nullopt});
  CHECK(s.ratings.left == 6);
  CHECK_FALSE(s.ratings.overall);
  CHECK(s.reached_hold == 200s);
  CHECK(s.stopped_hold == 7s);
  CHECK(s.speed == 1.5);
  Session fitted = sample(random_uuid());
  fitted.timing = {std::nullopt, std::nullopt, 900s, 4, std::nullopt};
  const auto fitted_read = read_session_log("in.json", sessions_json({fitted}), kNow);
  REQUIRE(std::holds_alternative<std::vector<Session>>(fitted_read));
  CHECK(std::get<std::vector<Session>>(fitted_read)[0].timing == fitted.timing);
}

TEST_CASE("an import whose figures cannot all be true is refused, naming the session") {
  const auto message_of = [](const Session& s) {
    const std::string problems = problems_of(sessions_json({s}));
    const auto colon = problems.find(": error: ");
    return colon == std::string::npos ? problems : problems.substr(colon + 2);
  };
  Session held_too_long = sample(random_uuid());
  held_too_long.held_left = 300s;  // 400 s held in 299 s active
  CHECK(message_of(held_too_long) ==
        "error: session 1: the sides were held 400.0 s in all, more than the 299.2 s the run was active\n");
  Session active_too_long = sample(random_uuid());
  active_too_long.speed = 1;
  active_too_long.active = 400s;  // longer than from start to end
  CHECK(message_of(active_too_long) ==
        "error: session 1: `active_seconds` and `paused_seconds` come to 400.0 s, more than the 299.9 s from "
        "`started` to `ended`\n");
  active_too_long.speed = 2;  // a rehearsal: 400 s of routine in 200 s
  CHECK(message_of(active_too_long).empty());
  Session future = sample(random_uuid());
  future.started.unix_ms = kNow + 86'400'000;
  future.ended.unix_ms = kNow + 86'700'000;
  CHECK(message_of(future).starts_with("error: session 1: `started` is in the future ("));
  Session ancient = sample(random_uuid());
  ancient.started.unix_ms = -2'208'988'800'000;  // 1900-01-01
  CHECK(message_of(ancient) ==
        "error: session 1: `started` must be a time from 1970 to 9999, not "
        "\"1900-01-01T01:00:00.000+01:00\"\n");
  CHECK(message_of(sample(random_uuid())).empty());
}

TEST_CASE(
    "a file written before reached_hold_seconds, stopped_hold_seconds and speed existed still imports") {
  std::string text = sessions_json({sample(random_uuid())});
  for (const std::string key : {"reached_hold_seconds", "stopped_hold_seconds", "speed"}) {
    const auto at = text.find("\"" + key + "\"");
    REQUIRE(at != std::string::npos);
    text.erase(text.rfind('\n', at), text.find('\n', at) - text.rfind('\n', at));
  }
  const auto read = read_session_log("in.json", text, kNow);
  REQUIRE(std::holds_alternative<std::vector<Session>>(read));
  const Session& s = std::get<std::vector<Session>>(read)[0];
  CHECK(s.reached_hold == 240s);  // partial reached its end: all its planned hold
  CHECK(s.stopped_hold == 0s);
  CHECK(s.speed == 1.0);
}

TEST_CASE("log --json, imported into another history and written again, is the same bytes") {
  std::vector<Session> written;
  // Titles as import takes them: no control characters but tab and line break, never empty.
  const std::vector<std::string> titles = {"Bridge — “hips”", "Quote \" back\\slash\ttab\nline",
                                           "Hüfte 🧘", "/"};
  for (std::size_t i = 0; i < 12; ++i) {
    Session s = sample(random_uuid());
    s.title = titles[i % titles.size()];
    // Newest first, as the history gives them.
    s.started.unix_ms -= static_cast<std::int64_t>(i) * 86'400'123;
    s.ended.unix_ms -= static_cast<std::int64_t>(i) * 86'400'123;
    s.started.utc_offset_minutes = s.ended.utc_offset_minutes = i % 2 ? -300 : 330;
    s.speed = std::vector<double>{1.5, 1.0, 2.5, 1000.0}[i % 4];
    if (i % 3 == 0) s.ratings = {std::nullopt, std::nullopt, 7};
    if (i % 4 == 1) {
      s.outcome = SessionOutcome::quit;
      s.stopped_at_step = 2;
      s.stopped_at_segment = 3;
      s.timing = {std::nullopt, std::nullopt, 900s, 4, Side::left};
      s.plan = "desk-worker";
      s.plan_week = 2;
    }
    written.push_back(s);
  }
  const std::string exported = sessions_json(written);
  const auto read = read_session_log("in.json", exported, kNow);
  CHECK(problems_of(exported) == "");
  REQUIRE(std::holds_alternative<std::vector<Session>>(read));
  psoas::testing::TempDir dir;
  const auto file = dir.path() / "history.db";
  CHECK(HistoryWriter(file).import(std::get<std::vector<Session>>(read)) == written.size());
  CHECK(sessions_json(HistoryReader::open(file)->sessions({})) == exported);
}

TEST_CASE("each session is read on its own, whatever brackets and commas its strings and extra values hold") {
  Session tricky = sample(random_uuid());
  tricky.title = "a [title], {with} \"brackets\": and \\ commas ]";
  std::string text = sessions_json({tricky, sample(random_uuid()), sample(random_uuid())});
  // A value psoas does not know, nested, is passed over.
  text.replace(text.find("\"log_format\""), 0,
               "\"extra\": {\"list\": [1, {\"x\": \"],\"}], \"y\": []},\n    ");
  const auto read = read_session_log("in.json", text, kNow);
  REQUIRE(std::holds_alternative<std::vector<Session>>(read));
  const auto& sessions = std::get<std::vector<Session>>(read);
  REQUIRE(sessions.size() == 3);
  CHECK(sessions[0].title == tricky.title);
  // A problem in the third session is at its own line.
  const std::size_t third =
      text.find("\"routine\"", text.find("\"routine\"", text.find("\"routine\"") + 1) + 1);
  text.replace(text.find("bridge", third), 6, "Not A Name");
  const std::size_t line = static_cast<std::size_t>(std::count(
                               text.begin(), text.begin() + static_cast<std::ptrdiff_t>(third), '\n')) +
                           1;
  CHECK(problems_of(text).starts_with(fmt::format("in.json:{}:5: error: session 3: `routine`", line)));
  // An element that is not a session is refused, and the sessions after it are still read.
  CHECK(problems_of("[1, " + text.substr(1)).find("error: session 1: must be an object") !=
        std::string::npos);
  CHECK(problems_of("[\n]\n") == "");
}

TEST_CASE(
    "a file that is not JSON is refused at the place it stops being JSON, a number too large included") {
  CHECK(problems_of("[\n  {\"log_format\": 1,}\n]\n") ==
        "in.json:2:20: error: not JSON: syntax error while parsing object key - unexpected '}'; expected "
        "string literal\n");
  // nlohmann-json throws a number it cannot hold as out_of_range, which has no place of its own.
  CHECK(problems_of("[\n  {\"log_format\": 1, \"planned_seconds\": 1e400}\n]\n") ==
        "in.json:2:40: error: not JSON: the number 1e400 is too large\n");
  CHECK(problems_of("[-1e999]") == "in.json:1:2: error: not JSON: the number -1e999 is too large\n");
  CHECK(problems_of("[1e308]").find("not JSON") == std::string::npos);
  // The message after nlohmann-json's own place, whatever colons it quotes.
  CHECK(problems_of("[\n  {\"tightness_left\": NaN}\n]\n") ==
        "in.json:2:22: error: not JSON: syntax error while parsing value - invalid literal; last read: "
        "'\"tightness_left\": N'\n");
}

TEST_CASE("a byte order mark before what log --json wrote is passed over") {
  const std::string exported = sessions_json({sample(random_uuid())});
  const auto read = read_session_log("in.json", "\xEF\xBB\xBF" + exported, kNow);
  REQUIRE(std::holds_alternative<std::vector<Session>>(read));
  CHECK(std::get<std::vector<Session>>(read).size() == 1);
}
