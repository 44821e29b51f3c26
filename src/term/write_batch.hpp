#pragma once

#include <string>
#include <string_view>

namespace psoas {

// Bytes for a terminal from several writers (the screen, the bell), sent in
// one write: a bell and the frame it belongs to arrive together, and a
// second costs one system call, not two.
class WriteBatch {
 public:
  explicit WriteBatch(int fd) : fd_(fd) {}

  void add(std::string_view bytes) { pending_ += bytes; }
  // Writes what was added since the last flush, if anything, all at once.
  void flush();
  [[nodiscard]] int fd() const { return fd_; }

 private:
  int fd_;
  std::string pending_;
};

}  // namespace psoas
