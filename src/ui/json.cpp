#include "ui/json.hpp"

#include <ostream>

#include "model/duration.hpp"
#include "ui/describe.hpp"
#include "ui/json_dump.hpp"

namespace psoas {
namespace {

Json side_json(Side side) {
  if (side == Side::none) return nullptr;
  return std::string(to_string(side));
}

Json text_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  return text;
}

Json diagnostic_json(const Diagnostic& diagnostic) {
  const bool placed = diagnostic.position != kNowhere;
  return Json{{"file", diagnostic.file.empty() ? Json(nullptr) : Json(diagnostic.file)},
              {"line", placed ? Json(diagnostic.position.line) : Json(nullptr)},
              {"column", placed ? Json(diagnostic.position.column) : Json(nullptr)},
              {"severity", diagnostic.severity == Severity::error ? "error" : "warning"},
              {"message", diagnostic.message}};
}

// A step's figure: its name, each side's, or null.
Json figure_json(const StepFigure& figure) {
  if (figure.left.empty() && figure.right.empty()) return text_or_null(figure.name);
  Json sides = Json::object();
  for (const auto& [side, name] : {std::pair{"left", &figure.left}, std::pair{"right", &figure.right}})
    sides[side] = name->empty() ? text_or_null(figure.name) : Json(*name);
  return sides;
}

Json step_json(const Timeline& timeline, std::size_t index) {
  const PlannedStep& planned = timeline.steps[index];
  const Step& step = planned.step;
  Json sides = Json::array();
  for (const Side side : step.sides)
    if (side != Side::none) sides.push_back(std::string(to_string(side)));
  const bool timed = !step.is_check();
  return Json{{"number", index + 1},
              {"name", step.name},
              {"routine", planned.routine},
              {"until_done", !timed},
              {"hold_seconds", timed ? Json(step.hold->count()) : Json(nullptr)},
              {"min_hold_seconds", step.min_hold ? Json(step.min_hold->count()) : Json(nullptr)},
              {"max_hold_seconds", step.max_hold ? Json(step.max_hold->count()) : Json(nullptr)},
              {"sides", sides},
              {"reps", step.reps},
              {"rest_seconds", step.rest.count()},
              {"switch_seconds", step.switch_time.count()},
              {"prepare_seconds", step.prepare.count()},
              {"alternate", step.alternate},
              {"setup", step.setup},
              {"cues", step.cues},
              {"caution", text_or_null(step.caution)},
              {"side_label", text_or_null(step.side_label)},
              {"source", text_or_null(step.source)},
              {"figure", figure_json(step.figure)},
              {"start_seconds", timeline.segments[planned.first_segment].start.count()},
              {"duration_seconds", timeline.step_duration(index).count()}};
}

Json segment_json(const Timeline& timeline, std::size_t index) {
  const Segment& segment = timeline.segments[index];
  const bool check = segment.kind == SegmentKind::check;
  return Json{{"index", index},
              {"kind", std::string(to_string(segment.kind))},
              {"step", segment.step + 1},
              {"side", side_json(segment.side)},
              {"rep", segment.rep},
              {"reps", segment.reps},
              {"start_seconds", segment.start.count()},
              {"duration_seconds", check ? Json(nullptr) : Json(segment.duration.count())}};
}

std::string_view event_name(RunEventKind kind) {
  switch (kind) {
    case RunEventKind::started:
      return "started";
    case RunEventKind::segment:
      return "segment";
    case RunEventKind::checked:
      return "checked";
    case RunEventKind::paused:
      return "paused";
    case RunEventKind::resumed:
      return "resumed";
    case RunEventKind::skipped:
      return "skipped";
    case RunEventKind::back:
      return "back";
    case RunEventKind::time_added:
      return "time-added";
    case RunEventKind::finished:
      return "finished";
    case RunEventKind::quit:
      return "quit";
    case RunEventKind::interrupted:
      return "interrupted";
    default:
      return "";  // screen-only events: ticks, countdown, help, redraws, the briefing
  }
}

}  // namespace

std::string list_json(const std::vector<RoutineRow>& rows) {
  Json out = Json::array();
  for (const RoutineRow& row : rows) {
    const bool valid = row.total.has_value();
    out.push_back(Json{{"name", row.name},
                       {"title", valid ? Json(row.title) : Json(nullptr)},
                       {"total_seconds", valid ? Json(row.total->count()) : Json(nullptr)},
                       {"untimed_steps", row.untimed},
                       {"steps", valid ? Json(row.steps) : Json(nullptr)},
                       {"tags", row.tags},
                       {"often", text_or_null(row.often)},
                       {"origin", std::string(to_string(row.origin))},
                       {"shadows_builtin", row.shadows_builtin},
                       {"file", row.file},
                       {"valid", valid},
                       {"error", row.error ? diagnostic_json(*row.error) : Json(nullptr)}});
  }
  return dump_json(out);
}

