#include "commands/history_access.hpp"

#include <ostream>

#include <fmt/format.h>

#include "base/error.hpp"
#include "ui/style.hpp"

namespace psoas {

void warn_history(const Console& console, const std::string& why) {
  console.err << fmt::format("psoas: {} this session is not recorded: {}\n",
                             Style(console.err_info.color).warning("warning:"), why);
  console.err.flush();
}

HistoryWriter* HistoryOnDemand::writer() {
  if (!opened_) {
    opened_ = true;
    if (!file_) {
      problem_ = "neither XDG_STATE_HOME nor HOME says where the history goes";
    } else {
      try {
        writer_.emplace(*file_);
      } catch (const Error& error) {
        problem_ = error.what();
      }
    }
    if (!writer_) warn_history(console_, problem_);
  }
  return writer_ ? &*writer_ : nullptr;
}

std::optional<HistoryReader> open_history_reader(const std::optional<std::filesystem::path>& file) {
  if (!file) return std::nullopt;
  return HistoryReader::open(*file);
}

}  // namespace psoas
