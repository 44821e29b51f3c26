#include "base/utf8.hpp"

#include <algorithm>
#include <optional>

#include <utf8proc.h>

namespace psoas {

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // UTF-16 surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  return length;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::string repair_utf8(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);  // nearly always
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length > 0) {
      out.append(text.substr(i, length));
      i += length;
      continue;
    }
    const auto byte = static_cast<unsigned char>(text[i++]);
    out += static_cast<char>(0xC0 | (byte >> 6));
    out += static_cast<char>(0x80 | (byte & 0x3F));
  }
  return out;
}

namespace {

// The code point of the valid sequence of `length` bytes at `i`: the lead
// byte's bits, then six from each byte after it.
char32_t decode_valid(std::string_view text, std::size_t i, std::size_t length) {
  static constexpr unsigned char kLeadBits[] = {0, 0, 0x1F, 0x0F, 0x07};
  char32_t code_point = static_cast<unsigned char>(text[i]) & kLeadBits[length];
  for (std::size_t k = 1; k < length; ++k)
    code_point = (code_point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return code_point;
}

// The columns `text` takes, or nothing when it is not valid UTF-8: one pass
// for both, as each frame measures every line.
std::optional<std::size_t> valid_text_width(std::string_view text) {
  std::size_t width = 0;
  std::string_view last;  // the last sequence measured, and its width: a block repeats
  std::size_t last_width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      width += code_point_width(lead);
      ++i;
      continue;
    }
    if (!last.empty() && text.substr(i, last.size()) == last) {
      width += last_width;
      i += last.size();
      continue;
    }
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return std::nullopt;
    last = text.substr(i, length);
    last_width = code_point_width(decode_valid(text, i, length));
    width += last_width;
    i += length;
  }
  return width;
}

}  // namespace

char32_t next_code_point(std::string_view text, std::size_t& i) {
  if (static_cast<unsigned char>(text[i]) < 0x80) return static_cast<char32_t>(text[i++]);
  const std::size_t length = utf8_sequence_length(text, i);
  if (length == 0) {
    ++i;
    return 0xFFFD;
  }
  const char32_t code_point = decode_valid(text, i, length);
  i += length;
  return code_point;
}

std::size_t code_point_width(char32_t code_point) {
  if (code_point < 0x7F) return code_point >= 0x20 ? 1 : 0;
  const int width = utf8proc_charwidth(static_cast<utf8proc_int32_t>(code_point));
  return static_cast<std::size_t>(std::max(width, 0));
}

std::size_t display_width(std::string_view text) {
  if (const auto width = valid_text_width(text)) return *width;
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) width += code_point_width(next_code_point(text, i));
  return width;
}

FittedText fit_text(std::string_view text, std::size_t width) {
  if (const auto whole = valid_text_width(text); whole && *whole <= width) return {text, *whole};
  std::size_t used = 0;
  for (const TextCluster& cluster : clusters_of(text)) {
    used += cluster.width;
    if (used > width) {
      const std::string_view cut = text.substr(0, cluster.begin);
      return {cut, display_width(cut)};
    }
  }
  return {text, display_width(text)};
}

std::string_view fit_width(std::string_view text, std::size_t width) {
  return fit_text(text, width).text;
}

std::vector<TextCluster> clusters_of(std::string_view text) {
  std::vector<TextCluster> clusters;
  clusters.reserve(text.size());  // at most one a byte: never grown while cutting
  std::size_t i = 0;
  utf8proc_int32_t state = UTF8PROC_BOUNDCLASS_START;
  utf8proc_int32_t previous = -1;
  int previous_class = UTF8PROC_BOUNDCLASS_START;
  const utf8proc_property_t* property = nullptr;
  while (i < text.size()) {
    const std::size_t start = i;
    const auto code_point = static_cast<utf8proc_int32_t>(next_code_point(text, i));
    if (code_point != previous || !property) property = utf8proc_get_property(code_point);
    const int code_point_class = property->boundclass;
    // Between two characters of no special class there is always a break,
    // and utf8proc's state would become "other": said here without asking it,
    // as most of a screen's characters are (its big digits, each frame).
    const bool plain = previous_class == UTF8PROC_BOUNDCLASS_OTHER &&
                       code_point_class == UTF8PROC_BOUNDCLASS_OTHER &&
                       (state == UTF8PROC_BOUNDCLASS_START || state == UTF8PROC_BOUNDCLASS_OTHER);
    if (plain) state = UTF8PROC_BOUNDCLASS_OTHER;
    if (previous < 0 || plain || utf8proc_grapheme_break_stateful(previous, code_point, &state))
      clusters.push_back({start, 0, 0});
    previous = code_point;
    previous_class = code_point_class;
    clusters.back().size = i - clusters.back().begin;
    // As code_point_width(), from the property already looked up.
    clusters.back().width += code_point < 0x7F
                                 ? (code_point >= 0x20 ? 1 : 0)
                                 : static_cast<std::size_t>(std::max<int>(property->charwidth, 0));
  }
  return clusters;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

}  // namespace psoas
