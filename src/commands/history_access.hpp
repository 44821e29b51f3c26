#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "commands/console.hpp"
#include "history/store.hpp"

namespace psoas {

// For a run: the history to record it in, opened the first time it is
// asked for (after the run, so that nothing on the way to its first frame
// waits for the disk), or nothing, with a one-line warning, when it cannot be
// used. A run never stops for its history.
class HistoryOnDemand {
 public:
  HistoryOnDemand(std::optional<std::filesystem::path> file, const Console& console)
      : file_(std::move(file)), console_(console) {}

  // The writer, or null when the history cannot be used; `problem` then says why.
  HistoryWriter* writer();
  const std::string& problem() const { return problem_; }

 private:
  std::optional<std::filesystem::path> file_;
  const Console& console_;
  bool opened_ = false;
  std::optional<HistoryWriter> writer_;
  std::string problem_;
};

// For log and stats: the history to read, or nothing when there is none
// yet. Throws Error when it is damaged.
std::optional<HistoryReader> open_history_reader(const std::optional<std::filesystem::path>& file);

// Prints the one-line warning of a history that could not record.
void warn_history(const Console& console, const std::string& why);

}  // namespace psoas
