#pragma once

#include <string>
#include <vector>

#include "load/diagnostic.hpp"
#include "load/source.hpp"
#include "load/yaml_reader.hpp"
#include "model/reminder.hpp"

namespace psoas {

// The file's name in psoas's config folder; `psoas check` knows it by it.
inline constexpr const char* kRemindersFileName = "reminders.yaml";

struct ReadReminders {
  std::vector<Reminder> reminders;  // complete only when `diagnostics` holds no error
  std::vector<Diagnostic> diagnostics;
  // Each well-formed routine name a reminder gives, in reminders with errors too.
  std::vector<NamedRoutine> named_routines;
};

// Reads reminders.yaml: `reminders:`, a list of maps with `id`, `routine`,
// `at` or `every` with `between`, `days` and `wake`. Every error, with its place.
ReadReminders read_reminders(const SourceText& source);

// The file's text for `reminders`, with a comment saying what it is; what
// read_reminders reads back as the same reminders.
std::string write_reminders(const std::vector<Reminder>& reminders);

// A unit name and file name safe form: lowercase letters, digits and dashes.
bool is_valid_reminder_id(std::string_view id);

}  // namespace psoas
