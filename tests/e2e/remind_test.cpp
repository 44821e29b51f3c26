// Reminders end to end: psoas remind, check, today and nudge, with stand-in
// systemctl and systemd-run, the dates from faketime, a private D-Bus session
// bus and a stand-in notification service that presses the buttons.
#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <thread>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/utf8.hpp"
#include "remind/state.hpp"
#include "support/background.hpp"
#include "support/dated_home.hpp"
#include "support/process.hpp"
#include "support/pty.hpp"
#include "support/temp_dir.hpp"

using namespace psoas::testing;
using namespace std::chrono_literals;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Records its arguments; `show-environment` (is a user manager running?)
// and `enable` fail when the test says so.
constexpr const char* kSystemctl =
    "#!/bin/sh\n"
    "echo \"systemctl $*\" >> \"$STUB_LOG\"\n"
    "case \"$*\" in\n"
    "  *show-environment*) exit \"${STUB_NO_MANAGER:-0}\" ;;\n"
    "  *enable*) exit \"${STUB_ENABLE_FAILS:-0}\" ;;\n"
    "esac\n"
    "exit 0\n";
constexpr const char* kSystemdRun = "#!/bin/sh\necho \"systemd-run $*\" >> \"$STUB_LOG\"\n";
// A terminal that records what it was asked to run.
constexpr const char* kTerminal = "#!/bin/sh\necho \"$*\" > \"$STUB_TERMINAL_LOG\"\n";

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<Json> json_lines(const fs::path& path) {
  std::vector<Json> lines;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(Json::parse(line));
  return lines;
}

struct Fixture : DatedHome {
  fs::path stubs = home.path() / "bin";
  fs::path log = home.path() / "stub.log";
  fs::path units = home.path() / "config/systemd/user";
  fs::path reminders = home.path() / "config/psoas/reminders.yaml";

  Fixture() {
    env["STUB_LOG"] = log.string();
    for (const auto& [name, text] :
         {std::pair{"systemctl", kSystemctl}, std::pair{"systemd-run", kSystemdRun},
          std::pair{"terminal", kTerminal}}) {
      const fs::path stub = home.write(fs::path("bin") / name, text);
      fs::permissions(stub, fs::perms::owner_all);
    }
  }

  std::string stub_log() const { return read_text(log); }
};

// The fixture, with a session bus and a notification service that answers `answer`.
struct Desktop : Fixture {
  PrivateSessionBus bus;
  fs::path record = home.path() / "notifications.jsonl";
  std::unique_ptr<BackgroundProcess> service;

  explicit Desktop(const std::string& answer, std::chrono::milliseconds delay = 0ms) {
    env["DBUS_SESSION_BUS_ADDRESS"] = bus.address();
    env["PSOAS_TERMINAL"] = (stubs / "terminal").string();
    env["STUB_TERMINAL_LOG"] = (home.path() / "terminal.log").string();
    service = std::make_unique<BackgroundProcess>(
        std::vector<std::string>{PSOAS_TEST_NOTIFICATIONS, record.string(), answer,
                                 std::to_string(delay.count())},
        std::map<std::string, std::string>{{"DBUS_SESSION_BUS_ADDRESS", bus.address()}});
    REQUIRE(service->read_line(10s) == "ready");
  }

  std::vector<Json> notifications() const { return json_lines(record); }

  // No helper of psoas nudge outlives the test, whatever it was doing, nor its fake clock.
  ~Desktop() {
    const std::string mine = "XDG_STATE_HOME=" + (home.path() / "state").string();
    eventually([&] { return kill_processes_with_environment(mine) == 0; }, 5s);
    remove_faketime_leftovers();
  }
};

}  // namespace

