#include "load/routine_reader.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include <fmt/format.h>

#include "base/numbers.hpp"
#include "base/printable.hpp"
#include "base/utf8.hpp"
#include "load/suggest.hpp"

namespace psoas {
namespace {

using NodeId = YamlTree::NodeId;
using Kind = YamlTree::Kind;

const std::vector<std::string> kRoutineKeys = {"name",      "title",    "summary", "tags",
                                               "equipment", "cautions", "notes",   "often",
                                               "tracks",    "defaults", "steps",   "rate"};
const std::vector<std::string> kStepKeys = {"name",    "hold",       "min-hold", "max-hold",  "sides", "reps",
                                            "rest",    "switch",     "prepare",  "alternate", "setup", "cues",
                                            "caution", "side-label", "source",   "use",       "figure"};
const std::vector<std::string> kUseStepKeys = {"use", "hold", "reps", "rest", "switch", "prepare"};
const std::vector<std::string> kDefaultsKeys = {"hold", "min-hold", "max-hold", "rest", "switch", "prepare"};

// Labels are shown beside a side or a count, so they are kept short.
constexpr std::size_t kMaxLabel = 24;
constexpr std::size_t kMaxShortText = 40;

// One key and value of a map, as read.
struct Entry {
  std::string_view key;
  NodeId key_node;
  NodeId value;
};

// How an error names what it is about: `hold`, `defaults.hold`, or each item
// of `cues`. Formatted only when an error needs it: most values are fine.
struct Label {
  enum class Form : unsigned char { key, default_key, item };
  std::string_view key;
  Form form = Form::key;

  [[nodiscard]] std::string text() const {
    switch (form) {
      case Form::default_key:
        return fmt::format("`defaults.{}`", key);
      case Form::item:
        return fmt::format("each item of `{}`", key);
      case Form::key:
        break;
    }
    return fmt::format("`{}`", key);
  }
};

// The values a `defaults` map gives every step that does not set its own.
struct StepDefaults {
  std::optional<std::optional<Seconds>> hold;  // set, with nullopt meaning until-done
  bool hold_written = false;                   // given, even if wrongly: no step lacks it then
  Seconds rest{0};
  Seconds switch_time{5};
  Seconds prepare{0};
  std::optional<Seconds> min_hold;
  std::optional<Seconds> max_hold;
};

std::string_view trim(std::string_view text) {
  return trim_blanks(text);
}

class Reader {
 public:
  Reader(const SourceText& source, const YamlTree& tree, ReadRoutine& out)
      : source_(source), tree_(tree), out_(out) {}

  void read() {
    const NodeId root = tree_.root();
    if (tree_.kind(root) == Kind::null) {
      // An empty file has no node to point at; a bare `---` does.
      out_.diagnostics.push_back({source_.file, {}, Severity::error, "file is empty"});
      return;
    }
    if (tree_.kind(root) != Kind::map) {
      error(root, fmt::format("a routine file must be a map of routine keys (title, steps, ...), "
                              "not {}",
                              describe(root)));
      return;
    }
    read_routine_map(root);
  }

 private:
  // --- diagnostics -------------------------------------------------------

  void error_at(YamlMark mark, std::string message) {
    if (too_many_errors()) return;
    if (errors_ == kMaxErrorsPerFile) {
      message = fmt::format("too many errors; stopping after {}", kMaxErrorsPerFile);
    }
    ++errors_;
    out_.diagnostics.push_back({source_.file, position(mark), Severity::error, std::move(message)});
  }

  void error(NodeId node, std::string message) { error_at(tree_.mark(node), std::move(message)); }

  // Something valid that is almost certainly not what was meant.
  void warn(NodeId node, std::string message) {
    out_.diagnostics.push_back(
        {source_.file, position(tree_.mark(node)), Severity::warning, std::move(message)});
  }

  // Errors about a value point at the value, or at its key when the value is
  // empty (yaml-cpp places an empty value on the following line).
  void error(const Entry& entry, std::string message) {
    error(tree_.kind(entry.value) == Kind::null ? entry.key_node : entry.value, std::move(message));
  }

  // True once an error past the limit was seen, and reported as the last one.
  [[nodiscard]] bool too_many_errors() const { return errors_ > kMaxErrorsPerFile; }

  [[nodiscard]] SourcePosition position(YamlMark mark) const {
    return source_.position_of(mark.line, mark.byte_column);
  }

