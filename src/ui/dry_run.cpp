#include "ui/dry_run.hpp"

#include <fmt/format.h>

#include "ui/describe.hpp"
#include "ui/plain_view.hpp"

namespace psoas {

std::string render_dry_run(const Routine& routine, const Timeline& timeline, std::size_t first_segment) {
  const Seconds offset =
      first_segment < timeline.segments.size() ? timeline.segments[first_segment].start : timeline.total;
  const Seconds total = timeline.total - offset;
  std::string out = fmt::format("{} · {} · {}\n", routine.title, time_left_text(timeline, first_segment),
                                count_of(timeline.steps.size(), "step"));
  std::size_t last_step = timeline.steps.size();
  for (std::size_t i = first_segment; i < timeline.segments.size(); ++i) {
    const Segment& segment = timeline.segments[i];
    const std::string number = segment.step != last_step ? fmt::format("{:>3}.", segment.step + 1) : "    ";
    last_step = segment.step;
    out += fmt::format("{:>7}  {} {}\n", format_elapsed(segment.start - offset), number,
                       describe_segment(timeline, i));
  }
  out += fmt::format("{:>7}  total {}\n", format_elapsed(total), time_left_text(timeline, first_segment));
  return out;
}

}  // namespace psoas
