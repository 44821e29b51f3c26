#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "load/figure_reader.hpp"
#include "load/loader.hpp"
#include "plan/timeline.hpp"
#include "ui/card.hpp"
#include "ui/diagnostic_view.hpp"
#include "ui/dry_run.hpp"
#include "ui/figure_drawing.hpp"
#include "ui/json.hpp"
#include "ui/run_screen.hpp"

namespace psoas::fuzz {

// The bytes as a figure file: read, and drawn for each side in braille.
inline void read_and_draw_figure(std::string_view bytes) {
  auto source = check_source("fuzz.yaml", std::string(bytes));
  if (!std::holds_alternative<SourceText>(source)) return;
  const ReadFigure read = read_figure(std::get<SourceText>(source));
  if (has_errors(read.diagnostics)) return;
  for (const Side side : {Side::left, Side::right})
    (void)braille_sketch(draw_figure(for_side(read.figure, side)), 40, 12);
}

// The whole loading path, as far as input can reach: bytes, YAML, routine,
// timeline, and every text made from them, and the same bytes as a figure.
// The fuzzer feeds it anything; the regression test feeds it what the fuzzer
// once found.
inline void load_and_render(std::string_view bytes, const SearchPath& search_path) {
  read_and_draw_figure(bytes);
  RoutineLoader loader(search_path);
  const LoadResult result = loader.load_text("fuzz.yaml", std::string(bytes));
  for (const Diagnostic& diagnostic : result.diagnostics)
    (void)render_diagnostic(diagnostic, diagnostic.message, Style(true));
  if (!result.routine) return;
  const Routine& routine = *result.routine;
  const Timeline timeline = build_timeline(routine);
  for (const bool compact : {false, true})
    (void)render_card(
        routine, timeline,
        {.format = CardFormat::text, .width = 80, .color = true, .compact = compact, .only_steps = {}});
  (void)render_card(
      routine, timeline,
      {.format = CardFormat::markdown, .width = 80, .color = false, .compact = false, .only_steps = {}});
  (void)card_json(routine, timeline, {});
  (void)render_dry_run(routine, timeline, 0);
  RunState state;
  (void)compose_run_frame(routine, timeline, state, {80, 24});  // the briefing
  state.phase = RunPhase::running;
  state.segment = timeline.segments.size() - 1;
  state.segment_remaining = std::chrono::seconds(75);
  (void)compose_run_frame(routine, timeline, state, {40, 12});
}

}  // namespace psoas::fuzz
