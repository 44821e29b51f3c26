#include "ui/describe.hpp"

#include <csignal>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <string.h>

#include "run/key_table.hpp"

namespace psoas {

std::string time_left_text(const Timeline& timeline, std::size_t first_segment) {
  bool checklist = false;
  for (std::size_t i = first_segment; i < timeline.segments.size(); ++i)
    checklist = checklist || timeline.segments[i].kind == SegmentKind::check;
  return format_duration(timeline.remaining_from(first_segment)) + (checklist ? "+" : "");
}

std::string describe_sides(const Step& step) {
  std::string sides = list_sides(step);
  if (!sides.empty() && !step.side_label.empty()) sides += fmt::format(" ({})", step.side_label);
  return sides;
}

std::string list_sides(const Step& step) {
  const auto& sides = step.sides;
  if (sides.size() == 1) {
    if (sides.front() == Side::none) return "";
    return fmt::format("{} side", to_string(sides.front()));
  }
  if (sides.size() == 2 && sides[0] != sides[1]) {
    if (step.alternate) return fmt::format("alternating {} and {}", to_string(sides[0]), to_string(sides[1]));
    return fmt::format("{}, then {}", to_string(sides[0]), to_string(sides[1]));
  }
  std::string out;
  for (std::size_t i = 0; i < sides.size(); ++i) {
    if (i > 0) out += ", ";
    out += to_string(sides[i]);
  }
  return step.alternate ? fmt::format("alternating {}", out) : out;
}

std::string hold_and_reps(const Step& step) {
  if (step.is_check()) return "until done";
  if (step.reps > 1) return fmt::format("{} × {}", step.reps, format_duration(*step.hold));
  return format_duration(*step.hold);
}

std::string describe_timing(const Step& step) {
  if (step.is_check()) return "untimed: tick it off when done";
  std::vector<std::string> parts;
  if (auto sides = describe_sides(step); !sides.empty()) parts.push_back(std::move(sides));
  parts.push_back(hold_and_reps(step));
  if (step.reps > 1 && step.rest > Seconds(0))
    parts.push_back(fmt::format("rest {}", format_duration(step.rest)));
  if (step.sides.size() > 1 && step.switch_time > Seconds(0))
    parts.push_back(fmt::format("switch {}", format_duration(step.switch_time)));
  if (step.prepare > Seconds(0)) parts.push_back(fmt::format("get ready {}", format_duration(step.prepare)));
  return fmt::format("{}", fmt::join(parts, " · "));
}

std::string side_words(Side side, const Step& step) {
  if (step.side_label.empty()) return std::string(to_string(side));
  return fmt::format("{} · {}", to_string(side), step.side_label);
}

std::string key_line(bool check) {
  std::vector<std::string_view> parts;
  for (const KeyBinding& binding : run_key_table()) {
    const std::string_view text = check ? binding.check_footer : binding.footer;
    if (!text.empty()) parts.push_back(text);
  }
  return fmt::format("{}", fmt::join(parts, " · "));
}

namespace {

std::vector<std::string_view> each_key(std::string_view keys_text) {
  std::vector<std::string_view> keys;
  while (!keys_text.empty()) {
    const auto comma = keys_text.find(", ");
    keys.push_back(keys_text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    keys_text.remove_prefix(comma + 2);
  }
  return keys;
}

}  // namespace

std::string key_table_markdown() {
  std::string out = "| key | does |\n|---|---|\n";
  for (const KeyBinding& binding : run_key_table()) {
    std::vector<std::string> keys;
    for (const std::string_view key : each_key(binding.keys_text)) keys.push_back(fmt::format("`{}`", key));
    out += fmt::format("| {} | {} |\n", fmt::join(keys, ", "), binding.description);
  }
  return out;
}

std::string key_table_mdoc() {
  std::string out = ".Bl -tag -width \"space, p\" -compact\n";
  for (const KeyBinding& binding : run_key_table()) {
    std::vector<std::string> keys;
    for (const std::string_view key : each_key(binding.keys_text))
      keys.emplace_back(key == "→"   ? "\\(->"
                        : key == "←" ? "\\(<-"
                        : key == "-" ? "\\-"
                        : key == "?" ? "\\&?"
                                     : key);
    std::string description(binding.description);
    description.front() = static_cast<char>(description.front() - 'a' + 'A');
    out += fmt::format(".It Cm {}\n{}.\n", fmt::join(keys, " , "), description);
  }
  return out + ".El\n";
}

std::string count_of(std::size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

std::string kind_phrase(SegmentKind kind) {
  std::string phrase = segment_label(kind);
  phrase.front() = static_cast<char>(phrase.front() - 'A' + 'a');
  return phrase;
}

std::string segment_label(SegmentKind kind) {
  switch (kind) {
    case SegmentKind::prepare:
      return "Get ready";
    case SegmentKind::hold:
      return "Hold";
    case SegmentKind::rest:
      return "Rest";
    case SegmentKind::switch_sides:
      return "Switch sides";
    case SegmentKind::check:
      return "Check off";
  }
  return "";
}

std::string describe_stop(int signal) {
  if (signal == SIGINT) return "stopped by Ctrl-C";
  if (signal == SIGPIPE) return "stopped: its output was closed";
  if (const char* name = sigabbrev_np(signal)) return fmt::format("stopped by SIG{}", name);
  return fmt::format("stopped by signal {}", signal);
}

}  // namespace psoas