TEST_CASE(
    "remind add writes a timer and a service systemd accepts, starts the timer, and keeps the reminder") {
  Fixture f;
  const auto added = f.psoas(
      {"remind", "add", "desk-break", "--every", "50m", "--between", "09:00-17:30", "--days", "mon-fri"});
  CHECK(added.exit_code == 0);
  INFO(added.err);
  CHECK(
      added.err.starts_with("psoas: reminding of desk-break every 50m, 09:00-17:30, mon-fri (reminder "
                            "`desk-break`; "));
  CHECK(f.stub_log() ==
        "systemctl --user --quiet show-environment\n"
        "systemctl --user --quiet daemon-reload\n"
        "systemctl --user --quiet enable --now psoas-remind-desk-break.timer\n");
  const fs::path timer = f.units / "psoas-remind-desk-break.timer";
  const fs::path service = f.units / "psoas-remind-desk-break.service";
  REQUIRE(fs::exists(timer));
  REQUIRE(fs::exists(service));
  CHECK(read_text(timer).find("OnCalendar=Mon..Fri *-*-* 09..17:00/5:00\n") != std::string::npos);
  CHECK(read_text(service).find("ExecStart=\"" PSOAS_BINARY "\" nudge --reminder desk-break\n") !=
        std::string::npos);
  CHECK(read_text(service).find("Environment=\"XDG_STATE_HOME=" + (f.home.path() / "state").string() +
                                "\"\n") != std::string::npos);
  // systemd itself reads them: the calendar, and the units as a user manager would.
  // Each OnCalendar= line of the timers written, as systemd reads it.
  REQUIRE(f.psoas({"remind", "add", "pigeon-routine", "--at", "07:05,12:00,21:45", "--days", "sat,sun,wed"})
              .exit_code == 0);
  for (const fs::path& written : {timer, f.units / "psoas-remind-pigeon-routine.timer"}) {
    const std::string text = read_text(written);
    int expressions = 0;
    for (std::size_t at = text.find("OnCalendar="); at != std::string::npos;
         at = text.find("OnCalendar=", at + 1)) {
      const std::string expression = text.substr(at + 11, text.find('\n', at) - at - 11);
      ProcessOptions calendar;
      calendar.args = {PSOAS_SYSTEMD_ANALYZE, "calendar", expression};
      calendar.env = {{"PATH", "/usr/bin"}, {"TZ", "UTC"}};
      const auto checked_calendar = run_process(calendar);
      CHECK_MESSAGE(checked_calendar.exit_code == 0, expression, "\n", checked_calendar.err);
      ++expressions;
    }
    CHECK(expressions >= 1);
  }
  CHECK(read_text(f.units / "psoas-remind-pigeon-routine.timer")
            .find("OnCalendar=Wed,Sat,Sun *-*-* 21:45:00\n") != std::string::npos);
  const fs::path runtime = f.home.path() / "runtime";
  fs::create_directories(runtime);
  fs::permissions(runtime, fs::perms::owner_all);
  ProcessOptions verify;
  verify.args = {PSOAS_SYSTEMD_ANALYZE, "verify", "--user", "--man=no", timer.string(), service.string()};
  verify.env = {
      {"PATH", "/usr/bin:/bin"}, {"HOME", f.home.path().string()}, {"XDG_RUNTIME_DIR", runtime.string()}};
  verify.timeout = 30s;
  const auto verified = run_process(verify);
  CHECK(verified.err == "");
  CHECK(verified.exit_code == 0);
  // The reminders file says the same, and psoas check reads it.
  CHECK(read_text(f.reminders)
            .find("  - id: desk-break\n    routine: desk-break\n    every: 50m\n"
                  "    between: 09:00-17:30\n    days: mon-fri\n    wake: systemd\n") != std::string::npos);
  const auto checked = f.psoas({"check", f.reminders.string()});
  CHECK(checked.out == f.reminders.string() + ": ok (2 reminders)\n");
  // A second reminder of the same routine gets an id of its own.
  CHECK(f.psoas({"remind", "add", "desk-break", "--at", "12:00"}).exit_code == 0);
  CHECK(fs::exists(f.units / "psoas-remind-desk-break-2.timer"));
  CHECK(f.psoas({"remind", "list", "--ids"}).out == "desk-break\npigeon-routine\ndesk-break-2\n");
}

TEST_CASE("with no user manager, or no systemctl, remind add says to use --cron and writes nothing") {
  Fixture f;
  f.env["STUB_NO_MANAGER"] = "1";
  const auto refused = f.psoas({"remind", "add", "desk-break", "--at", "10:30"});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err ==
        "psoas: error: no systemd user manager is running here (a container, or a login over ssh?), so no "
        "timer can "
        "be started: add the reminder with --cron and put the lines it prints in your crontab (`crontab "
        "-e`)\n");
  f.env["PATH"] = (f.home.path() / "nowhere").string();
  const auto no_systemctl = f.psoas({"remind", "add", "desk-break", "--at", "10:30"});
  CHECK(no_systemctl.exit_code == 1);
  CHECK(no_systemctl.err.starts_with(
      "psoas: error: systemctl is not installed here, so no systemd timer can wake "
      "psoas: add the reminder with --cron"));
  CHECK_FALSE(fs::exists(f.reminders));
  CHECK_FALSE(fs::exists(f.units));
}