  // As describe(), but a quoted scalar is called text: a quoted "3" or "true"
  // is a string to YAML, whatever it looks like.
  [[nodiscard]] std::string describe_typed(NodeId node) const {
    if (tree_.kind(node) == Kind::scalar && !tree_.is_plain(node)) {
      const std::string described = describe(node);
      return fmt::format("the text \"{}\"", std::string_view(described).substr(1, described.size() - 2));
    }
    return describe(node);
  }

  [[nodiscard]] std::string describe(NodeId node) const { return describe_node(tree_, node); }

  // --- maps --------------------------------------------------------------

  // The entries of a map, reporting keys that are not scalars, repeated or
  // not in `known`. `unknown_key` words the error for a key not in `known`.
  template <typename UnknownKey>
  std::vector<Entry> entries(NodeId map, const std::vector<std::string>& known, UnknownKey&& unknown_key) {
    std::vector<Entry> result;
    std::unordered_map<std::string_view, YamlMark> seen;
    const auto children = tree_.children(map);
    for (std::size_t i = 0; i + 1 < children.size() && !too_many_errors(); i += 2) {
      const NodeId key_node = children[i];
      const NodeId value = children[i + 1];
      if (tree_.kind(key_node) != Kind::scalar) {
        error(key_node, fmt::format("a key must be a word, not {}", describe(key_node)));
        continue;
      }
      const std::string_view key = tree_.scalar(key_node);
      if (const auto [first, inserted] = seen.try_emplace(key, tree_.mark(key_node)); !inserted) {
        error(key_node,
              fmt::format("duplicate key `{}` (first given on line {})", key, position(first->second).line));
        continue;
      }
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        error(key_node, unknown_key(key));
        continue;
      }
      result.push_back({key, key_node, value});
    }
    return result;
  }

  // Whether an unknown key of `map` is, by its suggestion, a misspelt `wanted`:
  // then "`wanted` is missing" would only repeat that error, and hide it.
  [[nodiscard]] bool misspells(NodeId map, const std::vector<std::string>& known,
                               std::string_view wanted) const {
    const auto children = tree_.children(map);
    for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
      if (tree_.kind(children[i]) != Kind::scalar) continue;
      const std::string_view key = tree_.scalar(children[i]);
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      const auto matches = close_matches(key, known, 1);
      if (!matches.empty() && matches.front() == wanted) return true;
    }
    return false;
  }

  static std::string unknown_key_message(std::string_view key, const std::vector<std::string>& known,
                                         std::string_view owner) {
    const auto matches = close_matches(key, known, 1);
    if (!matches.empty()) return fmt::format("unknown key `{}`; did you mean `{}`?", key, matches.front());
    return fmt::format("unknown key `{}` ({} keys are {})", key, owner,
                       fmt::join(known.begin(), known.end(), ", "));
  }

  // --- scalar values -----------------------------------------------------

  std::optional<std::string> text(const Entry& entry, const Label& label, bool one_line) {
    return text_of(entry.value, entry.key_node, label, one_line);
  }

  // A non-empty string without control characters. `key_node` places the
  // error when the value is empty.
  std::optional<std::string> text_of(NodeId value, NodeId key_node, const Label& label, bool one_line) {
    const Kind kind = tree_.kind(value);
    const NodeId place = kind == Kind::null ? key_node : value;
    if (kind != Kind::scalar) {
      // `note: keep it: short` is a map to YAML: the likeliest cause of a map here.
      const bool colon_in_text = kind == Kind::map && tree_.children(value).size() == 2;
      error(place, fmt::format("{} must be text, not {}{}", label.text(), describe(value),
                               colon_in_text ? " (text with `: ` in it needs quotes)" : ""));
      return std::nullopt;
    }
    const std::string_view trimmed = trim(tree_.scalar(value));
    if (trimmed.empty()) {
      error(place, fmt::format("{} must not be empty", label.text()));
      return std::nullopt;
    }
    if (const auto control = find_control_character(trimmed)) {
      error(place, fmt::format("{} contains a control character (U+{:04X})", label.text(), *control));
      return std::nullopt;
    }
    if (one_line && trimmed.find('\n') != std::string_view::npos) {
      error(place, fmt::format("{} must be one line", label.text()));
      return std::nullopt;
    }
    return std::string(trimmed);
  }

