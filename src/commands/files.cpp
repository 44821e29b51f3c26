#include "commands/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "model/error.hpp"
#include "term/terminal.hpp"

namespace psoas {
namespace fs = std::filesystem;

namespace {

void write_and_close(int fd, const fs::path& path, std::string_view content) {
  const bool written = write_all(fd, content) && ::fsync(fd) == 0;
  const int saved_errno = errno;
  ::close(fd);
  if (!written) throw Error(fmt::format("cannot write {}: {}", path.string(), std::strerror(saved_errno)));
}

void create_folders(const fs::path& folder) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) throw Error(fmt::format("cannot create {}: {}", folder.string(), error.message()));
}

}  // namespace

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void create_file(const fs::path& path, std::string_view content) {
  create_folders(path.parent_path());
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw Error(fmt::format("cannot create {}: {}", path.string(), std::strerror(errno)));
  write_and_close(fd, path, content);
}

void replace_file(const fs::path& path, std::string_view content) {
  create_folders(path.parent_path());
  // A hidden name without the YAML extension: never listed as a routine.
  std::string temporary = (path.parent_path() / fmt::format(".{}.XXXXXX", path.filename().string())).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0)
    throw Error(fmt::format("cannot write in {}: {}", path.parent_path().string(), std::strerror(errno)));
  ::fchmod(fd, 0644);
  try {
    write_and_close(fd, temporary, content);
  } catch (...) {
    ::unlink(temporary.c_str());
    throw;
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int saved_errno = errno;
    ::unlink(temporary.c_str());
    throw Error(fmt::format("cannot replace {}: {}", path.string(), std::strerror(saved_errno)));
  }
}

}  // namespace psoas
