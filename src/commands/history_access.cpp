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

std::optional<HistoryWriter> open_history_writer(const std::optional<std::filesystem::path>& file,
                                                 const Console& console, std::string& why) {
  if (!file) {
    why = "neither XDG_STATE_HOME nor HOME says where the history goes";
    warn_history(console, why);
    return std::nullopt;
  }
  try {
    return HistoryWriter(*file);
  } catch (const Error& error) {
    why = error.what();
    warn_history(console, why);
    return std::nullopt;
  }
}

std::optional<HistoryReader> open_history_reader(const std::optional<std::filesystem::path>& file) {
  if (!file) return std::nullopt;
  return HistoryReader::open(*file);
}

}  // namespace psoas
