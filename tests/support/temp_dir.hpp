#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace psoas::testing {

// A fresh folder under $TMPDIR, removed with everything in it at the end of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  // Writes `content` to `relative` (creating folders on the way); returns its path.
  std::filesystem::path write(const std::filesystem::path& relative, std::string_view content) const;

 private:
  std::filesystem::path path_;
};

// The whole of a file, byte for byte ("" when it cannot be read).
std::string read_file(const std::filesystem::path& path);

}  // namespace psoas::testing
