// Plans end to end: started on a Monday, followed through weeks of sessions
// imported into the history, with the dates from faketime.
#include <filesystem>

#include <doctest/doctest.h>

#include "support/dated_home.hpp"

using namespace psoas::testing;
namespace fs = std::filesystem;

namespace {

// A day of the plan's first weeks, from Monday 2026-12-07: "2026-12-07".
std::string day(int offset) {
  static const char* const kDays[] = {"2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11",
                                      "2026-12-12", "2026-12-13", "2026-12-14", "2026-12-15", "2026-12-16",
                                      "2026-12-17", "2026-12-18", "2026-12-19", "2026-12-20", "2026-12-21"};
  return kDays[offset];
}

void did(const DatedHome& h, const std::string& routine, int offset, std::optional<int> left = std::nullopt,
         std::optional<int> right = std::nullopt) {
  h.add_session(routine, day(offset) + "T18:00:00.000+00:00", day(offset) + "T18:05:00.000+00:00", left,
                right);
}

// The holds of a dry run, in order: "30s 30s".
std::string holds_of(const std::string& dry_run) {
  std::string holds;
  for (std::size_t at = dry_run.find("· hold "); at != std::string::npos;
       at = dry_run.find("· hold ", at + 1)) {
    const std::size_t start = at + std::string_view("· hold ").size();
    const std::size_t end = dry_run.find_first_of(" \n", start);
    holds += (holds.empty() ? "" : " ") + dry_run.substr(start, end - start);
  }
  return holds;
}

}  // namespace

TEST_CASE("a plan over weeks: holds grow with each week kept, a missed week waits, flags still win") {
  DatedHome h;
  const auto started = h.psoas_at("2026-12-07 08:00:00", {"plan", "start", "psoas-4-weeks"});
  CHECK(started.exit_code == 0);
  CHECK(started.err ==
        "psoas: on plan psoas-4-weeks from 2026-12-07 for 4 weeks; `psoas plan status` says where you are\n");
  const auto first = h.psoas_at("2026-12-07 08:00:00", {"run", "kneeling-hip-flexor", "--dry-run"});
  CHECK(holds_of(first.out) == "30s 30s");
  CHECK(
      first.err.starts_with("psoas: plan psoas-4-weeks, week 1 of 4: holds 30s (0 weeks kept before this "
                            "one; from 30s toward 1m)\n"));
  // Week 1 kept: both stretches every day, the ball twice (16 of 18).
  for (int d = 0; d < 7; ++d) {
    did(h, "kneeling-hip-flexor", d);
    did(h, "pigeon-sequence", d);
  }
  did(h, "psoas-ball-release", 0);
  did(h, "psoas-ball-release", 2);
  const auto second = h.psoas_at("2026-12-14 08:00:00", {"plan", "status"});
  CHECK(second.exit_code == 0);
  CHECK(second.out.starts_with(
      "Four weeks to longer hip flexors (psoas-4-weeks): week 2 of 4, started Mon "
      "2026-12-07\nThis week: 0 of 18 sessions done; so far 16 of 21. Weeks kept: 1 of "
      "1.\n"));
  CHECK(second.out.find("  week 1  ████████░░  16 of 18  kept\n") != std::string::npos);
  CHECK(second.out.find("week 2 of 4: holds 40s (1 week kept before this one") != std::string::npos);
  CHECK(holds_of(h.psoas_at("2026-12-14 08:00:00", {"run", "kneeling-hip-flexor", "--dry-run"}).out) ==
        "40s 40s");
  // Today shows what the plan asks of it, beside the reminders, and the prompt line names it.
  CHECK(h.psoas_at("2026-12-14 08:00:00", {"today", "--short"}).out ==
        "psoas: kneeling-hip-flexor, pigeon-sequence, psoas-ball-release due\n");
  did(h, "pigeon-sequence", 7);
  CHECK(h.psoas_at("2026-12-14 19:00:00", {"today"})
            .out.ends_with("Plan psoas-4-weeks, week 2 of 4\n"
                           "  kneeling-hip-flexor  to do\n"
                           "  pigeon-sequence      done\n"
                           "  psoas-ball-release   to do\n"
                           "\n"
                           "Done: pigeon-sequence at 18:05\n"));
  // A run of the plan records the plan, its week and the hold it gave.
  REQUIRE(h.psoas_at("2026-12-14 08:00:00",
                     {"run", "kneeling-hip-flexor", "--speed", "100", "--log", "-y", "--plain"})
              .exit_code == 0);
  const std::string log = h.psoas({"log", "--json"}).out;
  CHECK(log.find("\"hold_override_seconds\": 40") != std::string::npos);
  CHECK(log.find("\"plan\": \"psoas-4-weeks\",\n    \"plan_week\": 2,") != std::string::npos);
  // The command line wins; --no-plan runs the routine as written.
  CHECK(
      holds_of(h.psoas_at("2026-12-14 08:00:00", {"run", "kneeling-hip-flexor", "--dry-run", "--hold", "45s"})
                   .out) == "45s 45s");
  const auto as_written =
      h.psoas_at("2026-12-14 08:00:00", {"run", "kneeling-hip-flexor", "--dry-run", "--no-plan"});
  CHECK(holds_of(as_written.out) == "30s 30s");
  CHECK(as_written.err.empty());
  // Week 2 missed (3 sessions): week 3 keeps week 2's holds.
  for (int d = 7; d < 10; ++d) did(h, "kneeling-hip-flexor", d);
  const auto third = h.psoas_at("2026-12-21 08:00:00", {"plan", "status", "--json"});
  CHECK(third.out.find("\"week\": 3") != std::string::npos);
  CHECK(third.out.find("\"weeks_kept\": 1") != std::string::npos);
  CHECK(third.out.find("\"hold_seconds\": 40") != std::string::npos);
  // Routines outside the plan run as written, without a word of it.
  const auto other = h.psoas_at("2026-12-21 08:00:00", {"run", "bridge", "--dry-run"});
  CHECK(other.err.empty());
}