  // One line of at most `limit` characters: a label shown beside something else.
  std::optional<std::string> short_text(const Entry& entry, const Label& label, std::size_t limit) {
    auto value = text(entry, label, true);
    if (value && count_code_points(*value) > limit) {
      error(entry, fmt::format("{} must be short, at most {} characters, not {}", label.text(), limit,
                               count_code_points(*value)));
      return std::nullopt;
    }
    return value;
  }

  // A list of strings; with `single_allowed`, one string stands for a list of one.
  std::vector<std::string> text_list(const Entry& entry, bool one_line, bool single_allowed = false) {
    const Label label{entry.key};
    std::vector<std::string> items;
    const Kind kind = tree_.kind(entry.value);
    if (kind == Kind::scalar && single_allowed) {
      if (auto item = text(entry, label, one_line)) items.push_back(std::move(*item));
      return items;
    }
    if (kind != Kind::sequence) {
      // `cues: Breathe` is the likeliest slip: show how one item is written.
      const std::string hint =
          kind == Kind::scalar ? fmt::format(" (one item is written [{}])", tree_.scalar(entry.value)) : "";
      error(entry,
            fmt::format("{} must be a list{}, not {}{}", label.text(),
                        single_allowed ? " or a line of text" : " of text", describe(entry.value), hint));
      return items;
    }
    const Label item_label{entry.key, Label::Form::item};
    for (const NodeId item : tree_.children(entry.value)) {
      if (too_many_errors()) break;
      if (auto value = text_of(item, item, item_label, one_line)) items.push_back(std::move(*value));
    }
    return items;
  }

  std::optional<Seconds> duration(const Entry& entry, const Label& label, bool must_be_positive,
                                  bool until_done_allowed = false) {
    const Kind kind = tree_.kind(entry.value);
    const std::string_view written = kind == Kind::scalar ? trim(tree_.scalar(entry.value)) : "";
    const auto parsed = kind == Kind::scalar ? parse_duration(written) : std::nullopt;
    if (!parsed) {
      const std::string mistake = kind == Kind::scalar ? duration_mistake(written) : std::string();
      error(entry, fmt::format("{} must be a duration such as 45s, 2m, 1m30s or 1:30{}, not {}{}",
                               label.text(), until_done_allowed ? ", or until-done" : "",
                               describe(entry.value), mistake.empty() ? "" : "; " + mistake));
      return std::nullopt;
    }
    if (*parsed > kMaxDuration) {
      error(entry, fmt::format("{} must be at most 24 hours, not `{}`", label.text(), written));
      return std::nullopt;
    }
    if (must_be_positive && *parsed == Seconds(0)) {
      error(entry, fmt::format("{} must be more than zero", label.text()));
      return std::nullopt;
    }
    return parsed;
  }

  // A hold: a positive duration, or nullopt inside for `until-done`.
  std::optional<std::optional<Seconds>> hold(const Entry& entry, const Label& label,
                                             bool until_done_allowed) {
    if (until_done_allowed && tree_.kind(entry.value) == Kind::scalar &&
        trim(tree_.scalar(entry.value)) == "until-done")
      return std::optional<Seconds>{};
    if (auto seconds = duration(entry, label, true, until_done_allowed))
      return std::optional<Seconds>{seconds};
    return std::nullopt;
  }

  std::optional<int> reps(const Entry& entry) {
    const Kind kind = tree_.kind(entry.value);
    const std::string_view written = kind == Kind::scalar ? tree_.scalar(entry.value) : "";
    constexpr long long kLimit = 1'000'000;  // far beyond any routine, well within the timeline's arithmetic
    long long value = 0;
    bool valid = kind == Kind::scalar && tree_.is_plain(entry.value) && !written.empty();
    for (const char c : written) {
      if (c < '0' || c > '9') {
        valid = false;
        break;
      }
      value = std::min(value * 10 + (c - '0'), kLimit + 1);
    }
    if (!valid || value < 1) {
      error(entry,
            fmt::format("`reps` must be a whole number of at least 1, not {}", describe_typed(entry.value)));
      return std::nullopt;
    }
    if (value > kLimit) {
      error(entry, fmt::format("`reps` must be at most {}, not {}", kLimit, describe_typed(entry.value)));
      return std::nullopt;
    }
    return static_cast<int>(value);
  }

