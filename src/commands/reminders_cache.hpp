#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "base/files.hpp"
#include "model/reminder.hpp"

// `psoas today --short` runs in a shell prompt, before every prompt, and
// parsing reminders.yaml was a quarter of its work. The reminders as last
// read are kept in a small JSON file under $XDG_CACHE_HOME, with the stamp
// of the file they were read from (size, mtime, ctime, inode) and the psoas
// binary that read them. They are used only while both are the same; a
// missing, stale or damaged cache only means the file is read again.
namespace psoas {

// The reminders cached for `reminders_file`, if it is unchanged since.
std::optional<std::vector<Reminder>> cached_reminders(const std::filesystem::path& cache_file,
                                                      const std::filesystem::path& reminders_file);

// Keeps `reminders`, read without errors from `reminders_file` when it had
// `stamp` (taken before reading: a change meanwhile shows as a stale cache);
// quietly does nothing if the cache cannot be written, or if the stamp has
// not settled at `now_ns` (stamp_settled(): a file changed within a second).
void cache_reminders(const std::filesystem::path& cache_file, const std::filesystem::path& reminders_file,
                     const FileStamp& stamp, const std::vector<Reminder>& reminders, std::int64_t now_ns);

}  // namespace psoas
