#include "remind/reminders_file.hpp"

#include <algorithm>
#include <variant>

#include <doctest/doctest.h>

#include "remind/example_reminders.hpp"
#include "support/inline_source.hpp"

using namespace psoas;
using namespace psoas::testing;

namespace {

ReadReminders read_text(std::string text) {
  return read_reminders(inline_source("reminders.yaml", std::move(text)));
}

std::string errors_of(std::string text) {
  return diagnostics_text(read_text(std::move(text)).diagnostics);
}

}  // namespace

TEST_CASE("reminders.yaml as remind writes it reads back as the same reminders") {
  const Reminder every = every_50m_workdays();
  Reminder at = pigeon_at({630, 900});
  at.waker = Waker::cron;
  const std::string text = write_reminders({every, at});
  const ReadReminders read = read_text(text);
  CHECK(read.diagnostics.empty());
  REQUIRE(read.reminders.size() == 2);
  CHECK(read.reminders[0].id == "desk-break");
  CHECK(read.reminders[0].every == Seconds(3000));
  CHECK(read.reminders[0].window_start == 540);
  CHECK(read.reminders[0].window_end == 1050);
  CHECK(read.reminders[0].days == 0x1F);
  CHECK(read.reminders[0].waker == Waker::systemd);
  CHECK(read.reminders[1].at == std::vector<MinuteOfDay>{630, 900});
  CHECK(read.reminders[1].days == kEveryDay);
  CHECK(read.reminders[1].waker == Waker::cron);
  const std::size_t at_routine = text.find("routine: pigeon-routine");
  CHECK(read.named_routines[1].position.line ==
        1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at_routine), '\n')));
  CHECK(read.named_routines[1].position.column == 14);
  CHECK(read_text(write_reminders({})).reminders.empty());
  CHECK(read_text("").reminders.empty());
}

TEST_CASE("a hand-edited reminders file: every error, with its place") {
  CHECK(
      errors_of("reminders:\n"
                "  - id: a\n"
                "    routine: bridge\n"
                "    at: [10:30, 25:00]\n"
                "  - id: a\n"
                "    routine: Bridge\n"
                "    every: 2m\n"
                "  - id: c\n"
                "    routine: bridge\n"
                "    every: 1h\n"
                "    between: 17:00-09:00\n"
                "    dayz: mon\n"
                "  - routine: bridge\n"
                "    at: 10:00\n"
                "    every: 1h\n"
                "    between: 09:00-10:00\n"
                "    wake: anacron\n") ==
      "reminders.yaml:4:17: error: `at`: `25:00` is not a time of day such as 10:30 (00:00 to 23:59)\n"
      "reminders.yaml:5:9: error: two reminders have the id `a` (the first on line 2); each needs its own\n"
      "reminders.yaml:6:14: error: `routine` must be a routine's name: lowercase letters, digits and dashes, "
      "not `Bridge`\n"
      "reminders.yaml:7:12: error: `every`: `2m` is not a time from 5m to 12h, such as 50m or 1h30m\n"
      "reminders.yaml:7:12: error: an `every` reminder needs `between`, the part of the day it reminds in, "
      "such "
      "as 09:00-17:30\n"
      "reminders.yaml:11:14: error: `between`: `17:00-09:00` ends before it starts: a part of the day cannot "
      "cross midnight; for a night shift, add two reminders, such as 17:00-24:00 and 00:00-09:00\n"
      "reminders.yaml:12:5: error: unknown key `dayz` (did you mean `days`?); a reminder has `id`, "
      "`routine`, "
      "`at`, `every`, `between`, `days` or `wake`\n"
      "reminders.yaml:13:5: error: this reminder has no `id`\n"
      "reminders.yaml:15:12: error: a reminder has `at` or `every`, not both\n"
      "reminders.yaml:17:11: error: `wake` must be `systemd` or `cron`, not `anacron`\n");
}

TEST_CASE("two reminders with one id, a file that is not a list of reminders, and YAML syntax errors") {
  CHECK(errors_of("reminders:\n  - {id: a, routine: bridge, at: '10:00'}\n  - {id: a, routine: bridge, at: "
                  "'11:00'}\n") ==
        "reminders.yaml:3:10: error: two reminders have the id `a` (the first on line 2); each needs its "
        "own\n");
  CHECK(errors_of("- id: a\n") ==
        "reminders.yaml:1:1: error: reminders.yaml must be a map with `reminders:`, a list of reminders\n");
  CHECK(errors_of("reminders: {id: a}\n") ==
        "reminders.yaml:1:12: error: `reminders` must be a list of reminders, each starting with `- `\n");
  CHECK(errors_of("remiders: []\n") ==
        "reminders.yaml:1:1: error: unknown key `remiders`; reminders.yaml has `reminders:` only\n");
  CHECK(errors_of("reminders:\n  - id: a\n    routine: bridge\n    at: 10:00: 11:00\n")
            .starts_with("reminders.yaml:4:"));
  CHECK(
      errors_of("reminders:\n  - id: Bad_Id\n    routine: bridge\n    at: '10:00'\n") ==
      "reminders.yaml:2:9: error: `id` must be lowercase letters, digits and dashes (it names the reminder's "
      "systemd units), not `Bad_Id`\n");
  // A reminder with an error still has its id compared and its routine named, so one pass says all.
  const ReadReminders both = read_text(
      "reminders:\n  - {id: a, routine: bridge, at: '10:00'}\n  - {id: a, routine: nosuch, at: '25:00'}\n");
  CHECK(
      diagnostics_text(both.diagnostics) ==
      "reminders.yaml:3:10: error: two reminders have the id `a` (the first on line 2); each needs its own\n"
      "reminders.yaml:3:34: error: `at`: `25:00` is not a time of day such as 10:30 (00:00 to 23:59)\n");
  REQUIRE(both.named_routines.size() == 2);
  CHECK(both.named_routines[1].name == "nosuch");
  CHECK(both.named_routines[1].position.line == 3);
  CHECK(both.reminders.size() == 1);
}
