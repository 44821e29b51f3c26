#include "base/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include <fmt/format.h>

#include "base/error.hpp"
#include "base/printable.hpp"

namespace psoas {
namespace fs = std::filesystem;

namespace {

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  [[nodiscard]] int get() const { return fd_; }
  // Closes now, reporting the error close() may give on a full disk.
  bool close() { return ::close(std::exchange(fd_, -1)) == 0; }

 private:
  int fd_;
};

void create_folders(const fs::path& folder) {
  if (folder.empty()) return;
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) throw Error(fmt::format("cannot create {}: {}", folder.string(), error.message()));
}

// A hidden temporary file beside `path`, without the YAML extension, so that
// it is never listed as a routine; written, synced (unless skipped) and
// closed. Removed again on any failure.
std::string write_temporary(const fs::path& path, std::string_view content, mode_t mode,
                            Sync sync = Sync::done) {
  std::string temporary = (path.parent_path() / fmt::format(".{}.XXXXXX", path.filename().string())).string();
  FileDescriptor fd(::mkstemp(temporary.data()));
  if (fd.get() < 0)
    throw Error(fmt::format("cannot write in {}: {}", path.parent_path().string(), std::strerror(errno)));
  const bool written = ::fchmod(fd.get(), mode) == 0 && write_all(fd.get(), content) &&
                       (sync == Sync::skipped || ::fsync(fd.get()) == 0) && fd.close();
  if (!written) {
    const int saved_errno = errno;
    ::unlink(temporary.c_str());
    throw Error(fmt::format("cannot write {}: {}", path.string(), std::strerror(saved_errno)));
  }
  return temporary;
}

PathKind kind_of(const struct stat& info) {
  if (S_ISREG(info.st_mode)) return PathKind::regular;
  if (S_ISDIR(info.st_mode)) return PathKind::folder;
  if (S_ISLNK(info.st_mode)) return PathKind::symlink;
  return PathKind::other;
}

PathKind stat_kind(const fs::path& path, bool follow) {
  struct stat info {};
  if ((follow ? ::stat(path.c_str(), &info) : ::lstat(path.c_str(), &info)) != 0)
    return errno == ENOENT || errno == ENOTDIR ? PathKind::missing : PathKind::other;
  return kind_of(info);
}

}  // namespace

bool write_all(int fd, std::string_view bytes) noexcept {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<std::string> read_regular_file(const fs::path& path, std::size_t limit, ReadProblem& problem) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    const int open_errno = errno;
    std::error_code no_link;
    const fs::path target = fs::read_symlink(path, no_link);
    // "No such file" of a file that is listed: say that it is a link, and to what.
    problem = {open_errno == ENOENT && !no_link
                   ? fmt::format("cannot open: a broken symbolic link (to {})", escape_line(target.string()))
                   : fmt::format("cannot open: {}", std::strerror(open_errno))};
    return std::nullopt;
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    problem = {fmt::format("cannot read: {}", std::strerror(errno))};
    return std::nullopt;
  }
  if (S_ISDIR(info.st_mode)) {
    problem = {"is a folder"};
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    problem = {"is not a regular file"};
    return std::nullopt;
  }
  const auto too_large = [&](std::size_t size) {
    problem = {fmt::format("is larger than {} bytes ({} bytes)", limit, size), size};
    return std::nullopt;
  };
  if (static_cast<std::size_t>(info.st_size) > limit)
    return too_large(static_cast<std::size_t>(info.st_size));
  // Read up to one byte past the limit so a file that grew since fstat is still refused.
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(info.st_size) + 1);
  std::size_t size = 0;
  for (;;) {
    if (size == bytes.size()) {
      if (size > limit) return too_large(size);
      bytes.resize(std::min(size * 2, limit + 1));
    }
    const ssize_t n = ::read(fd.get(), bytes.data() + size, bytes.size() - size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      problem = {fmt::format("cannot read: {}", std::strerror(errno))};
      return std::nullopt;
    }
    if (n == 0) break;
    size += static_cast<std::size_t>(n);
  }
  if (size > limit) return too_large(size);
  bytes.resize(size);
  return bytes;
}

PathKind path_kind(const fs::path& path) {
  return stat_kind(path, false);
}

