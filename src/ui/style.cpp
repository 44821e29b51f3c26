#include "ui/style.hpp"

#include "term/escape.hpp"

namespace psoas {

std::string Style::wrap(std::string_view codes, std::string_view text) const {
  if (!color_ || text.empty()) return std::string(text);
  std::string out;
  out.reserve(codes.size() + text.size() + escape::kReset.size());
  out.append(codes).append(text).append(escape::kReset);
  return out;
}

std::string Style::bold(std::string_view text) const {
  return wrap(escape::kBold, text);
}
std::string Style::dim(std::string_view text) const {
  return wrap(escape::kDim, text);
}
std::string Style::heading(std::string_view text) const {
  return wrap(std::string(escape::kBold) + std::string(escape::kCyan), text);
}
std::string Style::warning(std::string_view text) const {
  return wrap(std::string(escape::kBold) + std::string(escape::kYellow), text);
}
std::string Style::error(std::string_view text) const {
  return wrap(std::string(escape::kBold) + std::string(escape::kRed), text);
}
std::string Style::good(std::string_view text) const {
  return wrap(escape::kGreen, text);
}

}  // namespace psoas
