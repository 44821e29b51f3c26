#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace psoas {

// Copies the Ogg Vorbis or Ogg Opus stream in `from` to the file open as
// `to`, with `tags` ("CHAPTER001", "00:00:00.000") added to its comment
// header; pages after the headers are renumbered and keep their audio as it
// is. libsndfile writes only a few named comments, chapters not among them.
// Throws Error when `from` is not such a stream.
void add_ogg_comments(const std::filesystem::path& from, int to,
                      const std::vector<std::pair<std::string, std::string>>& tags);

}  // namespace psoas