  std::optional<bool> boolean(const Entry& entry) {
    if (tree_.kind(entry.value) == Kind::scalar && tree_.is_plain(entry.value)) {
      const std::string_view written = tree_.scalar(entry.value);
      if (written == "true" || written == "True" || written == "TRUE") return true;
      if (written == "false" || written == "False" || written == "FALSE") return false;
    }
    error(entry, fmt::format("`{}` must be true or false, not {}", entry.key, describe_typed(entry.value)));
    return std::nullopt;
  }

  std::optional<std::vector<Side>> sides(const Entry& entry) {
    const Kind kind = tree_.kind(entry.value);
    if (kind == Kind::scalar) {
      const std::string_view written = trim(tree_.scalar(entry.value));
      if (written == "none") return std::vector{Side::none};
      if (written == "left") return std::vector{Side::left};
      if (written == "right") return std::vector{Side::right};
      if (written == "both") return std::vector{Side::right, Side::left};
    } else if (kind == Kind::sequence) {
      const auto items = tree_.children(entry.value);
      if (items.empty()) {
        error(entry, "`sides` must not be an empty list");
        return std::nullopt;
      }
      std::vector<Side> result;
      bool valid = true;
      for (const NodeId item : items) {
        const std::string_view written = tree_.kind(item) == Kind::scalar ? trim(tree_.scalar(item)) : "";
        if (written == "left" || written == "right") {
          result.push_back(written == "left" ? Side::left : Side::right);
        } else {
          error(item, fmt::format("each item of `sides` must be left or right, not {}", describe(item)));
          valid = false;
          if (too_many_errors()) break;
        }
      }
      if (valid) return result;
      return std::nullopt;
    }
    static const std::vector<std::string> kWords = {"none", "left", "right", "both"};
    const auto close = kind == Kind::scalar ? close_matches(trim(tree_.scalar(entry.value)), kWords, 1)
                                            : std::vector<std::string>{};
    error(entry, fmt::format("`sides` must be none, left, right, both, or a list of left and right, "
                             "not {}{}",
                             describe(entry.value),
                             close.empty() ? "" : fmt::format("; did you mean `{}`?", close.front())));
    return std::nullopt;
  }

  // --- the routine -------------------------------------------------------

  void read_routine_map(NodeId root) {
    Routine& routine = out_.routine;
    const auto fields = entries(root, kRoutineKeys, [](std::string_view key) {
      return unknown_key_message(key, kRoutineKeys, "a routine's");
    });
    StepDefaults defaults;
    const Entry* steps = nullptr;
    bool has_title = false;
    for (const Entry& entry : fields) {
      const Label label{entry.key};
      if (entry.key == "name") {
        out_.name_position = position(tree_.mark(entry.value));
        if (auto name = text(entry, label, true)) {
          if (is_valid_routine_name(*name)) {
            routine.name = std::move(*name);
          } else {
            error(entry, fmt::format("`name` must be lowercase letters, digits and dashes, starting "
                                     "with a letter or digit, at most 64 characters; not `{}`",
                                     *name));
          }
        }
      } else if (entry.key == "title") {
        has_title = true;
        if (auto title = text(entry, label, true)) routine.title = std::move(*title);
      } else if (entry.key == "summary") {
        if (auto summary = text(entry, label, false)) routine.summary = std::move(*summary);
      } else if (entry.key == "tags") {
        routine.tags = text_list(entry, true);
      } else if (entry.key == "equipment") {
        routine.equipment = text_list(entry, true);
      } else if (entry.key == "cautions") {
        routine.cautions = text_list(entry, false);
      } else if (entry.key == "notes") {
        routine.notes = text_list(entry, false);
      } else if (entry.key == "often") {
        if (auto often = short_text(entry, label, kMaxShortText)) routine.often = std::move(*often);
      } else if (entry.key == "tracks") {
        if (auto tracks = short_text(entry, label, kMaxLabel)) routine.tracks = std::move(*tracks);
      } else if (entry.key == "defaults") {
        defaults = read_defaults(entry);
      } else if (entry.key == "steps") {
        steps = &entry;
      } else if (entry.key == "rate") {
        if (auto value = boolean(entry)) routine.rate = *value;
      }
    }
    if (!has_title && !misspells(root, kRoutineKeys, "title")) error(root, "missing required key `title`");
    if (!steps) {
      if (!misspells(root, kRoutineKeys, "steps")) error(root, "missing required key `steps`");
      return;
    }
    out_.steps_position = position(tree_.mark(steps->key_node));
    read_steps(*steps, defaults);
  }

