#pragma once

#include <optional>
#include <string>
#include <vector>

#include "load/diagnostic.hpp"
#include "load/search_path.hpp"
#include "model/duration.hpp"

namespace psoas {

// One line of `psoas list`.
struct RoutineRow {
  std::string name;
  std::string title;
  std::optional<Seconds> total;  // nullopt: the file is broken
  bool untimed = false;          // it also has steps that wait to be ticked off
  std::size_t steps = 0;
  std::vector<std::string> tags;
  std::string often;  // how often to do it, when the routine says
  Origin origin = Origin::builtin;
  bool shadows_builtin = false;
  std::string file;
  std::optional<Diagnostic> error;  // why the file is broken
};

// "built-in", "user", "user, shadows built-in", "PSOAS_PATH, shadows built-in".
std::string describe_origin(Origin origin, bool shadows_builtin);

// The rows as aligned columns under a header. With a width, titles are cut so
// that each line fits. A total with untimed steps besides is marked "+".
std::string render_routine_table(const std::vector<RoutineRow>& rows, std::optional<std::size_t> width,
                                 bool color);

}  // namespace psoas
