#include "audio/cue_sheet.hpp"

#include <fmt/format.h>

namespace psoas {
namespace {

// A cue sheet's strings are double-quoted and cannot hold a double quote.
std::string quoted(std::string text) {
  for (char& c : text)
    if (c == '"' || c == '\n' || c == '\r') c = c == '"' ? '\'' : ' ';
  return "\"" + text + "\"";
}

// INDEX times are minutes, seconds and frames of 1/75 s.
std::string cue_time(std::int64_t frame, int rate) {
  const std::int64_t frames75 = frame * 75 / rate;
  return fmt::format("{:02}:{:02}:{:02}", frames75 / (75 * 60), frames75 / 75 % 60, frames75 % 75);
}

}  // namespace

std::string cue_sheet(const std::string& title, const std::string& file_name, AudioFormat format,
                      const std::vector<Chapter>& chapters, int rate) {
  std::string sheet = fmt::format("PERFORMER \"psoas\"\nTITLE {}\nFILE {} {}\n", quoted(title),
                                  quoted(file_name), format == AudioFormat::mp3 ? "MP3" : "WAVE");
  for (std::size_t i = 0; i < chapters.size(); ++i)
    sheet += fmt::format("  TRACK {:02} AUDIO\n    TITLE {}\n    INDEX 01 {}\n", i + 1,
                         quoted(chapters[i].name), cue_time(chapters[i].frame, rate));
  return sheet;
}

}  // namespace psoas