  StepDefaults read_defaults(const Entry& entry) {
    StepDefaults defaults;
    if (tree_.kind(entry.value) != Kind::map) {
      error(entry,
            fmt::format(
                "`defaults` must be a map of hold, min-hold, max-hold, rest, switch and prepare, not {}",
                describe(entry.value)));
      return defaults;
    }
    const auto fields = entries(entry.value, kDefaultsKeys, [](std::string_view key) {
      return unknown_key_message(key, kDefaultsKeys, "`defaults`");
    });
    for (const Entry& field : fields) {
      const Label label{field.key, Label::Form::default_key};
      if (field.key == "hold") {
        defaults.hold_written = true;
        defaults.hold = hold(field, label, true);
      } else if (field.key == "min-hold") {
        defaults.min_hold = duration(field, label, true);
      } else if (field.key == "max-hold") {
        defaults.max_hold = duration(field, label, true);
      } else if (auto value = duration(field, label, false)) {
        if (field.key == "rest") defaults.rest = *value;
        if (field.key == "switch") defaults.switch_time = *value;
        if (field.key == "prepare") defaults.prepare = *value;
      }
    }
    return defaults;
  }

  void read_steps(const Entry& entry, const StepDefaults& defaults) {
    if (tree_.kind(entry.value) != Kind::sequence) {
      error(entry, fmt::format("`steps` must be a list of steps, not {}", describe(entry.value)));
      return;
    }
    const auto items = tree_.children(entry.value);
    if (items.empty()) {
      error(entry, "`steps` must not be empty");
      return;
    }
    // One allocation: a Step is large, and moving thousands of them page-faults.
    out_.routine.steps.reserve(items.size());
    std::size_t number = 0;
    for (const NodeId item : items) {
      if (too_many_errors()) return;
      ++number;
      if (tree_.kind(item) != Kind::map) {
        error(item, fmt::format("step {} must be a map of step keys (name, hold, ...), not {}", number,
                                describe(item)));
        continue;
      }
      if (is_use_step(item)) {
        read_use_step(item);
      } else {
        read_step(item, number, defaults);
      }
    }
  }

  bool is_use_step(NodeId map) const {
    const auto children = tree_.children(map);
    for (std::size_t i = 0; i + 1 < children.size(); i += 2)
      if (tree_.kind(children[i]) == Kind::scalar && tree_.scalar(children[i]) == "use") return true;
    return false;
  }