TEST_CASE("a timer systemd will not start leaves the reminders and the units as they were") {
  Fixture f;
  REQUIRE(f.psoas({"remind", "add", "bridge", "--at", "08:00"}).exit_code == 0);
  const std::string before = read_text(f.reminders);
  f.env["STUB_ENABLE_FAILS"] = "1";
  const auto failed = f.psoas({"remind", "add", "desk-break", "--at", "10:30"});
  CHECK(failed.exit_code == 1);
  CHECK(failed.err ==
        "psoas: error: systemctl could not start psoas-remind-desk-break.timer; nothing was changed "
        "(`systemctl --user status psoas-remind-desk-break.timer` may say why)\n");
  CHECK(read_text(f.reminders) == before);
  CHECK_FALSE(fs::exists(f.units / "psoas-remind-desk-break.timer"));
  CHECK_FALSE(fs::exists(f.units / "psoas-remind-desk-break.service"));
  CHECK(fs::exists(f.units / "psoas-remind-bridge.timer"));
}

TEST_CASE("--cron prints the crontab lines — remove stops the timer and deletes only what psoas wrote") {
  Fixture f;
  const auto cron =
      f.psoas({"remind", "add", "pigeon-routine", "--at", "10:30,15:00", "--days", "weekends", "--cron"});
  CHECK(cron.exit_code == 0);
  const std::string tail = " env 'DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/" +
                           std::to_string(::getuid()) +
                           "/bus' 'XDG_CONFIG_HOME=" + (f.home.path() / "config").string() +
                           "' 'XDG_STATE_HOME=" + (f.home.path() / "state").string() +
                           "' '" PSOAS_BINARY "' nudge --reminder pigeon-routine\n";
  CHECK(cron.out == "30 10 * * 6-7" + tail + "0 15 * * 6-7" + tail);
  CHECK(f.stub_log().empty());  // cron needs no systemctl
  CHECK(f.psoas({"remind", "list", "--cron"}).out == cron.out);
  // Without cron installed, it says so; with it, not.
  Fixture bare;
  bare.env["PATH"] = bare.stubs.string();
  const auto no_cron = bare.psoas({"remind", "add", "bridge", "--at", "10:00", "--cron"});
  CHECK(no_cron.exit_code == 0);
  CHECK(no_cron.err.find("psoas: there is no `crontab` here: install cron first") != std::string::npos);
  fs::permissions(bare.home.write("bin/crontab", "#!/bin/sh\n"), fs::perms::owner_all);
  const auto with_cron = bare.psoas({"remind", "add", "bridge", "--at", "11:00", "--cron"});
  CHECK(with_cron.exit_code == 0);
  CHECK(with_cron.err.find("there is no `crontab`") == std::string::npos);
  REQUIRE(f.psoas({"remind", "add", "desk-break", "--every", "1h", "--between", "08:00-18:00"}).exit_code ==
          0);
  // A unit of the same name written by someone else stays.
  const fs::path service = f.units / "psoas-remind-desk-break.service";
  const std::string hand_written = "[Service]\nExecStart=/bin/true\n";
  f.home.write("config/systemd/user/psoas-remind-desk-break.service", hand_written);
  fs::remove(f.log);
  const auto removed = f.psoas({"remind", "remove", "desk-break"});
  CHECK(removed.exit_code == 0);
  CHECK(f.stub_log() ==
        "systemctl --user --quiet show-environment\n"
        "systemctl --user --quiet disable --now psoas-remind-desk-break.timer\n"
        "systemctl --user --quiet daemon-reload\n");
  CHECK_FALSE(fs::exists(f.units / "psoas-remind-desk-break.timer"));
  CHECK(read_text(service) == hand_written);
  CHECK(removed.err.find("was not written by psoas; it stays") != std::string::npos);
  // The same reminder twice is refused; another time of day is a reminder of its own.
  const auto again =
      f.psoas({"remind", "add", "pigeon-routine", "--at", "15:00,10:30", "--days", "sat,sun", "--cron"});
  CHECK(again.exit_code == 1);
  CHECK(again.err ==
        "psoas: error: reminder `pigeon-routine` already reminds of pigeon-routine at 10:30 and 15:00, "
        "weekends; nothing added\n");
  REQUIRE(f.psoas({"remind", "add", "pigeon-routine", "--at", "09:00", "--cron"}).exit_code == 0);
  const auto cron_removed = f.psoas({"remind", "remove", "pigeon-routine"});
  CHECK(cron_removed.err ==
        "psoas: reminder `pigeon-routine` removed; take its lines out of your crontab (`crontab -e`): those "
        "that end "
        "in `nudge --reminder pigeon-routine`\n"
        "psoas: `pigeon-routine-2` still reminds of pigeon-routine; `psoas remind remove ID` removes one\n");
  REQUIRE(f.psoas({"remind", "remove", "pigeon-routine-2"}).exit_code == 0);
  CHECK(f.psoas({"remind", "list", "--ids"}).out.empty());
  const auto gone = f.psoas({"remind", "remove", "desk-brake"});
  CHECK(gone.exit_code == 1);
  CHECK(gone.err == "psoas: error: no reminder `desk-brake`; `psoas remind list` shows them\n");
}