TEST_CASE("favour the tighter side: the left held half as long again after three ratings agree") {
  DatedHome h;
  REQUIRE(h.psoas_at("2026-12-07 08:00:00", {"plan", "start", "psoas-4-weeks"}).exit_code == 0);
  const auto unrated = h.psoas_at("2026-12-07 08:00:00", {"plan", "status"});
  CHECK(unrated.out.find("no ratings yet to favour the tighter side: run with --rate") != std::string::npos);
  did(h, "pigeon-sequence", 0, 7, 4);
  did(h, "pigeon-sequence", 1, 6, 4);
  did(h, "pigeon-sequence", 2, 8, 5);
  const auto favoured = h.psoas_at("2026-12-10 08:00:00", {"run", "pigeon-sequence", "--dry-run"});
  // Pigeon pose, fold and back-knee bend: the left side's three, then the right's.
  CHECK(holds_of(favoured.out) == "45s 45s 45s 30s 30s 30s");
  CHECK(favoured.err.find("left side tighter by 2 points or more in the last 3 ratings") !=
        std::string::npos);
  // stats shows the plan's weeks, each side's tightness in them, and the trend.
  const auto stats = h.psoas_at("2026-12-10 09:00:00", {"stats"});
  CHECK(stats.out.find("Plan psoas-4-weeks: week 1 of 4, started Mon 2026-12-07\n") != std::string::npos);
  CHECK(stats.out.find("(this week)  tightness left 7.0, right 4.3\n") != std::string::npos);
  const auto stats_json = h.psoas_at("2026-12-10 09:00:00", {"stats", "--json"});
  CHECK(stats_json.out.find("\"tightness_left\": 7.0") != std::string::npos);
  CHECK(stats_json.out.find("\"weeks_kept\": 0") != std::string::npos);
  did(h, "pigeon-sequence", 3, 5, 5);  // within a point: even again
  CHECK(holds_of(h.psoas_at("2026-12-11 08:00:00", {"run", "pigeon-sequence", "--dry-run"}).out) ==
        "30s 30s 30s 30s 30s 30s");
}

