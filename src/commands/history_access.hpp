#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "commands/console.hpp"
#include "history/store.hpp"

namespace psoas {

// For a run: the history to record it in, or nothing, with a one-line
// warning, when it cannot be used; `why` then says why. A run never stops
// for its history.
std::optional<HistoryWriter> open_history_writer(const std::optional<std::filesystem::path>& file,
                                                 const Console& console, std::string& why);

// For log and stats: the history to read, or nothing when there is none
// yet. Throws Error when it is damaged.
std::optional<HistoryReader> open_history_reader(const std::optional<std::filesystem::path>& file);

// Prints the one-line warning of a history that could not record.
void warn_history(const Console& console, const std::string& why);

}  // namespace psoas