TEST_CASE("bad reminders are refused with what to write instead, and change nothing") {
  Fixture f;
  const auto expect = [&](const std::vector<std::string>& args, int code, const std::string& message) {
    CAPTURE(message);
    std::vector<std::string> full = {"remind", "add"};
    full.insert(full.end(), args.begin(), args.end());
    const auto result = f.psoas(full);
    CHECK(result.exit_code == code);
    CHECK(result.err == "psoas: error: " + message + "\n");
  };
  expect({"desk-break", "--at", "25:00"}, 2,
         "--at: `25:00` is not a time of day such as 10:30 (00:00 to 23:59)");
  expect({"desk-break", "--every", "0", "--between", "09:00-17:00"}, 2,
         "--every: `0` is not a time from 5m to 12h, such as 50m or 1h30m");
  expect(
      {"desk-break", "--every", "1h", "--between", "17:00-09:00"}, 2,
      "--between: `17:00-09:00` ends before it starts: a part of the day cannot cross midnight; for a night "
      "shift, add two reminders, such as 17:00-24:00 and 00:00-09:00");
  expect({"desk-break", "--every", "1h"}, 2,
         "--every needs --between, the part of the day to remind in, such as --between 09:00-17:30");
  expect({"desk-break", "--at", "10:00", "--every", "1h"}, 2,
         "a reminder comes --at times or --every so often, not both");
  expect({"desk-break"}, 2, "say when: --at 10:30,15:00, or --every 50m --between 09:00-17:30");
  expect(
      {"desk-break", "--at", "10:00", "--days", "workdays"}, 2,
      "--days: `workdays` is not days of the week such as mon-fri, mon,wed,fri, daily, weekdays or weekends");
  const auto unknown = f.psoas({"remind", "add", "desk-brake", "--at", "10:00"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("no routine named `desk-brake`") != std::string::npos);
  CHECK(unknown.err.find("did you mean `desk-break`?") != std::string::npos);
  CHECK_FALSE(fs::exists(f.reminders));
  CHECK_FALSE(fs::exists(f.log));
  // A reminders file broken by hand stops every command that reads it, with its place.
  f.home.write("config/psoas/reminders.yaml",
               "reminders:\n  - id: x\n    routine: desk-brake\n    at: 9:61\n");
  const auto broken = f.psoas({"today"});
  CHECK(broken.exit_code == 1);
  CHECK(broken.err == f.reminders.string() +
                          ":4:9: error: `at`: `9:61` is not a time of day such as 10:30 (00:00 to 23:59)\n");
  CHECK(f.psoas({"remind", "add", "bridge", "--at", "10:00", "--cron"}).exit_code ==
        1);  // nothing on a broken file
  CHECK(read_text(f.reminders).find("9:61") != std::string::npos);
  f.home.write("config/psoas/reminders.yaml",
               "reminders:\n  - id: x\n    routine: desk-brake\n    at: '9:30'\n");
  // A routine that is gone is not an error in the file: check warns at its place, and today goes on.
  const auto checked = f.psoas({"check", f.reminders.string()});
  CHECK(checked.exit_code == 0);
  CHECK(checked.err.starts_with(f.reminders.string() + ":3:14: warning: no routine named `desk-brake`"));
  CHECK(checked.err.ends_with("; this reminder says so instead of reminding\n"));
  CHECK(f.psoas({"today"}).exit_code == 0);
}

TEST_CASE("remind list fits a narrow terminal: what wakes it goes first, the id stays") {
  Fixture f;
  REQUIRE(f.psoas({"remind", "add", "desk-break", "--every", "50m", "--between", "09:00-17:30", "--days",
                   "mon,wed,fri", "--cron"})
              .exit_code == 0);
  REQUIRE(f.psoas({"remind", "add", "pigeon-routine", "--at", "07:05,12:00,21:45", "--cron"}).exit_code == 0);
  for (const int columns : {30, 50, 120}) {
    CAPTURE(columns);
    PtyProcess list({PSOAS_BINARY, "remind", "list"}, f.env, columns);
    REQUIRE(list.wait_exit(10s));
    const std::string text = strip_escapes(list.output());
    CHECK(text.find("pigeon-routine") != std::string::npos);
    CHECK((text.find("cron") != std::string::npos) == (columns == 120));
    CHECK(widest_line(text) <= static_cast<std::size_t>(columns));
  }
}

TEST_CASE("today keeps the reminders it read for the next prompt, and reads the file again once it changes") {
  Fixture f;
  const fs::path file = f.home.write("config/psoas/reminders.yaml",
                                     "reminders:\n  - {id: one, routine: pigeon-routine, at: ['10:30']}\n");
  const fs::path cache = f.home.path() / ".cache/psoas/reminders.json";
  CHECK(f.psoas_at("2026-12-01 10:35:00", {"today", "--short"}).out == "psoas: pigeon-routine due\n");
  CHECK_FALSE(fs::exists(cache));  // changed less than a second ago: not cached yet
  std::this_thread::sleep_for(1100ms);
  CHECK(f.psoas_at("2026-12-01 10:35:00", {"today", "--short"}).out == "psoas: pigeon-routine due\n");
  REQUIRE(fs::exists(cache));
  const auto cached = f.psoas_at("2026-12-01 10:35:00", {"today", "--short"});
  CHECK(cached.out == "psoas: pigeon-routine due\n");
  CHECK(cached.err.empty());
  // Edited in place to the same length: the cache no longer says what the file does.
  std::this_thread::sleep_for(20ms);
  std::ofstream(file) << "reminders:\n  - {id: one, routine: bridge,         at: ['10:30']}\n";
  REQUIRE(fs::file_size(file) ==
          std::string("reminders:\n  - {id: one, routine: pigeon-routine, at: ['10:30']}\n").size());
  CHECK(f.psoas_at("2026-12-01 10:35:00", {"today", "--short"}).out == "psoas: bridge due\n");
  // A damaged cache is read past; a file with errors is an error, cache or not.
  f.home.write(".cache/psoas/reminders.json", "{\"binary\":");
  CHECK(f.psoas_at("2026-12-01 10:35:00", {"today", "--short"}).out == "psoas: bridge due\n");
  f.home.write("config/psoas/reminders.yaml", "reminders:\n  - {id: one, routine: bridge, at: ['25:00']}\n");
  const auto broken = f.psoas_at("2026-12-01 10:35:00", {"today", "--short"});
  CHECK(broken.exit_code == 1);
  CHECK(broken.err.find("reminders.yaml:2:") != std::string::npos);
}

TEST_CASE("remind add says when the reminder comes next as remind list does: the history and a pause count") {
  Fixture f;
  f.add_session("desk-break", "2026-12-01T12:02:00.000+00:00", "2026-12-01T12:06:00.000+00:00");
  const auto said = [&](const std::string& when, const std::vector<std::string>& args) {
    std::vector<std::string> command = {"remind", "add"};
    command.insert(command.end(), args.begin(), args.end());
    command.push_back("--cron");
    const std::string err = f.psoas_at(when, command).err;
    return err.substr(0, err.find('\n'));
  };
  CHECK(said("2026-12-01 12:10:00", {"desk-break", "--every", "50m", "--between", "00:00-24:00"}) ==
        "psoas: reminding of desk-break every 50m, 00:00-24:00, daily (reminder `desk-break`; done at 12:06; "
        "next 12:56)");
  CHECK(said("2026-12-01 12:10:00", {"desk-break", "--at", "11:00", "--id", "b3"}) ==
        "psoas: reminding of desk-break at 11:00, daily (reminder `b3`; done at 12:06; next tomorrow 11:00)");
  REQUIRE(f.psoas_at("2026-12-01 12:10:00", {"remind", "pause", "2h"}).exit_code == 0);
  CHECK(said("2026-12-01 12:11:00", {"bridge", "--at", "12:30"}) ==
        "psoas: reminding of bridge at 12:30, daily (reminder `bridge`; paused; next 14:10)");
  // Nothing of it done today, and its time has come: due now.
  CHECK(said("2026-12-01 15:00:00", {"pigeon-routine", "--at", "14:30"}) ==
        "psoas: reminding of pigeon-routine at 14:30, daily (reminder `pigeon-routine`; due now)");
}

TEST_CASE("today: what is due and what is done, --short for a prompt, --json for scripts") {
  Fixture f;
  REQUIRE(f.psoas({"remind", "add", "pigeon-routine", "--at", "10:30,15:00", "--cron"}).exit_code == 0);
  REQUIRE(f.psoas({"remind", "add", "desk-break", "--every", "50m", "--between", "09:00-17:30", "--cron"})
              .exit_code == 0);
  f.add_session("pigeon-routine", "2026-12-01T10:33:00.000+00:00", "2026-12-01T10:38:00.000+00:00");
  f.add_session("desk-break", "2026-12-01T14:36:00.000+00:00", "2026-12-01T14:40:00.000+00:00");
  const auto afternoon = f.psoas_at("2026-12-01 15:05:00", {"today"});
  CHECK(afternoon.exit_code == 0);
  CHECK(afternoon.out ==
        "Today, Tue 2026-12-01  (15:05 now)\n"
        "  10:30        pigeon-routine  done at 10:38\n"
        "  15:00        pigeon-routine  due now\n"
        "  every 50m    desk-break      done at 14:40; next 15:30\n"
        "\n"
        "Done: pigeon-routine at 10:38, desk-break at 14:40\n");
  CHECK(f.psoas_at("2026-12-01 15:05:00", {"today", "--short"}).out == "psoas: pigeon-routine due\n");
  CHECK(f.psoas_at("2026-12-01 15:05:00", {"today", "--short"}).exit_code == 0);
  CHECK(f.psoas_at("2026-12-01 14:45:00", {"today", "--short"}).out.empty());  // 14:45: nothing due
  const Json json = Json::parse(f.psoas_at("2026-12-01 15:05:00", {"today", "--json"}).out);
  CHECK(json["date"] == "2026-12-01");
  REQUIRE(json["reminders"].size() == 2);
  CHECK(json["reminders"][0]["slots"][0] ==
        Json{{"time", "10:30"}, {"status", "done"}, {"done_at", "2026-12-01T10:38:00.000+00:00"}});
  CHECK(json["reminders"][0]["status"] == "due");
  CHECK(json["reminders"][0]["still_due"] == true);
  CHECK(json["reminders"][1]["status"] == "done");
  CHECK(json["reminders"][1]["next"] == "2026-12-01T15:30:00.000+00:00");
  CHECK(json["done"].size() == 2);
  // A pause: nothing is due until it ends, and today says so.
  CHECK(f.psoas_at("2026-12-01 15:06:00", {"remind", "pause", "2h"}).err ==
        "psoas: reminders paused until 17:06; `psoas remind resume` ends the pause\n");
  CHECK(f.psoas_at("2026-12-01 15:07:00", {"today", "--short"}).out.empty());
  const std::string paused = f.psoas_at("2026-12-01 15:07:00", {"today"}).out;
  CHECK(paused.ends_with("\nReminders paused until 17:06.\n"));
  CHECK(paused.find("  every 50m    desk-break      paused; next 17:06\n") != std::string::npos);
  CHECK(f.psoas_at("2026-12-01 17:06:30", {"today", "--short"}).out ==
        "psoas: pigeon-routine, desk-break due\n");
  CHECK(f.psoas_at("2026-12-01 15:08:00", {"remind", "pause", "today"})
            .err.starts_with("psoas: reminders paused until tomorrow 00:00;"));
  CHECK(f.psoas_at("2026-12-01 15:09:00", {"remind", "resume"}).err == "psoas: reminders resumed\n");
  CHECK(f.psoas_at("2026-12-01 15:09:30", {"remind", "resume"}).err == "psoas: reminders were not paused\n");
  CHECK(f.psoas_at("2026-12-01 15:09:40", {"remind", "pause", "3d"})
            .err.starts_with("psoas: reminders paused until Fri 15:09;"));
  CHECK(f.psoas_at("2026-12-01 15:09:50", {"remind", "resume"}).err == "psoas: reminders resumed\n");
  CHECK(f.psoas_at("2026-12-01 15:09:00", {"today", "--short"}).out == "psoas: pigeon-routine due\n");
  CHECK(f.psoas({"remind", "pause", "8d"}).exit_code == 2);
  // Two reminders of one routine are told apart by their ids.
  REQUIRE(f.psoas({"remind", "add", "desk-break", "--at", "12:00", "--cron"}).exit_code == 0);
  const std::string two = f.psoas_at("2026-12-01 15:10:00", {"today"}).out;
  CHECK(two.find("  every 50m    desk-break                 done at 14:40") != std::string::npos);
  CHECK(two.find("  12:00        desk-break (desk-break-2)  done at 14:40") != std::string::npos);
}

TEST_CASE(
    "nudge shows a due reminder on the desktop: the routine's title and length, the streak, three buttons") {
  Desktop d("none");
  REQUIRE(d.psoas({"remind", "add", "desk-break", "--at", "10:30", "--cron"}).exit_code == 0);
  d.add_session("bridge", "2026-11-30T08:00:00.000+00:00", "2026-11-30T08:05:00.000+00:00");  // yesterday
  const auto early = d.psoas_at("2026-12-01 10:29:00", {"nudge"});
  CHECK(early.exit_code == 0);
  CHECK(d.notifications().empty());
  const auto nudged = d.psoas_at("2026-12-01 10:30:00", {"nudge"});
  CHECK(nudged.exit_code == 0);
  CHECK(nudged.err.empty());
  const auto shown = d.notifications();
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["app_name"] == "psoas");
  CHECK(shown[0]["summary"] == "Desk break for the hips");
  CHECK(shown[0]["body"] == "3m25s · desk-break\nYour 1-day streak ends today unless you stretch.");
  CHECK(shown[0]["actions"] == Json{"start", "Start now", "snooze", "In 10 minutes", "skip", "Skip today"});
  // Shown once: the next nudge for the same time leaves it be.
  CHECK(d.psoas_at("2026-12-01 10:35:00", {"nudge"}).exit_code == 0);
  CHECK(d.notifications().size() == 1);
  CHECK(d.psoas_at("2026-12-01 10:36:00", {"today"})
            .out.find("10:30        desk-break  reminded, not done yet") != std::string::npos);
}

