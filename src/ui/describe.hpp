#pragma once

#include <string>

#include "model/routine.hpp"
#include "plan/timeline.hpp"

namespace psoas {

// "right, then left", "left side", "alternating right and left", or "" for
// none; with what the sides name, when the step says: "left, then right (back leg)".
std::string describe_sides(const Step& step);

// The time from `first_segment` to the end, "4m55s", with a "+" when
// checklist steps add time of their own, as `psoas list` says it.
std::string time_left_text(const Timeline& timeline, std::size_t first_segment = 0);
// The same without what the sides name.
std::string list_sides(const Step& step);

// How a step is timed, for a card or a listing: "right, then left · 3 × 30s ·
// rest 10s · switch 5s · get ready 5s", or "untimed: tick it off when done".
std::string describe_timing(const Step& step);

// A step's hold in short, for a line or a box: "30s", "3 × 30s", or "until done".
std::string hold_and_reps(const Step& step);

// "left", or "left · back leg" when the step says what its side names.
std::string side_words(Side side, const Step& step);

// The keys a footer lists, from the key table: "space pause · n skip · …",
// or those that act on a checklist step.
std::string key_line(bool check);

// The key table as the README shows it (a Markdown table) and as psoas(1)
// does (an mdoc list): both are checked against it by the tests.
std::string key_table_markdown();
std::string key_table_mdoc();

// "1 step", "7 steps": a count with its noun.
std::string count_of(std::size_t count, std::string_view noun);

// "get ready", "hold", "rest", "switch sides", "check off": a segment's kind mid-sentence.
std::string kind_phrase(SegmentKind kind);

// Why a run stopped on a signal: "stopped by Ctrl-C", "stopped by SIGTERM",
// "stopped: its output was closed" (SIGPIPE).
std::string describe_stop(int signal);

// "Hold", "Get ready", "Rest", "Switch sides", "Check off".
std::string segment_label(SegmentKind kind);

}  // namespace psoas
