#pragma once

#include <string>
#include <string_view>

namespace psoas {

// Wraps text in colours when colour is on, and passes it through otherwise.
class Style {
 public:
  explicit Style(bool color) : color_(color) {}

  [[nodiscard]] bool color() const { return color_; }
  [[nodiscard]] std::string bold(std::string_view text) const;
  [[nodiscard]] std::string dim(std::string_view text) const;
  [[nodiscard]] std::string heading(std::string_view text) const;  // bold cyan
  [[nodiscard]] std::string warning(std::string_view text) const;  // bold yellow
  [[nodiscard]] std::string error(std::string_view text) const;    // bold red
  [[nodiscard]] std::string good(std::string_view text) const;     // green

 private:
  [[nodiscard]] std::string wrap(std::string_view codes, std::string_view text) const;
  bool color_;
};

}  // namespace psoas
