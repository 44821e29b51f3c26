#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/reminder.hpp"

// What wakes `psoas nudge`: systemd user timers, or cron lines.
namespace psoas {

// Every reminder of the `every` kind is checked this often within its part of the day.
inline constexpr int kEveryTickMinutes = 5;

// The first line of every unit psoas writes: `remind remove` deletes only files that start with it.
inline constexpr const char* kUnitMarker = "# Made by `psoas remind add`";

// "psoas-remind-ID": the units' name, without .timer or .service.
std::string unit_name(const Reminder& reminder);

// The OnCalendar= values of a reminder, as `systemd-analyze calendar` reads them:
// "Mon..Fri *-*-* 10:30:00", or "*-*-* 09..17:00/5:00" for every 5 minutes of those hours.
std::vector<std::string> calendar_expressions(const Reminder& reminder);

struct NudgeCommand {
  std::string program;  // psoas's own path
  std::map<std::string, std::string>
      environment;  // what nudge must see as the person does (XDG_*, PSOAS_PATH)
};

// The .timer and .service files of a reminder.
std::string timer_unit(const Reminder& reminder, const std::string& description);
std::string service_unit(const Reminder& reminder, const std::string& description,
                         const NudgeCommand& command);

// The crontab lines that do what the timer would, with what cron lacks (the
// session bus's address) given on the line.
std::vector<std::string> cron_lines(const Reminder& reminder, const NudgeCommand& command,
                                    const std::string& bus_address);

}  // namespace psoas
