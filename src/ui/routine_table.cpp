#include "ui/routine_table.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "base/printable.hpp"
#include "ui/style.hpp"
#include "ui/text.hpp"

namespace psoas {

std::string describe_origin(Origin origin, bool shadows_builtin) {
  std::string out(to_string(origin));
  if (shadows_builtin) out += ", shadows built-in";
  return out;
}

std::string render_routine_table(const std::vector<RoutineRow>& rows, std::optional<std::size_t> width,
                                 bool color) {
  enum Column : std::size_t { kName, kTitle, kTotal, kSteps, kOften, kTags, kOrigin, kColumns };
  using Cells = std::array<std::string, kColumns>;
  std::vector<Cells> table;
  bool any_untimed = false;
  table.push_back({"NAME", "TITLE", "TOTAL ", "STEPS", "OFTEN", "TAGS", "ORIGIN"});
  for (const RoutineRow& row : rows) {
    const bool broken = !row.total;
    const std::string total = broken ? "broken" : format_duration(*row.total) + (row.untimed ? "+" : " ");
    any_untimed = any_untimed || row.untimed;
    table.push_back({escape_line(row.name), broken ? "" : escape_line(row.title), total,
                     broken ? "" : fmt::format("{}", row.steps), escape_line(row.often),
                     escape_line(fmt::format("{}", fmt::join(row.tags, ","))),
                     describe_origin(row.origin, row.shadows_builtin)});
  }
  std::array<std::size_t, kColumns> widths{};
  for (const Cells& cells : table)
    for (std::size_t c = 0; c < kColumns; ++c) widths[c] = std::max(widths[c], display_width(cells[c]));

  // On a terminal the title gives way first, then how often, then the tags;
  // on a narrow one the origin, tags, how often and title go. Names stay whole.
  if (width) {
    std::vector<std::size_t> flexible(widths.begin(), widths.end());
    fit_columns(flexible,
                {{kTitle, 10}, {kOften, 8}, {kTags, 8}, {kOrigin, 0}, {kTags, 0}, {kOften, 0}, {kTitle, 0}},
                2, *width);
    std::copy(flexible.begin(), flexible.end(), widths.begin());
  }

  const Style style(color);
  std::string out;
  for (std::size_t r = 0; r < table.size(); ++r) {
    const Cells& cells = table[r];
    std::string line;
    for (std::size_t c = 0; c < kColumns; ++c) {
      if (widths[c] == 0) continue;  // dropped to fit
      std::string cell = c == kTitle || c == kOften || c == kTags ? truncate(cells[c], widths[c]) : cells[c];
      const bool numeric = c == kTotal || c == kSteps;
      std::string padded = c + 1 == kColumns ? cell
                           : numeric         ? pad_left(cell, widths[c])
                                             : pad_right(cell, widths[c]);
      if (r == 0) {
        padded = style.dim(padded);
      } else if (c == kName) {
        padded = style.bold(padded);
      } else if (c == kTotal && cells[c] == "broken") {
        padded = style.error(padded);
      }
      line += padded;
      line += "  ";
    }
    while (line.ends_with(' ')) line.pop_back();
    out += line;
    out += '\n';
  }
  if (any_untimed)
    for (const std::string& line :
         wrap("+ plus checklist steps, which wait for you to tick them off", width.value_or(80)))
      out += style.dim(line) + "\n";
  return out;
}

}  // namespace psoas