  void read_step(NodeId map, std::size_t number, const StepDefaults& defaults) {
    Step step;
    step.rest = defaults.rest;
    step.switch_time = defaults.switch_time;
    step.prepare = defaults.prepare;
    step.min_hold = defaults.min_hold;
    step.max_hold = defaults.max_hold;
    std::optional<std::optional<Seconds>> step_hold;
    bool hold_given = false;
    bool has_name = false;
    const auto fields = entries(
        map, kStepKeys, [](std::string_view key) { return unknown_key_message(key, kStepKeys, "a step's"); });
    for (const Entry& entry : fields) {
      const Label label{entry.key};
      if (entry.key == "name") {
        has_name = true;
        if (auto name = text(entry, label, true)) step.name = std::move(*name);
      } else if (entry.key == "hold") {
        hold_given = true;
        step_hold = hold(entry, label, true);
      } else if (entry.key == "min-hold") {
        if (auto value = duration(entry, label, true)) step.min_hold = *value;
      } else if (entry.key == "max-hold") {
        if (auto value = duration(entry, label, true)) step.max_hold = *value;
      } else if (entry.key == "sides") {
        if (auto value = sides(entry)) step.sides = std::move(*value);
      } else if (entry.key == "reps") {
        if (auto value = reps(entry)) step.reps = *value;
      } else if (entry.key == "rest") {
        if (auto value = duration(entry, label, false)) step.rest = *value;
      } else if (entry.key == "switch") {
        if (auto value = duration(entry, label, false)) step.switch_time = *value;
      } else if (entry.key == "prepare") {
        if (auto value = duration(entry, label, false)) step.prepare = *value;
      } else if (entry.key == "alternate") {
        if (auto value = boolean(entry)) step.alternate = *value;
      } else if (entry.key == "setup") {
        step.setup = text_list(entry, false, true);
      } else if (entry.key == "cues") {
        step.cues = text_list(entry, false);
      } else if (entry.key == "caution") {
        if (auto caution = text(entry, label, false)) step.caution = std::move(*caution);
      } else if (entry.key == "side-label") {
        if (auto side_label = short_text(entry, label, kMaxLabel)) step.side_label = std::move(*side_label);
      } else if (entry.key == "source") {
        if (auto source = text(entry, label, true)) step.source = std::move(*source);
      } else if (entry.key == "figure") {
        figure(entry, step.figure);
      }
    }
    if (!has_name && !misspells(map, kStepKeys, "name"))
      error(map, fmt::format("step {} has no `name`", number));
    if (step_hold) {
      step.hold = *step_hold;
    } else if (!hold_given && defaults.hold) {
      step.hold = *defaults.hold;
    } else if (!hold_given && !defaults.hold_written && !misspells(map, kStepKeys, "hold")) {
      error(map, fmt::format("step {} has no `hold`, and there is no `defaults.hold`", number));
    }
    if (step.min_hold && step.max_hold && *step.min_hold > *step.max_hold) {
      auto bound =
          std::find_if(fields.begin(), fields.end(), [](const Entry& e) { return e.key == "max-hold"; });
      if (bound == fields.end())
        bound =
            std::find_if(fields.begin(), fields.end(), [](const Entry& e) { return e.key == "min-hold"; });
      const std::string message =
          fmt::format("`max-hold` ({}) is shorter than `min-hold` ({})", format_duration(*step.max_hold),
                      format_duration(*step.min_hold));
      if (bound != fields.end()) {
        error(*bound, message);
      } else {
        error(map, message);
      }
    }
    const auto& hold_source = step_hold ? step_hold : (hold_given ? std::nullopt : defaults.hold);
    warn_about_timing(step, fields, hold_source && !hold_source->has_value());
    out_.routine.steps.push_back(std::move(step));
  }

  // Valid timing that would surprise whoever wrote it.
  void warn_about_timing(const Step& step, const std::vector<Entry>& fields, bool until_done) {
    const auto written = [&](std::string_view key) -> const Entry* {
      const auto found =
          std::find_if(fields.begin(), fields.end(), [&](const Entry& e) { return e.key == key; });
      return found == fields.end() ? nullptr : &*found;
    };
    if (until_done) {
      for (const std::string_view key :
           {"sides", "reps", "rest", "switch", "prepare", "alternate", "side-label", "min-hold", "max-hold"})
        if (const Entry* entry = written(key))
          warn(entry->key_node,
               fmt::format("`{}` does nothing on an until-done step, which is ticked off, not timed", key));
      return;
    }
    if (const Entry* entry = written("setup"); entry && step.hold) warn_about_reading_time(step, *entry);
    if (const Entry* entry = written("min-hold");
        entry && step.min_hold && step.hold && *step.min_hold > *step.hold)
      warn(entry->value,
           fmt::format("`min-hold` ({}) is longer than the hold ({}), so --fit can only lengthen it",
                       format_duration(*step.min_hold), format_duration(*step.hold)));
    if (const Entry* entry = written("side-label"); entry && step.sides == std::vector{Side::none})
      warn(entry->key_node, "`side-label` says what a side means, and this step has no `sides`");
    if (const Entry* entry = written("sides")) {
      for (std::size_t i = 1; i < step.sides.size(); ++i) {
        if (step.sides[i] == step.sides[i - 1] && step.sides[i] != Side::none) {
          warn(entry->value, fmt::format("`sides` has {0} twice in a row, so a switch from {0} to {0}; "
                                         "`reps` gives several holds on one side",
                                         to_string(step.sides[i])));
          break;
        }
      }
    }
    if (const Entry* entry = written("alternate");
        entry && step.alternate && step.reps > 1 && step.sides.size() > 1 && step.rest == Seconds(0))
      warn(entry->key_node,
           "with `alternate` and no `rest`, each new rep starts on the first side at once, "
           "with no time to change sides; give `rest` some time");
  }

