#pragma once

#include <string>
#include <vector>

#include "model/routine.hpp"

// Steps and routines made in code, for the tests that need no YAML.
namespace psoas::testing {

inline const std::vector<Side> kBothSides = {Side::right, Side::left};

struct Timing {
  int hold = 30;
  std::vector<Side> sides = {Side::none};
  int reps = 1;
  int rest = 0;
  int prepare = 0;
  int switch_time = 5;
};

inline Step timed_step(std::string name, const Timing& timing) {
  Step step;
  step.name = std::move(name);
  step.hold = Seconds(timing.hold);
  step.sides = timing.sides;
  step.reps = timing.reps;
  step.rest = Seconds(timing.rest);
  step.prepare = Seconds(timing.prepare);
  step.switch_time = Seconds(timing.switch_time);
  return step;
}

// An `until-done` step.
inline Step check_step(std::string name) {
  Step step;
  step.name = std::move(name);
  return step;
}

inline Routine routine_of(std::string title, std::vector<Step> steps) {
  Routine routine;
  routine.name = "sample";
  routine.title = std::move(title);
  routine.steps = std::move(steps);
  return routine;
}

}  // namespace psoas::testing
