#include "term/write_batch.hpp"

#include "base/files.hpp"

namespace psoas {

void WriteBatch::flush() {
  if (pending_.empty()) return;
  write_all(fd_, pending_);
  pending_.clear();
}

}  // namespace psoas
