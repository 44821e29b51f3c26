#include "ui/json_dump.hpp"

#include <fmt/format.h>

namespace psoas {

std::string dump_json(const Json& json, bool one_line) {
  const std::string text = json.dump(one_line ? -1 : 2, ' ', false, Json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    // C2 80..C2 9F encode U+0080..U+009F; outside strings JSON holds no such bytes.
    const auto byte = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (byte == 0xC2 && next >= 0x80 && next <= 0x9F) {
      out += fmt::format("\\u{:04x}", next);
      ++i;
      continue;
    }
    out += text[i];
  }
  return out + '\n';
}

}  // namespace psoas