TEST_CASE("Start now runs the routine in the terminal PSOAS_TERMINAL names") {
  Desktop d("start");
  REQUIRE(d.psoas({"remind", "add", "bridge", "--at", "10:30", "--cron"}).exit_code == 0);
  const auto nudged = d.psoas_at("2026-12-01 10:30:00", {"nudge"});
  INFO("nudge: ", nudged.err);
  REQUIRE(nudged.exit_code == 0);
  const fs::path ran = d.home.path() / "terminal.log";
  const bool started = eventually([&] { return fs::exists(ran) && !read_text(ran).empty(); }, 10s);
  INFO("recorded: ", read_text(d.record));
  REQUIRE(started);
  CHECK(read_text(ran) == PSOAS_BINARY " run bridge\n");
}

TEST_CASE(
    "a notification service slow to answer, as one being started is, still shows the reminder and its "
    "buttons") {
  Desktop d("start", 4s);  // more than the 3 s psoas once waited
  REQUIRE(d.psoas({"remind", "add", "bridge", "--at", "10:30", "--cron"}).exit_code == 0);
  const auto nudged = d.psoas_at("2026-12-01 10:30:00", {"nudge"});
  INFO("nudge: ", nudged.err);
  CHECK(nudged.exit_code == 0);
  CHECK(nudged.err.empty());  // not "bridge is due, but the notification service did not answer"
  CHECK(d.psoas_at("2026-12-01 10:31:00", {"today"}).out.find("reminded, not done yet") != std::string::npos);
  const fs::path ran = d.home.path() / "terminal.log";
  REQUIRE(eventually([&] { return fs::exists(ran) && !read_text(ran).empty(); }, 10s));
  CHECK(read_text(ran) == PSOAS_BINARY " run bridge\n");
}

