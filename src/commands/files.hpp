#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace psoas {

// The whole of a file, byte for byte ("" when it cannot be read).
std::string read_file(const std::filesystem::path& path);

// Creates `path` holding `content`, with its folders; throws Error if it exists.
void create_file(const std::filesystem::path& path, std::string_view content);

// Replaces `path` with `content` all at once: written beside it, synced, renamed
// over it. A crash leaves the old file or the new one, never half of either.
void replace_file(const std::filesystem::path& path, std::string_view content);

}  // namespace psoas
