#include "support/screen.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "base/utf8.hpp"

namespace psoas::testing {
namespace {

const Cell kBlank{" ", {}};

std::vector<int> numbers_in(std::string_view parameters) {
  std::vector<int> values{0};
  for (const char c : parameters) {
    if (c == ';') {
      values.push_back(0);
    } else if (c >= '0' && c <= '9') {
      values.back() = values.back() * 10 + (c - '0');
    }
  }
  return values;
}

}  // namespace

ScreenModel::ScreenModel(std::size_t columns, std::size_t rows)
    : columns_(columns),
      rows_(rows),
      cells_(rows, std::vector<Cell>(columns, kBlank)),
      written_at_(rows, 0) {}

void ScreenModel::resize(std::size_t columns, std::size_t rows) {
  columns_ = columns;
  rows_ = rows;
  cells_.resize(rows);
  for (std::vector<Cell>& line : cells_) line.resize(columns, kBlank);
  written_at_.resize(rows, fed_);
  row_ = std::min(row_, rows - 1);
  column_ = std::min(column_, columns - 1);
  wrap_pending_ = false;
}

void ScreenModel::feed(std::string_view bytes) {
  pending_ += bytes;
  const std::size_t used = parse(pending_);
  pending_.erase(0, used);
}

std::size_t ScreenModel::parse(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    const char c = bytes[i];
    if (c == '\x1b') {
      if (i + 1 >= bytes.size()) return i;
      if (bytes[i + 1] == '[') {
        std::size_t end = i + 2;
        while (end < bytes.size() && (bytes[end] < '@' || bytes[end] > '~')) ++end;
        if (end >= bytes.size()) return i;
        control(bytes.substr(i + 2, end - i - 2), bytes[end]);
        fed_ += end + 1 - i;
        i = end + 1;
      } else if (bytes[i + 1] == ']') {
        const std::size_t bell = bytes.find('\x07', i);
        if (bell == std::string_view::npos) return i;
        const std::string_view osc = bytes.substr(i + 2, bell - i - 2);
        if (osc.starts_with("2;") || osc.starts_with("0;")) title_ = std::string(osc.substr(2));
        fed_ += bell + 1 - i;
        i = bell + 1;
      } else {
        // ESC 7, ESC 8, ESC ( B and the like: nothing the screen's text shows.
        const std::size_t length = bytes[i + 1] == '(' ? 3 : 2;
        if (i + length > bytes.size()) return i;
        fed_ += length;
        i += length;
      }
      continue;
    }
    if (c == '\r' || c == '\n' || c == '\a' || c == '\b' || c == '\t') {
      if (c == '\r') column_ = 0;
      if (c == '\n') line_feed();
      if (c == '\b' && column_ > 0) --column_;
      if (c != '\a') wrap_pending_ = false;
      ++fed_;
      ++i;
      continue;
    }
    // Text up to the next control byte, whole characters only.
    std::size_t end = i;
    while (end < bytes.size() && static_cast<unsigned char>(bytes[end]) >= 0x20) ++end;
    std::string_view text = bytes.substr(i, end - i);
    if (end == bytes.size()) {  // a character may go on in the next piece
      std::size_t whole = text.size();
      while (whole > 0 && (static_cast<unsigned char>(text[whole - 1]) & 0xC0) == 0x80) --whole;
      if (whole > 0 && static_cast<unsigned char>(text[whole - 1]) >= 0xC0) {
        --whole;
        if (utf8_sequence_length(text, whole) == 0) text = text.substr(0, whole);
      }
    }
    for (const TextCluster& cluster : clusters_of(text)) {
      print(text.substr(cluster.begin, cluster.size), cluster.width);
      fed_ += cluster.size;
    }
    i += text.size();
    if (text.empty()) return i;
  }
  return i;
}