TEST_CASE("Start now with no terminal to open says so on the desktop, where the button was pressed") {
  Desktop d("start");
  d.env.erase("PSOAS_TERMINAL");
  d.env["PATH"] = d.stubs.string();  // no x-terminal-emulator
  REQUIRE(d.psoas({"remind", "add", "bridge", "--at", "10:30", "--cron"}).exit_code == 0);
  const auto nudged = d.psoas_at("2026-12-01 10:30:00", {"nudge"});
  INFO("nudge: ", nudged.err);
  REQUIRE(nudged.exit_code == 0);
  const bool two = eventually([&] { return d.notifications().size() == 2; }, 10s);
  INFO("recorded: ", read_text(d.record));
  REQUIRE(two);
  const Json notice = d.notifications()[1];
  CHECK(notice["summary"] == "psoas cannot open a terminal for bridge");
  CHECK(
      notice["body"].get<std::string>().starts_with("Set PSOAS_TERMINAL to a terminal that runs a command"));
  CHECK(notice["actions"] == Json::array());
}

TEST_CASE("Skip today: today says so, nudge is silent for the rest of the day, and reminds again tomorrow") {
  Desktop d("skip");
  REQUIRE(d.psoas({"remind", "add", "desk-break", "--every", "30m", "--between", "09:00-17:00", "--cron"})
              .exit_code == 0);
  REQUIRE(d.psoas_at("2026-12-01 09:00:00", {"nudge"}).exit_code == 0);
  REQUIRE(d.notifications().size() == 1);
  REQUIRE(eventually(
      [&] {
        return d.psoas_at("2026-12-01 09:01:00", {"today"}).out.find("skipped today") != std::string::npos;
      },
      10s));
  CHECK(d.psoas_at("2026-12-01 09:01:00", {"today", "--short"}).out.empty());
  CHECK(d.psoas_at("2026-12-01 12:00:00", {"nudge"}).exit_code == 0);
  CHECK(d.notifications().size() == 1);
  CHECK(d.psoas_at("2026-12-02 09:00:00", {"nudge"}).exit_code == 0);
  CHECK(d.notifications().size() == 2);
}

