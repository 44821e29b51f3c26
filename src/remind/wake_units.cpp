#include "remind/wake_units.hpp"

#include <array>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "remind/schedule.hpp"

namespace psoas {
namespace {

constexpr std::array<const char*, 7> kSystemdDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

// systemd's day list: "Mon..Fri", "Mon,Wed,Fri", "Sat,Sun"; "" for every day.
std::string systemd_days(WeekDays days) {
  if ((days & kEveryDay) == kEveryDay) return "";
  return join_day_runs(days, kSystemdDays, "..") + " ";
}

// cron's day-of-week field, Monday 1 to Sunday 7, with runs as ranges: "1-5", "1,3,5", "6-7".
std::string cron_days(WeekDays days) {
  if ((days & kEveryDay) == kEveryDay) return "*";
  std::vector<std::string> parts;
  for (const auto& [first, last] : day_runs(days))
    parts.push_back(last > first ? fmt::format("{}-{}", first + 1, last + 1) : fmt::format("{}", first + 1));
  return fmt::format("{}", fmt::join(parts, ","));
}

// The hours an `every` reminder's part of the day touches, first and last.
std::pair<int, int> window_hours(const Reminder& reminder) {
  return {reminder.window_start / 60, (reminder.window_end - 1) / 60};
}

// A word for systemd's command line: quoted, with what it would expand escaped.
std::string systemd_word(const std::string& word) {
  std::string out = "\"";
  for (const char c : word) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '%') out += '%';
    if (c == '$') out += '$';
    out += c;
  }
  return out + "\"";
}

// A word for a crontab line, which /bin/sh reads; `%` ends a cron command.
std::string shell_word(const std::string& word) {
  std::string out = "'";
  for (const char c : word) {
    if (c == '\'') {
      out += "'\\''";
    } else if (c == '%') {
      out += "\\%";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace

std::string unit_name(const Reminder& reminder) {
  return "psoas-remind-" + reminder.id;
}

std::vector<std::string> calendar_expressions(const Reminder& reminder) {
  const std::string days = systemd_days(reminder.days);
  std::vector<std::string> out;
  if (reminder.is_every()) {
    const auto [first, last] = window_hours(reminder);
    const std::string hours =
        first == last ? fmt::format("{:02}", first) : fmt::format("{:02}..{:02}", first, last);
    out.push_back(fmt::format("{}*-*-* {}:00/{}:00", days, hours, kEveryTickMinutes));
    return out;
  }
  for (const MinuteOfDay minute : reminder.at)
    out.push_back(fmt::format("{}*-*-* {:02}:{:02}:00", days, minute / 60, minute % 60));
  return out;
}

std::string timer_unit(const Reminder& reminder, const std::string& description) {
  std::string out = fmt::format(
      "{}; `psoas remind remove {}` removes it.\n"
      "[Unit]\n"
      "Description=psoas: when to remind of {}\n"
      "Documentation=man:psoas(1)\n"
      "\n"
      "[Timer]\n",
      kUnitMarker, reminder.id, description);
  for (const std::string& calendar : calendar_expressions(reminder))
    out += fmt::format("OnCalendar={}\n", calendar);
  out +=
      "AccuracySec=30s\n"
      "\n"
      "[Install]\n"
      "WantedBy=timers.target\n";
  return out;
}

std::string service_unit(const Reminder& reminder, const std::string& description,
                         const NudgeCommand& command) {
  std::string out = fmt::format(
      "{}; `psoas remind remove {}` removes it.\n"
      "[Unit]\n"
      "Description=psoas: remind of {}\n"
      "Documentation=man:psoas(1)\n"
      "\n"
      "[Service]\n"
      "Type=oneshot\n",
      kUnitMarker, reminder.id, description);
  for (const auto& [name, value] : command.environment)
    out += fmt::format("Environment={}\n", systemd_word(name + "=" + value));
  out += fmt::format("ExecStart={} nudge --reminder {}\n", systemd_word(command.program), reminder.id);
  // nudge leaves a helper behind, for a few minutes, to act on the notification's buttons.
  out += "KillMode=process\n";
  return out;
}

std::vector<std::string> cron_lines(const Reminder& reminder, const NudgeCommand& command,
                                    const std::string& bus_address) {
  std::string run = "env " + shell_word("DBUS_SESSION_BUS_ADDRESS=" + bus_address);
  for (const auto& [name, value] : command.environment) run += " " + shell_word(name + "=" + value);
  run += fmt::format(" {} nudge --reminder {}", shell_word(command.program), reminder.id);
  const std::string days = cron_days(reminder.days);
  std::vector<std::string> out;
  if (reminder.is_every()) {
    const auto [first, last] = window_hours(reminder);
    const std::string hours = first == last ? fmt::format("{}", first) : fmt::format("{}-{}", first, last);
    out.push_back(fmt::format("*/{} {} * * {} {}", kEveryTickMinutes, hours, days, run));
    return out;
  }
  for (const MinuteOfDay minute : reminder.at)
    out.push_back(fmt::format("{} {} * * {} {}", minute % 60, minute / 60, days, run));
  return out;
}

}  // namespace psoas