PathKind target_kind(const fs::path& path) {
  return stat_kind(path, true);
}

void create_file(const fs::path& path, std::string_view content) {
  create_folders(path.parent_path());
  const std::string temporary = write_temporary(path, content, 0644);
  // link() fails if the name is taken: the file appears whole, or not at all.
  const bool linked = ::link(temporary.c_str(), path.c_str()) == 0;
  const int saved_errno = errno;
  ::unlink(temporary.c_str());
  if (!linked) throw Error(fmt::format("cannot create {}: {}", path.string(), std::strerror(saved_errno)));
}

FileStamp file_stamp(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return {};
  return {static_cast<std::int64_t>(info.st_size),
          static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec,
          static_cast<std::int64_t>(info.st_ctim.tv_sec) * 1'000'000'000 + info.st_ctim.tv_nsec,
          static_cast<std::int64_t>(info.st_ino)};
}

bool stamp_settled(const FileStamp& stamp, std::int64_t now_ns) {
  constexpr std::int64_t kSettledNs = 1'000'000'000;
  return now_ns - std::max(stamp.mtime, stamp.ctime) >= kSettledNs;
}

fs::path end_of_links(const fs::path& path) {
  fs::path target = path;
  std::error_code error;
  for (int links = 0; path_kind(target) == PathKind::symlink; ++links) {
    const fs::path next = fs::read_symlink(target, error);
    if (error || links == 40)
      throw Error(fmt::format("cannot follow {}: {}", path.string(),
                              error ? error.message() : "too many levels of symbolic links"));
    target = next.is_relative() ? target.parent_path() / next : next;
  }
  return target;
}

void replace_file(const fs::path& path, std::string_view content, Link link, Sync sync) {
  const fs::path target = link == Link::followed ? end_of_links(path) : path;
  // Renaming over a device, a pipe or a folder would put a file in its place.
  if (const PathKind kind = path_kind(target); kind != PathKind::missing && kind != PathKind::regular &&
                                               !(kind == PathKind::symlink && link == Link::replaced))
    throw Error(fmt::format("cannot replace {}: it is not a regular file", target.string()));
  create_folders(target.parent_path());
  // The permissions of the file replaced: never those of what a replaced link points to.
  struct stat existing {};
  const bool found =
      (link == Link::followed ? ::stat(target.c_str(), &existing) : ::lstat(target.c_str(), &existing)) == 0;
  const mode_t mode = found && S_ISREG(existing.st_mode) ? existing.st_mode & 07777 : 0644;
  const std::string temporary = write_temporary(target, content, mode, sync);
  if (::rename(temporary.c_str(), target.c_str()) != 0) {
    const int saved_errno = errno;
    ::unlink(temporary.c_str());
    throw Error(fmt::format("cannot replace {}: {}", target.string(), std::strerror(saved_errno)));
  }
}

PendingFile::PendingFile(fs::path target) : target_(std::move(target)) {
  const fs::path folder = target_.parent_path().empty() ? fs::path(".") : target_.parent_path();
  if (target_kind(folder) != PathKind::folder)
    throw Error(
        fmt::format("cannot write {}: the folder {} does not exist", target_.string(), folder.string()));
  if (target_kind(target_) == PathKind::folder)
    throw Error(fmt::format("cannot write {}: it is a folder", target_.string()));
  std::string temporary = (folder / fmt::format(".{}.XXXXXX", target_.filename().string())).string();
  fd_ = ::mkstemp(temporary.data());
  if (fd_ < 0) throw Error(fmt::format("cannot write in {}: {}", folder.string(), std::strerror(errno)));
  temporary_ = temporary;
  ::fchmod(fd_, 0644);
}

PendingFile::~PendingFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temporary_.c_str());
}

void PendingFile::commit() {
  const bool synced = ::fsync(fd_) == 0;
  const bool closed = ::close(std::exchange(fd_, -1)) == 0;
  if (!synced || !closed || ::rename(temporary_.c_str(), target_.c_str()) != 0)
    throw Error(fmt::format("cannot write {}: {}", target_.string(), std::strerror(errno)));
  committed_ = true;
}

}  // namespace psoas