void ScreenModel::control(std::string_view parameters, char final) {
  const std::vector<int> n = numbers_in(parameters);
  const bool private_mode = parameters.starts_with("?");
  wrap_pending_ = false;
  switch (final) {
    case 'H':
      row_ = std::min(static_cast<std::size_t>(std::max(n[0], 1) - 1), rows_ - 1);
      column_ = std::min(static_cast<std::size_t>(std::max(n.size() > 1 ? n[1] : 1, 1) - 1), columns_ - 1);
      break;
    case 'C':
      column_ = std::min(column_ + static_cast<std::size_t>(std::max(n[0], 1)), columns_ - 1);
      break;
    case 'J':
      if (n[0] == 2)
        for (std::size_t row = 0; row < rows_; ++row) {
          cells_[row].assign(columns_, kBlank);
          written_at_[row] = fed_;
        }
      break;
    case 'K':
      if (pen_ != Attributes{})
        problems_.push_back(fmt::format("erased with attributes on at row {}", row_ + 1));
      if (n[0] == 2) column_ = 0;
      blank_half_before(column_);
      for (std::size_t c = column_; c < columns_; ++c) cells_[row_][c] = kBlank;
      touch();
      break;
    case 'm':
      if (private_mode) break;
      for (const int code : n) {
        if (code == 0) pen_ = {};
        if (code == 1) pen_.bold = true;
        if (code == 2) pen_.dim = true;
        if (code == 7) pen_.reverse = true;
        if (code >= 31 && code <= 37) pen_.color = static_cast<Color>(code - 30);
        if (code == 39) pen_.color = Color::none;
      }
      break;
    case 'h':
    case 'l':
      if (private_mode && n[0] == 1049)  // the alternate screen, entered or left: shown blank here
        for (std::size_t row = 0; row < rows_; ++row) {
          cells_[row].assign(columns_, kBlank);
          written_at_[row] = fed_;
        }
      break;
    default:
      break;
  }
}

void ScreenModel::blank_half_before(std::size_t column) {
  std::vector<Cell>& line = cells_[row_];
  for (std::size_t c = column; c > 0 && c < columns_ && line[c].text.empty(); --c) line[c - 1] = kBlank;
}

void ScreenModel::line_feed() {
  if (row_ + 1 < rows_) {
    ++row_;
    return;
  }
  cells_.erase(cells_.begin());
  cells_.emplace_back(columns_, kBlank);
  written_at_.erase(written_at_.begin());
  written_at_.push_back(fed_);
}

void ScreenModel::print(std::string_view character, std::size_t width) {
  if (width == 0) {  // a mark on the character before
    if (column_ > 0) cells_[row_][column_ - 1].text += character;
    return;
  }
  if (wrap_pending_ || column_ + width > columns_) {
    problems_.push_back(fmt::format("wrote past the end of row {}", row_ + 1));
    column_ = 0;
    wrap_pending_ = false;
    line_feed();
  }
  if (row_ + 1 == rows_ && column_ + width == columns_)
    problems_.push_back("wrote the bottom-right cell, which scrolls some terminals");
  std::vector<Cell>& line = cells_[row_];
  blank_half_before(column_);
  for (std::size_t c = column_ + width; c < columns_ && line[c].text.empty(); ++c) line[c] = kBlank;
  line[column_] = Cell{std::string(character), pen_};
  for (std::size_t c = 1; c < width; ++c) line[column_ + c] = Cell{"", pen_};
  touch();
  column_ += width;
  if (column_ == columns_) {
    column_ = columns_ - 1;
    wrap_pending_ = true;
  }
}

std::string ScreenModel::row_text(std::size_t row) const {
  std::string text;
  for (const Cell& cell : cells_[row]) text += cell.text;
  return text;
}

bool ScreenModel::shows(std::string_view text, std::size_t from) const {
  for (std::size_t row = 0; row < rows_; ++row)
    if (written_at_[row] >= from && row_text(row).find(text) != std::string::npos) return true;
  return false;
}

}  // namespace psoas::testing