TEST_CASE(
    "In 10 minutes: systemd-run is asked for another nudge then — till then it is snoozed, after it reminds "
    "again") {
  Desktop d("snooze");
  REQUIRE(d.psoas({"remind", "add", "desk-break", "--at", "10:30", "--cron"}).exit_code == 0);
  const auto nudged = d.psoas_at("2026-12-01 10:30:00", {"nudge"});
  INFO("nudge: ", nudged.err);
  REQUIRE(nudged.exit_code == 0);
  const bool asked = eventually([&] { return d.stub_log().find("systemd-run") != std::string::npos; }, 10s);
  INFO("recorded: ", read_text(d.record), "stubs: ", d.stub_log());
  REQUIRE(asked);
  const std::string log = d.stub_log();
  CHECK(log.find("systemd-run --user --quiet --collect --on-active=600 --unit=psoas-snooze-desk-break-") !=
        std::string::npos);
  CHECK(log.find(" --setenv=XDG_STATE_HOME=" + (d.home.path() / "state").string() +
                 " " PSOAS_BINARY " nudge --reminder desk-break\n") != std::string::npos);
  CHECK(d.psoas_at("2026-12-01 10:31:00", {"today"}).out.find("desk-break  snoozed until 10:40") !=
        std::string::npos);
  CHECK(d.psoas_at("2026-12-01 10:35:00", {"nudge"}).exit_code == 0);
  CHECK(d.notifications().size() == 1);
  const auto again = d.psoas_at("2026-12-01 10:41:00", {"nudge", "--reminder", "desk-break"});
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK(d.notifications().size() == 2);
  // Snoozed again: a second nudge asked for.
  CHECK(eventually(
      [&] {
        const std::string now = d.stub_log();
        return now.find("systemd-run", now.find("systemd-run") + 1) != std::string::npos;
      },
      10s));
}

