#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "run/input.hpp"

namespace psoas {

// Turns the bytes a terminal sends into keys: characters (UTF-8), Enter,
// Backspace, and the escape sequences of the arrow keys. A lone ESC is held
// back until flush(), since it may begin a sequence still on its way.
class KeyDecoder {
 public:
  std::vector<Key> feed(std::string_view bytes);
  // The keys held back, when no more bytes came in time.
  std::vector<Key> flush();
  [[nodiscard]] bool pending() const { return !buffer_.empty(); }

 private:
  std::string buffer_;
};

}  // namespace psoas