std::string card_json(const Routine& routine, const Timeline& timeline,
                      const std::vector<std::size_t>& only_steps) {
  std::vector<std::size_t> steps = only_steps;
  if (steps.empty())
    for (std::size_t i = 0; i < timeline.steps.size(); ++i) steps.push_back(i);
  Json step_list = Json::array();
  Json segment_list = Json::array();
  for (const std::size_t i : steps) {
    step_list.push_back(step_json(timeline, i));
    const PlannedStep& planned = timeline.steps[i];
    for (std::size_t k = 0; k < planned.segment_count; ++k)
      segment_list.push_back(segment_json(timeline, planned.first_segment + k));
  }
  Json notes = Json::array();
  for (const RoutineNotes& routine_notes : timeline.notes)
    notes.push_back(
        {{"routine", routine_notes.routine}, {"title", routine_notes.title}, {"notes", routine_notes.notes}});
  const Json out{{"name", routine.name},
                 {"title", routine.title},
                 {"summary", text_or_null(routine.summary)},
                 {"tags", routine.tags},
                 {"often", text_or_null(routine.often)},
                 {"tracks", text_or_null(timeline.tracks)},
                 {"equipment", timeline.equipment},
                 {"cautions", timeline.cautions},
                 {"file", routine.file.string()},
                 {"total_seconds", timeline.total.count()},
                 {"notes", notes},
                 {"steps", step_list},
                 {"segments", segment_list}};
  return dump_json(out);
}

std::string check_json(const std::vector<CheckedFile>& files) {
  Json list = Json::array();
  bool all_valid = true;
  for (const CheckedFile& file : files) {
    const bool valid = !has_errors(file.diagnostics);
    all_valid = all_valid && valid;
    Json diagnostics = Json::array();
    for (const Diagnostic& diagnostic : file.diagnostics) diagnostics.push_back(diagnostic_json(diagnostic));
    list.push_back(Json{{"file", file.file},
                        {"valid", valid},
                        {"steps", file.steps ? Json(*file.steps) : Json(nullptr)},
                        {"total_seconds", file.total ? Json(file.total->count()) : Json(nullptr)},
                        {"untimed_steps", file.untimed},
                        {"reminders", file.reminders ? Json(*file.reminders) : Json(nullptr)},
                        {"plan_sessions", file.plan_sessions ? Json(*file.plan_sessions) : Json(nullptr)},
                        {"diagnostics", diagnostics}});
  }
  return dump_json(Json{{"valid", all_valid}, {"files", list}});
}

JsonEventsView::JsonEventsView(const Routine& routine, const Timeline& timeline, std::ostream& out,
                               std::function<WallTime()> wall_clock)
    : routine_(routine), timeline_(timeline), out_(out), wall_clock_(std::move(wall_clock)) {}

void JsonEventsView::on_event(const RunEvent& event, const RunState& state) {
  const std::string_view name = event_name(event.kind);
  if (name.empty()) return;
  const Segment& segment = timeline_.segments[std::min(event.segment, timeline_.segments.size() - 1)];
  Json line{{"event", name},
            {"time", to_iso8601(wall_clock_())},
            {"routine", routine_.name},
            {"elapsed_seconds", in_seconds(state.active)},
            {"remaining_seconds", in_seconds(state.remaining(timeline_))},
            {"segment", event.segment},
            {"kind", std::string(to_string(segment.kind))},
            {"step", segment.step + 1},
            {"step_name", timeline_.steps[segment.step].step.name},
            {"side", side_json(segment.side)},
            {"rep", segment.rep},
            {"reps", segment.reps},
            {"duration_seconds",
             segment.kind == SegmentKind::check ? Json(nullptr) : Json(in_seconds(state.segment_length))}};
  switch (event.kind) {
    case RunEventKind::started:
      line["title"] = routine_.title;
      line["total_seconds"] = in_seconds(timeline_.remaining_from(state.first_segment));
      break;
    case RunEventKind::time_added:
      line["delta_seconds"] = in_seconds(event.delta);
      break;
    case RunEventKind::finished:
    case RunEventKind::quit:
    case RunEventKind::interrupted:
      line["completed"] = state.completed;
      line["skipped"] = state.skipped;
      line["paused_seconds"] = in_seconds(state.paused_total);
      line["held_left_seconds"] = in_seconds(state.held_left);
      line["held_right_seconds"] = in_seconds(state.held_right);
      line["held_unsided_seconds"] = in_seconds(state.held_unsided);
      if (event.kind == RunEventKind::interrupted) line["signal"] = state.signal;
      break;
    default:
      break;
  }
  out_ << dump_json(line, true);
  out_.flush();
}

}  // namespace psoas
