#include "ui/audio_script.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace psoas {
namespace {

// Silence kept between the end of speech and the next sound.
constexpr std::int64_t kGapMs = 300;
// How long the track goes on after the end bell: the closing words and a breath.
constexpr std::int64_t kEndingMs = 4000;

std::int64_t millis(Seconds seconds) {
  return static_cast<std::int64_t>(seconds.count()) * 1000;
}

// A sentence, ending in a full stop unless it already ends as one.
std::string sentence(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  if (text.empty()) return "";
  const char last = text.back();
  return std::string(text) + (last == '.' || last == '!' || last == '?' ? "" : ".");
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += ' ';
    out += part;
  }
  return out;
}

std::string side_sentence(const Step& step, Side side) {
  if (side == Side::none) return "";
  std::string name(to_string(side));
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return step.side_label.empty() ? fmt::format("{} side.", name)
                                 : fmt::format("{} side, {}", name, sentence(step.side_label));
}

// The tries of a segment's words, longest first, and the last complete one.
struct Words {
  std::vector<std::string> tries;
  std::size_t complete = 0;
};

Words words_for(const Timeline& timeline, std::size_t index, Seconds length) {
  const Segment& segment = timeline.segments[index];
  const Step& step = timeline.steps[segment.step].step;
  const std::string name = sentence(step.name);
  const std::string side = side_sentence(step, segment.side);
  const std::string first_cue = step.cues.empty() ? "" : sentence(step.cues.front());
  const std::string first_setup = step.setup.empty() ? "" : sentence(step.setup.front());
  switch (segment.kind) {
    case SegmentKind::hold: {
      const std::string hold = segment.reps > 1 ? fmt::format("Hold {}, {} of {}.", spoken_duration(length),
                                                              segment.rep, segment.reps)
                                                : fmt::format("Hold {}.", spoken_duration(length));
      const std::string complete = joined({name, side, hold});
      if (segment.rep == 1 && !first_cue.empty())  // the cue once per side, not at every rep
        return {{joined({complete, first_cue}), complete, joined({name, side})}, 1};
      return {{complete, joined({name, side})}, 0};
    }
    case SegmentKind::prepare: {
      const std::string complete = joined({name, side, "Get ready."});
      if (!first_setup.empty()) return {{joined({complete, first_setup}), complete, joined({name, side})}, 1};
      return {{complete, joined({name, side})}, 0};
    }
    case SegmentKind::rest: {
      const std::string rest = fmt::format("Rest, {}.", spoken_duration(length));
      if (index + 1 < timeline.segments.size()) {
        const Segment& next = timeline.segments[index + 1];
        const Step& next_step = timeline.steps[next.step].step;
        const std::string next_side =
            next.side == Side::none ? "" : fmt::format(", {} side", to_string(next.side));
        return {{joined({rest, fmt::format("Next: {}{}.", next_step.name, next_side)}), rest, "Rest."}, 1};
      }
      return {{rest, "Rest."}, 0};
    }
    case SegmentKind::switch_sides:
      return {{joined({"Switch sides.", side, sentence(spoken_duration(length))}),
               joined({"Switch sides.", side})},
              0};
    case SegmentKind::check: {
      const std::string wait =
          fmt::format("You have {}; pause the player if you need longer.", spoken_duration(length));
      std::vector<std::string> setup;
      for (const std::string& line : step.setup) setup.push_back(sentence(line));
      return {{joined({name, joined(setup), wait}), joined({name, first_setup, wait}), joined({name, wait}),
               name},
              2};
    }
  }
  return {};
}

// "3. Pigeon pose (left, then right)": a step as a player lists it, told
// apart from the same pose done later on the other side.
std::string chapter_name(const Timeline& timeline, std::size_t step) {
  const PlannedStep& planned = timeline.steps[step];
  std::vector<std::string> sides;
  for (std::size_t i = planned.first_segment; i < planned.first_segment + planned.segment_count; ++i) {
    const Segment& segment = timeline.segments[i];
    if (segment.kind != SegmentKind::hold || segment.side == Side::none) continue;
    const std::string side(to_string(segment.side));
    if (sides.empty() || sides.back() != side) sides.push_back(side);
  }
  std::string name = fmt::format("{}. {}", step + 1, planned.step.name);
  if (sides.size() == 1) name += fmt::format(" ({})", sides.front());
  if (sides.size() == 2) name += fmt::format(" ({}, then {})", sides[0], sides[1]);
  if (sides.size() > 2) name += " (both sides)";
  return name;
}

