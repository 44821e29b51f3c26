#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace psoas {

// Writes all of `bytes` to `fd`, retrying after interruptions; safe in a signal handler.
bool write_all(int fd, std::string_view bytes) noexcept;

// The whole of a file, byte for byte ("" when it cannot be read).
std::string read_file(const std::filesystem::path& path);

// A regular file's bytes, at most `limit` of them. Never blocks on a FIFO or
// a device: anything but a regular file is refused. On failure, nothing, and
// `problem` says why ("is a folder", "cannot open: Permission denied", ...).
struct ReadProblem {
  std::string message;
  std::size_t too_large = 0;  // the size, when only the size was wrong
};
std::optional<std::string> read_regular_file(const std::filesystem::path& path, std::size_t limit,
                                             ReadProblem& problem);

// What is at a path, without following a last symbolic link and without
// ever throwing: a symlink loop or an unreadable folder is `other`.
enum class PathKind : unsigned char { missing, regular, folder, symlink, other };
PathKind path_kind(const std::filesystem::path& path);
// The same, following symbolic links.
PathKind target_kind(const std::filesystem::path& path);

// A file's identity and version as stat() gives them: a cache keyed on it is
// used only while the file is the same file, unchanged. No file: size -1.
struct FileStamp {
  std::int64_t size = -1, mtime = 0, ctime = 0, inode = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};
FileStamp file_stamp(const std::filesystem::path& path);
// Whether a stamp taken at `now_ns` (nanoseconds since 1970) can be trusted
// to change with the file: the kernel stamps files with a clock that ticks
// only every few milliseconds, so a file changed within the last second may
// change again in the same tick, and keep its stamp. A cache keeps only
// settled stamps.
bool stamp_settled(const FileStamp& stamp, std::int64_t now_ns);

// Creates `path` holding `content`, with its folders; throws Error if it
// exists. Written to a temporary file first and linked into place, so a full
// disk leaves nothing behind, and two at once never share a file.
void create_file(const std::filesystem::path& path, std::string_view content);

// Replaces `path` with `content` all at once: written beside it, synced,
// renamed over it, with the old file's permissions. A crash leaves the old
// file or the new one, never half of either. A symbolic link is followed:
// its target is replaced, and the link stays; with `Link::replaced`, the
// link itself is (a cache, say, must never write where a link points).
enum class Link : unsigned char { followed, replaced };
// With `Sync::skipped` the new file is not synced before the rename, which can
// cost a write to disk of tens of milliseconds; a crash may then leave it
// empty, which only a file rebuilt when damaged (a cache) can afford.
enum class Sync : unsigned char { done, skipped };
// The file at the end of the chain of symbolic links `path` starts (`path`
// itself if it is no link); it need not exist. Throws Error on a loop.
std::filesystem::path end_of_links(const std::filesystem::path& path);
void replace_file(const std::filesystem::path& path, std::string_view content, Link link = Link::followed,
                  Sync sync = Sync::done);

// A file written in full before it takes its place: a hidden temporary beside
// `target`, renamed over it by commit(), and removed if it never is (an error,
// Ctrl-C), so that nothing half-written is ever left under the target's name.
// The target's folder must exist: a mistyped folder is an error, not created.
class PendingFile {
 public:
  explicit PendingFile(std::filesystem::path target);
  ~PendingFile();
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;

  [[nodiscard]] int fd() const { return fd_; }
  [[nodiscard]] const std::filesystem::path& temporary() const { return temporary_; }
  [[nodiscard]] const std::filesystem::path& target() const { return target_; }
  // Syncs, closes and renames the temporary over the target; throws Error on failure.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temporary_;
  int fd_ = -1;
  bool committed_ = false;
};

}  // namespace psoas