  // A setup is on screen before the hold and for the first seconds of it: in
  // that time a person on the floor must be able to read it.
  void warn_about_reading_time(const Step& step, const Entry& setup) {
    std::size_t words = 0;
    for (const std::string& line : step.setup) words += count_words(line);
    Seconds before = step.prepare;
    if (step.sides.size() > 1) before = std::min(before, step.switch_time);
    const Seconds shown = before + setup_time_in_hold(*step.hold);
    // Compared as doubles: a time from a file that refused to parse may be anything.
    if (static_cast<double>(words) <= kReadingWordsPerSecond * static_cast<double>(shown.count())) return;
    warn(setup.key_node,
         fmt::format(
             "`setup` has {} words, more than can be read in the {} it is on screen (about {:.0f} words "
             "a second); shorten it, or give {} more time",
             words, format_duration(shown), kReadingWordsPerSecond,
             step.sides.size() > 1 && step.switch_time < step.prepare ? "`switch`" : "`prepare`"));
  }

  static std::size_t count_words(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : text) {
      const bool space = c == ' ' || c == '\t' || c == '\n';
      if (!space && !in_word) ++words;
      in_word = !space;
    }
    return words;
  }

  // `figure: NAME`, or `figure: {left: NAME, right: NAME}`: one per side.
  void figure(const Entry& entry, StepFigure& figure) {
    const auto name_at = [&](NodeId value, NodeId key_node, std::string& name, Side side) {
      auto text = text_of(value, key_node, Label{"figure"}, true);
      if (!text) return;
      if (!is_valid_routine_name(*text)) {
        error(value,
              fmt::format("`figure` must name a figure (lowercase letters, digits and dashes), not `{}`",
                          *text));
        return;
      }
      name = std::move(*text);
      out_.figures.push_back({out_.routine.steps.size(), name, side, position(tree_.mark(value))});
    };
    const Kind kind = tree_.kind(entry.value);
    if (kind != Kind::map) {
      name_at(entry.value, entry.key_node, figure.name, Side::none);
      return;
    }
    static const std::vector<std::string> kSides = {"left", "right"};
    if (tree_.children(entry.value).empty())
      error(entry.value, "`figure` names a figure, or one for `left:` and one for `right:`");
    for (const Entry& side : entries(entry.value, kSides, [](std::string_view key) {
           return fmt::format(
               "`figure` names one figure, or one per side with `left:` and `right:`, not `{}`", key);
         }))
      name_at(side.value, side.key_node, side.key == "left" ? figure.left : figure.right,
              side.key == "left" ? Side::left : Side::right);
  }

  void read_use_step(NodeId map) {
    Step step;
    const auto fields = entries(map, kUseStepKeys, [](std::string_view key) {
      if (std::find(kStepKeys.begin(), kStepKeys.end(), key) != kStepKeys.end())
        return fmt::format(
            "`{}` is not allowed in a `use` step, which takes only hold, reps, rest, "
            "switch and prepare",
            key);
      return unknown_key_message(key, kUseStepKeys, "a `use` step's");
    });
    TimingOverrides& overrides = step.overrides;
    for (const Entry& entry : fields) {
      const Label label{entry.key};
      if (entry.key == "use") {
        if (auto name = text(entry, label, true)) {
          if (is_valid_routine_name(*name)) {
            step.use = std::move(*name);
            out_.uses.push_back({out_.routine.steps.size(), position(tree_.mark(entry.value))});
          } else {
            error(entry, fmt::format("`use` must name a routine (lowercase letters, digits and "
                                     "dashes), not `{}`",
                                     *name));
          }
        }
      } else if (entry.key == "hold") {
        if (auto value = hold(entry, label, false)) overrides.hold = *value;
      } else if (entry.key == "reps") {
        overrides.reps = reps(entry);
      } else if (auto value = duration(entry, label, false)) {
        if (entry.key == "rest") overrides.rest = value;
        if (entry.key == "switch") overrides.switch_time = value;
        if (entry.key == "prepare") overrides.prepare = value;
      }
    }
    out_.routine.steps.push_back(std::move(step));
  }

  const SourceText& source_;
  const YamlTree& tree_;
  ReadRoutine& out_;
  std::size_t errors_ = 0;
};

}  // namespace

ReadRoutine read_routine(const SourceText& source, const YamlTree& tree) {
  ReadRoutine out;
  Reader(source, tree, out).read();
  sort_by_position(out.diagnostics);
  return out;
}

}  // namespace psoas