std::string introduction(const Routine& routine, const Timeline& timeline, const ScriptOptions& options,
                         std::int64_t length_ms) {
  std::vector<std::string> parts{sentence(routine.title.empty() ? routine.name : routine.title),
                                 fmt::format("{} in all.", spoken_duration(Seconds(length_ms / 1000)))};
  if (options.first_segment > 0) {
    const std::size_t step = timeline.segments[options.first_segment].step;
    parts.push_back(fmt::format("Starting at step {}: {}.", step + 1, timeline.steps[step].step.name));
  }
  if (!timeline.equipment.empty()) {
    std::string list;
    for (std::size_t i = 0; i < timeline.equipment.size(); ++i)
      list += (i == 0 ? "" : i + 1 == timeline.equipment.size() ? " and " : ", ") + timeline.equipment[i];
    parts.push_back(fmt::format("You need {}.", list));
  }
  if (!timeline.cautions.empty()) {
    parts.emplace_back("Before you start.");
    for (const std::string& caution : timeline.cautions) parts.push_back(sentence(caution));
  }
  if (timeline.has_checklist())
    parts.push_back(fmt::format("Checklist steps wait {}; pause the player if you need longer.",
                                spoken_duration(options.check_pause)));
  parts.emplace_back("Pause the player whenever you need to.");
  return joined(parts);
}

}  // namespace

std::string spoken_duration(Seconds duration) {
  const auto total = duration.count();
  const auto plural = [](long long n, std::string_view unit) {
    return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s");
  };
  std::vector<std::string> parts;
  if (total >= 3600) parts.push_back(plural(total / 3600, "hour"));
  if (total % 3600 >= 60) parts.push_back(plural(total % 3600 / 60, "minute"));
  if (total % 60 != 0 || total == 0) parts.push_back(plural(total % 60, "second"));
  return joined(parts);
}

AudioScript script_audio(const Routine& routine, const Timeline& timeline, const ScriptOptions& options) {
  AudioScript script;
  script.title = routine.title.empty() ? routine.name : routine.title;
  std::int64_t at = 0;
  for (std::size_t i = options.first_segment; i < timeline.segments.size(); ++i) {
    const Segment& segment = timeline.segments[i];
    const Seconds length = segment.kind == SegmentKind::check ? options.check_pause : segment.duration;
    const std::int64_t end = at + millis(length);
    const PlannedStep& planned = timeline.steps[segment.step];
    if (i == planned.first_segment || i == options.first_segment)
      script.chapters.push_back({at, chapter_name(timeline, segment.step)});

    // The sounds within the segment, which its opening words must leave room for.
    std::vector<std::int64_t> ticks;
    std::optional<std::int64_t> halfway;
    if (segment.kind == SegmentKind::hold) {
      for (const std::int64_t before : {3000, 2000, 1000})
        if (end - before > at) ticks.push_back(end - before);
      if (length >= kHalfwayFrom) halfway = at + millis(length) / 2;
    }
    const std::int64_t next_sound = halfway ? *halfway : ticks.empty() ? end : ticks.front();

    const Tone tone = segment.kind == SegmentKind::hold           ? Tone::hold
                      : segment.kind == SegmentKind::switch_sides ? Tone::switch_sides
                                                                  : Tone::ready;
    Words words = words_for(timeline, i, length);
    script.cues.push_back({at, tone, std::move(words.tries), words.complete, next_sound - kGapMs, i});
    if (halfway)
      script.cues.push_back({*halfway,
                             std::nullopt,
                             {"Halfway."},
                             0,
                             (ticks.empty() ? end : ticks.front()) - kGapMs,
                             std::nullopt});
    for (const std::int64_t tick : ticks)
      script.cues.push_back({tick, Tone::tick, {}, 0, tick, std::nullopt});
    at = end;
  }
  script.length_ms = at;
  script.ending = "Done. Well done.";
  script.ending_ms = kEndingMs;
  script.cues.push_back({at, Tone::end, {script.ending}, 0, at + kEndingMs - kGapMs, std::nullopt});
  script.introduction = introduction(routine, timeline, options, at);
  return script;
}

}  // namespace psoas
