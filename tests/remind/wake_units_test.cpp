#include "remind/wake_units.hpp"

#include <doctest/doctest.h>

#include "remind/example_reminders.hpp"

using namespace psoas;
using namespace psoas::testing;

namespace {

Reminder desk_break() {
  return every_50m_workdays();
}

// 10:30 and 15:00, Monday, Wednesday and Friday.
Reminder pigeon() {
  return pigeon_at({630, 900}, 0x15);
}

}  // namespace

TEST_CASE(
    "calendar expressions: each time of day, or every 5 minutes of the hours a part of the day touches") {
  CHECK(calendar_expressions(desk_break()) == std::vector<std::string>{"Mon..Fri *-*-* 09..17:00/5:00"});
  CHECK(calendar_expressions(pigeon()) ==
        std::vector<std::string>{"Mon,Wed,Fri *-*-* 10:30:00", "Mon,Wed,Fri *-*-* 15:00:00"});
  Reminder daily = pigeon();
  daily.days = kEveryDay;
  CHECK(calendar_expressions(daily).front() == "*-*-* 10:30:00");
  Reminder late = desk_break();
  late.window_start = 1320;
  late.window_end = 1440;
  late.days = 0x60;
  CHECK(calendar_expressions(late) == std::vector<std::string>{"Sat,Sun *-*-* 22..23:00/5:00"});
  Reminder hour = desk_break();
  hour.window_start = 600;
  hour.window_end = 660;
  CHECK(calendar_expressions(hour).front() == "Mon..Fri *-*-* 10:00/5:00");
}

TEST_CASE(
    "the units: the timer's calendar, the service's nudge with the person's folders, quoted for systemd") {
  const NudgeCommand command{"/opt/my psoas/bin/psoas", {{"XDG_CONFIG_HOME", "/home/me/50%/config"}}};
  CHECK(timer_unit(pigeon(), "pigeon-routine (at 10:30 and 15:00, mon,wed,fri)") ==
        "# Made by `psoas remind add`; `psoas remind remove pigeon` removes it.\n"
        "[Unit]\n"
        "Description=psoas: when to remind of pigeon-routine (at 10:30 and 15:00, mon,wed,fri)\n"
        "Documentation=man:psoas(1)\n"
        "\n"
        "[Timer]\n"
        "OnCalendar=Mon,Wed,Fri *-*-* 10:30:00\n"
        "OnCalendar=Mon,Wed,Fri *-*-* 15:00:00\n"
        "AccuracySec=30s\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n");
  CHECK(service_unit(pigeon(), "pigeon-routine", command) ==
        "# Made by `psoas remind add`; `psoas remind remove pigeon` removes it.\n"
        "[Unit]\n"
        "Description=psoas: remind of pigeon-routine\n"
        "Documentation=man:psoas(1)\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        "Environment=\"XDG_CONFIG_HOME=/home/me/50%%/config\"\n"
        "ExecStart=\"/opt/my psoas/bin/psoas\" nudge --reminder pigeon\n"
        "KillMode=process\n");
}

TEST_CASE("crontab lines: minute, hour and days as cron counts them, the bus and folders on the line") {
  const NudgeCommand command{"/usr/bin/psoas", {{"XDG_STATE_HOME", "/home/o'brien/state"}}};
  CHECK(cron_lines(desk_break(), command, "unix:path=/run/user/1000/bus") ==
        std::vector<std::string>{
            "*/5 9-17 * * 1-5 env 'DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus' "
            "'XDG_STATE_HOME=/home/o'\\''brien/state' '/usr/bin/psoas' nudge --reminder desk-break"});
  Reminder weekend = pigeon();
  weekend.days = 0x60;
  const auto lines = cron_lines(weekend, command, "x");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].starts_with("30 10 * * 6-7 "));
  CHECK(lines[1].starts_with("0 15 * * 6-7 "));
  CHECK(cron_lines(pigeon(), command, "x")[0].starts_with("30 10 * * 1,3,5 "));
}
