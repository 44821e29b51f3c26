#include "term/keys.hpp"

namespace psoas {
namespace {

// How many bytes of `s` the key at its start takes; 0 if more are needed.
std::size_t decode_one(std::string_view s, Key& key) {
  const auto byte = static_cast<unsigned char>(s[0]);
  if (byte == 0x1B) {
    if (s.size() == 1) return 0;
    if (s[1] != '[' && s[1] != 'O') {
      key = {Key::Code::escape, 0};
      return 1;
    }
    // CSI or SS3: parameters, then a final byte in 0x40..0x7E.
    std::size_t end = 2;
    while (end < s.size() &&
           (static_cast<unsigned char>(s[end]) < 0x40 || static_cast<unsigned char>(s[end]) > 0x7E))
      ++end;
    if (end == s.size()) return 0;
    switch (s[end]) {
      case 'A':
        key = {Key::Code::up, 0};
        break;
      case 'B':
        key = {Key::Code::down, 0};
        break;
      case 'C':
        key = {Key::Code::right, 0};
        break;
      case 'D':
        key = {Key::Code::left, 0};
        break;
      default:
        key = {Key::Code::escape, 0};  // a sequence psoas has no use for
        break;
    }
    return end + 1;
  }
  if (byte == '\r' || byte == '\n') {
    key = {Key::Code::enter, 0};
    return 1;
  }
  if (byte == 0x7F || byte == 0x08) {
    key = {Key::Code::backspace, 0};
    return 1;
  }
  const std::size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
  if (s.size() < length) return 0;
  char32_t cp = length == 1 ? byte : static_cast<char32_t>(byte & (0xFF >> (length + 1)));
  for (std::size_t i = 1; i < length; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  key = Key::of(cp);
  return length;
}

}  // namespace

std::vector<Key> KeyDecoder::feed(std::string_view bytes) {
  buffer_.append(bytes);
  std::vector<Key> keys;
  std::size_t offset = 0;
  while (offset < buffer_.size()) {
    Key key;
    const std::size_t used = decode_one(std::string_view(buffer_).substr(offset), key);
    if (used == 0) break;
    keys.push_back(key);
    offset += used;
  }
  buffer_.erase(0, offset);
  return keys;
}

std::vector<Key> KeyDecoder::flush() {
  std::vector<Key> keys;
  if (buffer_.empty()) return keys;
  // A lone ESC is the Escape key; anything else left over is dropped.
  if (buffer_[0] == 0x1B) keys.push_back({Key::Code::escape, 0});
  buffer_.clear();
  return keys;
}

}  // namespace psoas