TEST_CASE("one plan at a time, a plan changed on disk, stop, and the mistakes a person makes") {
  DatedHome h;
  REQUIRE(h.psoas_at("2026-12-07 08:00:00", {"plan", "start", "psoas-4-weeks"}).exit_code == 0);
  // Another plan asks first; without a terminal to ask on, --yes is needed.
  const auto second = h.psoas_at("2026-12-08 08:00:00", {"plan", "start", "desk-daily"});
  CHECK(second.exit_code == 1);
  CHECK(second.err ==
        "psoas: error: you are on plan psoas-4-weeks already; `psoas plan stop` it first, or add --yes to "
        "start desk-daily instead\n");
  CHECK(h.psoas_at("2026-12-08 08:00:00", {"plan", "start", "desk-daily", "--yes"}).exit_code == 0);
  const auto list = h.psoas({"plan", "list"});
  CHECK(list.out ==
        "* desk-daily     open-ended  Desk breaks every working day\n"
        "  psoas-4-weeks  4 weeks     Four weeks to longer hip flexors\n"
        "* the plan you are on\n");
  CHECK(list.exit_code == 0);
  // A plan with errors, or not even text, is listed as broken, and the list exits 1.
  const auto bad_plan =
      h.home.write("config/psoas/routines/bad-plan.yaml", "plan:\n  title: Bad\n  sessions: 3\n");
  const auto garbled = h.home.write("config/psoas/routines/garbled-plan.yaml", "plan:\n  title: \xff\n");
  const auto with_broken = h.psoas({"plan", "list"});
  CHECK(with_broken.exit_code == 1);
  CHECK(with_broken.out.find("  bad-plan       broken      `psoas check " + bad_plan.string() +
                             "` says why\n") != std::string::npos);
  CHECK(with_broken.out.find("  garbled-plan   broken      `psoas check " + garbled.string() +
                             "` says why\n") != std::string::npos);
  std::filesystem::remove(bad_plan);
  std::filesystem::remove(garbled);
  // The plan file changed since: said, and followed as it is now.
  h.home.write("config/psoas/routines/desk-daily.yaml",
               "plan:\n  title: Mine\n  sessions:\n    - routine: desk-break\n      days: daily\n"
               "      progress:\n        hold: {from: 35s, to: 40s, step: 5s}\n");
  const auto changed = h.psoas_at("2026-12-08 09:00:00", {"plan", "status"});
  CHECK(changed.out.find("The plan file changed since it was started: psoas follows it as it is now.") !=
        std::string::npos);
  const auto run = h.psoas_at("2026-12-08 09:00:00", {"run", "desk-break", "--dry-run"});
  CHECK(holds_of(run.out) == "35s 35s 35s");
  CHECK(run.err.find("plan desk-daily changed since you started it") != std::string::npos);
  // Stopped: runs are as written again, and status says so.
  CHECK(h.psoas({"plan", "stop"}).err ==
        "psoas: plan desk-daily stopped; the sessions stay in the history\n");
  const auto none = h.psoas({"plan", "status"});
  CHECK(none.exit_code == 1);
  CHECK(none.err.starts_with("psoas: you are on no plan;"));
  CHECK(h.psoas({"plan", "stop"}).exit_code == 1);
  // A plan is not a routine, nor a routine a plan; a name found nowhere gets a suggestion.
  const auto run_plan = h.psoas({"run", "psoas-4-weeks"});
  CHECK(run_plan.exit_code == 1);
  CHECK(
      run_plan.err.starts_with("psoas: error: psoas-4-weeks is a plan, not a routine: `psoas plan start "
                               "psoas-4-weeks` follows it"));
  const auto start_routine = h.psoas({"plan", "start", "bridge"});
  CHECK(start_routine.exit_code == 1);
  CHECK(start_routine.err.starts_with("psoas: error: bridge is a routine, not a plan"));
  const auto misspelt = h.psoas({"plan", "start", "psoas-4-week"});
  CHECK(misspelt.exit_code == 1);
  CHECK(misspelt.err.find("did you mean `psoas-4-weeks`?") != std::string::npos);
  CHECK(h.psoas({"plan", "start", "psoas-4-weeks", "--on", "someday"}).exit_code == 2);
  CHECK(h.psoas_at("2026-12-08 09:00:00", {"plan", "start", "psoas-4-weeks", "--on", "tomorrow"})
            .err.starts_with("psoas: on plan psoas-4-weeks from 2026-12-09 for 4 weeks"));
  CHECK(h.psoas_at("2026-12-08 09:00:00", {"plan", "start", "psoas-4-weeks", "--on", "2026-12-14", "--yes"})
            .err.starts_with("psoas: on plan psoas-4-weeks from 2026-12-14 for 4 weeks"));
  // Before it begins, and after its last week, runs are as written.
  CHECK(h.psoas_at("2026-12-08 09:00:00", {"run", "kneeling-hip-flexor", "--dry-run"}).err.empty());
  CHECK(
      h.psoas_at("2026-12-08 09:00:00", {"plan", "status"}).out.find("week 1 of 4, starts Mon 2026-12-14") !=
      std::string::npos);
  const auto over = h.psoas_at("2027-01-12 09:00:00", {"plan", "status"});
  CHECK(over.out.find("The plan ended after 4 weeks;") != std::string::npos);
  const auto after = h.psoas_at("2027-01-12 09:00:00", {"run", "kneeling-hip-flexor", "--dry-run"});
  CHECK(after.err.empty());
  REQUIRE(h.psoas({"plan", "stop"}).exit_code == 0);
  // A broken plan is refused with its errors, and nothing starts.
  h.home.write("config/psoas/routines/broken-plan.yaml",
               "plan:\n  title: x\n  sessions: [{routine: nope}]\n");
  const auto broken = h.psoas({"plan", "start", "broken-plan"});
  CHECK(broken.exit_code == 1);
  CHECK(broken.err.find("broken-plan.yaml:3:24: error: no routine named `nope`") != std::string::npos);
  CHECK(h.psoas({"plan", "status"}).exit_code == 1);
  // A name found nowhere is no plan, and plans alone are suggested.
  CHECK(h.psoas({"plan", "start", "nope"}).err.starts_with("psoas: error: no plan named `nope` (searched "));
  CHECK(h.psoas({"plan", "start", "bridges"}).err.find("did you mean") == std::string::npos);
  // A plan that was started and can no longer be followed, or a plan.json that is not psoas's, is
  // said to be so, not to be no plan.
  h.home.write("config/psoas/routines/my-plan.yaml", "plan:\n  title: x\n  sessions: [{routine: bridge}]\n");
  REQUIRE(h.psoas_at("2026-12-08 09:00:00", {"plan", "start", "my-plan"}).exit_code == 0);
  h.home.write("config/psoas/routines/my-plan.yaml", "plan:\n  title: x\n  sessions: [{routine: nope}]\n");
  const auto unfollowable = h.psoas_at("2026-12-08 09:00:00", {"plan", "status"});
  CHECK(unfollowable.exit_code == 1);
  CHECK(unfollowable.err.find("psoas: warning: plan my-plan cannot be followed") != std::string::npos);
  CHECK(unfollowable.err.find("no plan;") == std::string::npos);
  h.home.write("state/psoas/plan.json", "{not json");
  const auto damaged = h.psoas({"plan", "status"});
  CHECK(damaged.exit_code == 1);
  CHECK(damaged.err.find("plan.json: not what psoas writes there") != std::string::npos);
  CHECK(damaged.err.find("no plan;") == std::string::npos);
  REQUIRE(h.psoas({"plan", "stop"}).exit_code == 0);
  CHECK(h.psoas({"plan", "status"}).err.starts_with("psoas: you are on no plan;"));
  // A plan's card is its weeks as a table.
  const auto card = h.psoas({"card", "psoas-4-weeks", "--width", "80"});
  CHECK(card.exit_code == 0);
  CHECK(card.out.find("  week  kneeling-hip-flexor  pigeon-sequence  psoas-ball-release\n"
                      "  1     30s                  30s              as written\n"
                      "  2     40s                  40s              as written\n"
                      "  3     50s                  50s              as written\n"
                      "  4     1m                   1m               as written\n") != std::string::npos);
  CHECK(card.out.find("  psoas-ball-release — mon,wed,fri,sun\n") != std::string::npos);
  CHECK(h.psoas({"card", "desk-daily", "--format", "markdown"}).out.find("| 1 | 35s |\n| 2+ | 40s |\n") !=
        std::string::npos);
  CHECK(h.psoas({"card", "desk-daily", "--json"}).exit_code == 2);
  // The routine list leaves plans out.
  CHECK(h.psoas({"list", "--names"}).out.find("psoas-4-weeks") == std::string::npos);
}

