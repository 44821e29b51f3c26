#pragma once

#include <utility>
#include <vector>

#include "model/reminder.hpp"

namespace psoas::testing {

// desk-break every 50 minutes from 09:00 to 17:30, Monday to Friday.
inline Reminder every_50m_workdays() {
  Reminder r;
  r.id = "desk-break";
  r.routine = "desk-break";
  r.every = Seconds(50 * 60);
  r.window_start = 9 * 60;
  r.window_end = 17 * 60 + 30;
  r.days = 0x1F;
  return r;
}

// pigeon-routine at `minutes` past midnight, on `days`.
inline Reminder pigeon_at(std::vector<MinuteOfDay> minutes, WeekDays days = kEveryDay) {
  Reminder r;
  r.id = "pigeon";
  r.routine = "pigeon-routine";
  r.at = std::move(minutes);
  r.days = days;
  return r;
}

}  // namespace psoas::testing