TEST_CASE("without a desktop, nudge records the reminder as due, says so in one line, and exits 0") {
  Fixture f;
  REQUIRE(f.psoas({"remind", "add", "bridge", "--at", "10:30", "--cron"}).exit_code == 0);
  f.env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=" + (f.home.path() / "no-bus").string();
  const auto no_bus = f.psoas_at("2026-12-01 10:30:00", {"nudge"});
  CHECK(no_bus.exit_code == 0);
  CHECK(no_bus.err.starts_with("psoas: bridge is due, but no session bus ("));
  CHECK(no_bus.err.ends_with("); `psoas today` shows it\n"));
  CHECK(std::count(no_bus.err.begin(), no_bus.err.end(), '\n') == 1);
  const auto still_due = f.psoas_at("2026-12-01 10:31:00", {"today", "--short"});
  INFO(still_due.err);
  CHECK(still_due.out == "psoas: bridge due\n");
  // A bus with no notification service on it.
  PrivateSessionBus bus;
  f.env["DBUS_SESSION_BUS_ADDRESS"] = bus.address();
  const auto no_service = f.psoas_at("2026-12-02 10:30:00", {"nudge"});
  CHECK(no_service.exit_code == 0);
  CHECK(no_service.err ==
        "psoas: bridge is due, but no notification service on the session bus; `psoas today` "
        "shows it\n");
  // A reminder whose routine is gone: said in one line, nothing to start shown.
  f.home.write("config/psoas/reminders.yaml",
               "reminders:\n  - id: old\n    routine: renamed-away\n    at: '10:30'\n");
  const auto gone = f.psoas_at("2026-12-03 10:30:00", {"nudge"});
  CHECK(gone.exit_code == 0);
  CHECK(gone.err.starts_with("psoas: reminder `old`: no routine named `renamed-away`"));
  CHECK(std::count(gone.err.begin(), gone.err.end(), '\n') == 1);
}

TEST_CASE("one nudge at a time: a second leaves the reminders to the first") {
  Desktop d("none");
  REQUIRE(d.psoas({"remind", "add", "bridge", "--at", "10:30", "--cron"}).exit_code == 0);
  psoas::StateLock held(d.home.path() / "state/psoas/nudge.lock", 1s);
  REQUIRE(held.held());
  const auto second = d.psoas_at("2026-12-01 10:30:00", {"nudge"});
  CHECK(second.exit_code == 0);
  CHECK(second.err == "psoas: another nudge is running; this one leaves the reminders to it\n");
  CHECK(d.notifications().empty());
  held.release();
  const auto first = d.psoas_at("2026-12-01 10:30:00", {"nudge"});
  INFO(first.err, " signal ", first.signal, " timed out ", first.timed_out);
  CHECK(first.exit_code == 0);
  CHECK(d.notifications().size() == 1);
  const auto unknown = d.psoas({"nudge", "--reminder", "nope"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err == "psoas: error: no reminder `nope`; `psoas remind list` shows them\n");
}