TEST_CASE(
    "a plan.json linked into a synced folder: start writes there, stop ends the plan there and keeps the "
    "link") {
  DatedHome h;
  const fs::path link = h.home.path() / "state/psoas/plan.json";
  const fs::path synced = h.home.path() / "sync/plan.json";
  fs::create_directories(link.parent_path());
  fs::create_directories(synced.parent_path());
  fs::create_symlink(synced, link);  // no plan yet: the link points nowhere
  CHECK(h.psoas({"plan", "status"}).err.starts_with("psoas: you are on no plan;"));
  REQUIRE(h.psoas_at("2026-12-08 09:00:00", {"plan", "start", "desk-daily"}).exit_code == 0);
  CHECK(fs::is_symlink(link));
  CHECK(fs::is_regular_file(synced));
  CHECK(h.psoas({"plan", "stop"}).err ==
        "psoas: plan desk-daily stopped; the sessions stay in the history\n");
  CHECK(fs::is_symlink(link));
  CHECK_FALSE(fs::exists(synced));
  const auto none = h.psoas({"plan", "status"});
  CHECK(none.exit_code == 1);
  CHECK(none.err.starts_with("psoas: you are on no plan;"));  // no warning about the link
  // Something that is not a plan file is neither replaced nor removed.
  fs::create_directories(synced);
  CHECK(h.psoas_at("2026-12-08 09:00:00", {"plan", "start", "desk-daily"}).exit_code != 0);
  CHECK(h.psoas({"plan", "stop"}).exit_code != 0);
  CHECK(fs::is_directory(synced));
}
