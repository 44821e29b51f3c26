#include "history/import.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "base/printable.hpp"
#include "base/utf8.hpp"
#include "history/store.hpp"
#include "load/source.hpp"
#include "model/routine.hpp"

namespace psoas {
namespace {

using JsonValue = nlohmann::json;

constexpr std::size_t kMaxProblems = 100;

// Where each session of the array begins, and where each of its keys is:
// nlohmann-json gives values, not places, so the text is walked once more.
struct ObjectPlaces {
  std::size_t start = 0;
  std::map<std::string, std::size_t, std::less<>> keys;
};

// Those of the objects in text[from, to), which begins `depth` deep.
std::vector<ObjectPlaces> places_of_objects(std::string_view text, std::size_t from = 0,
                                            std::size_t to = std::string_view::npos, int depth = 0) {
  std::vector<ObjectPlaces> objects;
  text = text.substr(0, to);
  for (std::size_t i = from; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      const std::size_t start = i;
      std::string key;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
        if (i < text.size()) key += text[i];
      }
      // A string at depth 2 followed by a colon is a key of a session.
      std::size_t after = i + 1;
      while (after < text.size() &&
             (text[after] == ' ' || text[after] == '\n' || text[after] == '\r' || text[after] == '\t'))
        ++after;
      if (depth == 2 && !objects.empty() && after < text.size() && text[after] == ':')
        objects.back().keys.emplace(std::move(key), start);
    } else if (c == '{' || c == '[') {
      if (++depth == 2 && c == '{') objects.push_back({i, {}});
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return objects;
}

// Where each element of the array that valid JSON `text` holds begins and
// ends, white space around it included; none for an empty array.
std::vector<std::pair<std::size_t, std::size_t>> array_elements(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == '{' || c == '[') {
      if (++depth == 1) start = i + 1;
    } else if (c == '}' || c == ']' || (c == ',' && depth == 1)) {
      if (depth == 1) spans.emplace_back(start, i);
      if (c == ',')
        start = i + 1;
      else
        --depth;
    }
  }
  const auto blank = [&](std::pair<std::size_t, std::size_t> span) {
    return text.substr(span.first, span.second - span.first).find_first_not_of(" \t\r\n") ==
           std::string_view::npos;
  };
  if (spans.size() == 1 && blank(spans.front())) spans.clear();
  return spans;
}

struct JsonFault {
  std::size_t offset;
  std::string message;
};

// The first place where `text` stops being JSON, found without building it. A
// number too large for a double is an out_of_range, which carries no place:
// the parser's place is just after that number.
std::optional<JsonFault> json_fault(std::string_view text) {
  struct FaultFinder final : nlohmann::json_sax<JsonValue> {
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception& error) override {
      if (error.id == 406) {
        fault = {position - std::min(position, last_token.size()),
                 fmt::format("the number {} is too large", escape_line(last_token))};
      } else {
        // "[json.exception.parse_error.101] parse error at line 3, column 5: MESSAGE": the place is ours to
        // say.
        const std::string what = error.what();
        const std::size_t after_place = what.find(": ", what.find("column"));
        fault = {position > 0 ? position - 1 : 0,
                 escape_line(after_place == std::string::npos ? what : what.substr(after_place + 2))};
      }
      return false;
    }
    std::optional<JsonFault> fault;
  } finder;
  JsonValue::sax_parse(text, &finder);
  return finder.fault;
}

// One session of the file, read field by field; each problem is noted at the
// place of its key, or of the session when the key is missing.
class SessionReader {
 public:
  SessionReader(const SourceText& source, const JsonValue& json, const ObjectPlaces* places,
                std::size_t number, std::int64_t now_unix_ms, std::vector<Diagnostic>& problems)
      : source_(source),
        json_(json),
        places_(places),
        number_(number),
        now_unix_ms_(now_unix_ms),
        problems_(problems) {}

  std::optional<Session> read() {
    if (!json_.is_object()) {
      problem({}, "must be an object, as `psoas log --json` writes each session");
      return std::nullopt;
    }
    const auto format = json_.find("log_format");
    if (format == json_.end() || !format->is_number_integer()) {
      problem("log_format", "has no `log_format`: this is not what `psoas log --json` writes");
      return std::nullopt;
    }
    if (format->get<std::int64_t>() != kSessionLogFormat) {
      problem("log_format", fmt::format("has `log_format` {}, and this psoas reads {} only; "
                                        "a newer psoas wrote it",
                                        format->dump(), kSessionLogFormat));
      return std::nullopt;
    }
    Session s;
    s.uuid = text("id");
    if (!s.uuid.empty() && !is_uuid(s.uuid))
      problem("id", fmt::format("`id` must be a session id such as 27066b60-a769-47cf-9f08-66c2140a8e65, "
                                "not {}",
                                escape_line(json_["id"].dump())));
    s.routine = text("routine");
    if (!s.routine.empty() && !is_valid_routine_name(s.routine))
      problem("routine", "`routine` must be a routine name: lowercase letters, digits and dashes");
    s.title = text("title");
    s.content_hash = text("content_hash", true);
    s.started = time("started");
    s.ended = time("ended");
    if (s.ended.unix_ms < s.started.unix_ms) problem("ended", "`ended` is before `started`");
    s.planned = seconds("planned_seconds");
    s.planned_hold = seconds("planned_hold_seconds");
    // Added to the format after its first files were written: defaults when absent.
    const bool reached_known = json_.contains("reached_hold_seconds");
    s.reached_hold = reached_known ? seconds("reached_hold_seconds") : Millis(0);
    s.active = seconds("active_seconds");
    s.paused = seconds("paused_seconds");
    s.segments_completed = count("segments_completed");
    s.segments_skipped = count("segments_skipped");
    s.holds = count("holds");
    s.holds_skipped = count("holds_skipped");
    s.held_left = seconds("held_left_seconds");
    s.held_right = seconds("held_right_seconds");
    s.held_unsided = seconds("held_unsided_seconds");
    const std::string outcome = text("outcome");
    if (const auto parsed = session_outcome_from(outcome)) {
      s.outcome = *parsed;
    } else if (!outcome.empty()) {
      problem("outcome", "`outcome` must be finished, partial, quit or interrupted");
    }
    s.stopped_at_step = optional_count("stopped_at_step", 1, kMostCounted);
    s.stopped_at_segment = optional_count("stopped_at_segment", 0, kMostCounted);
    s.stopped_hold = json_.contains("stopped_hold_seconds") ? seconds("stopped_hold_seconds") : Millis(0);
    s.resumed = count("resumed");
    if (const auto hold = optional_count("hold_override_seconds", 1, 86'400)) s.timing.hold = Seconds(*hold);
    s.timing.reps = optional_count("reps_override", 1, 100);
    if (const auto fit = optional_count("fit_seconds", 1, 86'400)) s.timing.fit = Seconds(*fit);
    s.timing.from_step = optional_count("from_step", 1, kMostCounted);
    s.speed = json_.contains("speed") ? speed() : 1.0;
    // The plan it followed: optional, since older psoas wrote no such fields.
    if (const auto plan = json_.find("plan"); plan != json_.end() && !plan->is_null()) {
      if (plan->is_string() && is_valid_routine_name(plan->get_ref<const std::string&>())) {
        s.plan = plan->get<std::string>();
        s.plan_week = optional_count("plan_week", 1, kMostCounted);
      } else {
        problem("plan",
                fmt::format("`plan` must be a plan's name or null, not {}", escape_line(plan->dump())));
      }
    }
    if (const auto side = json_.find("favoured_side"); side != json_.end() && !side->is_null()) {
      if (*side == "left") {
        s.timing.favoured = Side::left;
      } else if (*side == "right") {
        s.timing.favoured = Side::right;
      } else {
        problem("favoured_side", fmt::format("`favoured_side` must be left, right or null, not {}",
                                             escape_line(side->dump())));
      }
    }
    if (!reached_known)
      s.reached_hold = s.reached_end() ? s.planned_hold : std::min(s.held(), s.planned_hold);
    s.ratings.left = optional_count("tightness_left", 0, 10);
    s.ratings.right = optional_count("tightness_right", 0, 10);
    s.ratings.overall = optional_count("tightness_overall", 0, 10);
    if (!failed_) check_consistency(s);
    if (!missing_.empty())
      problem({},
              fmt::format("{} {} missing", fmt::join(missing_, ", "), missing_.size() == 1 ? "is" : "are"));
    if (failed_) return std::nullopt;
    return s;
  }

 private:
  // Figures that cannot all be true of one run: an edited or damaged file.
  void check_consistency(const Session& s) {
    // A minute's leeway for a clock set a little differently on the other machine.
    if (s.started.unix_ms > now_unix_ms_ + 60'000)
      problem("started", fmt::format("`started` is in the future ({})", to_iso8601(s.started)));
    // A rehearsal's active time is routine time, on a clock `speed` times faster; a second's leeway
    // for rounding to milliseconds in the file.
    const double span = static_cast<double>(s.ended.unix_ms - s.started.unix_ms) / 1000.0;
    const double taken = std::chrono::duration<double>(s.active).count() / s.speed +
                         std::chrono::duration<double>(s.paused).count();
    if (taken > span + 1.0)
      problem("active_seconds",
              fmt::format("`active_seconds` and `paused_seconds` come to {:.1f} s{}, more than the {:.1f} s "
                          "from `started` to `ended`",
                          taken, s.speed == 1.0 ? "" : fmt::format(" at speed {}", s.speed), span));
    if (s.held() > s.active + Millis(1000))
      problem("held_left_seconds",
              fmt::format("the sides were held {:.1f} s in all, more than the {:.1f} s the run was active",
                          std::chrono::duration<double>(s.held()).count(),
                          std::chrono::duration<double>(s.active).count()));
  }

  void problem(std::string_view key, std::string message) {
    failed_ = true;
    if (problems_.size() > kMaxProblems) return;
    if (problems_.size() == kMaxProblems)
      message = fmt::format("too many problems; stopping after {}", kMaxProblems);
    std::size_t offset = places_ ? places_->start : 0;
    if (places_)
      if (const auto found = places_->keys.find(key); found != places_->keys.end()) offset = found->second;
    problems_.push_back({source_.file, source_.position_at(offset), Severity::error,
                         fmt::format("session {}: {}", number_, message)});
  }

  const JsonValue* field(std::string_view key) {
    const auto found = json_.find(std::string(key));
    if (found == json_.end()) {
      missing_.push_back(fmt::format("`{}`", key));
      failed_ = true;
      return nullptr;
    }
    return &*found;
  }

  std::string text(std::string_view key, bool empty_allowed = false) {
    const JsonValue* value = field(key);
    if (!value) return {};
    if (!value->is_string() || (!empty_allowed && value->get_ref<const std::string&>().empty())) {
      problem(key, fmt::format("`{}` must be text, not {}", key, escape_line(value->dump())));
      return {};
    }
    const std::string& string = value->get_ref<const std::string&>();
    if (find_control_character(string)) {
      problem(key, fmt::format("`{}` contains a control character", key));
      return {};
    }
    return string;
  }

  WallTime time(std::string_view key) {
    const JsonValue* value = field(key);
    if (!value) return {};
    const auto parsed =
        value->is_string() ? parse_iso8601(value->get_ref<const std::string&>()) : std::nullopt;
    if (!parsed) {
      problem(key, fmt::format("`{}` must be a time such as 2026-11-21T07:30:00.000+01:00, not {}", key,
                               escape_line(value->dump())));
      return {};
    }
    if (parsed->unix_ms < 0 || parsed->unix_ms > kLatestSessionMs) {
      problem(key,
              fmt::format("`{}` must be a time from 1970 to 9999, not {}", key, escape_line(value->dump())));
      return {};
    }
    return *parsed;
  }

  Millis seconds(std::string_view key) {
    const JsonValue* value = field(key);
    if (!value) return Millis(0);
    const double limit = std::chrono::duration<double>(kLongestSession).count();
    if (!value->is_number() || !std::isfinite(value->get<double>()) || value->get<double>() < 0 ||
        value->get<double>() > limit) {
      problem(key, fmt::format("`{}` must be a number of seconds from 0 to {:.0f}, not {}", key, limit,
                               escape_line(value->dump())));
      return Millis(0);
    }
    return Millis(std::llround(value->get<double>() * 1000));
  }

  double speed() {
    const JsonValue* value = field("speed");
    if (!value) return 1;
    if (!value->is_number() || value->get<double>() < 0.01 || value->get<double>() > 1000) {
      problem("speed",
              fmt::format("`speed` must be a number from 0.01 to 1000, not {}", escape_line(value->dump())));
      return 1;
    }
    return value->get<double>();
  }

  int count(std::string_view key) {
    const JsonValue* value = field(key);
    if (!value) return 0;
    if (!value->is_number_integer() || value->get<std::int64_t>() < 0 ||
        value->get<std::int64_t>() > kMostCounted) {
      problem(key, fmt::format("`{}` must be a whole number from 0 to {}, not {}", key, kMostCounted,
                               escape_line(value->dump())));
      return 0;
    }
    return static_cast<int>(value->get<std::int64_t>());
  }

  std::optional<int> optional_count(std::string_view key, std::int64_t low, std::int64_t high) {
    const auto found = json_.find(std::string(key));
    if (found == json_.end() || found->is_null()) return std::nullopt;
    if (!found->is_number_integer() || found->get<std::int64_t>() < low ||
        found->get<std::int64_t>() > high) {
      problem(key, fmt::format("`{}` must be null or a whole number from {} to {}, not {}", key, low, high,
                               escape_line(found->dump())));
      return std::nullopt;
    }
    return static_cast<int>(found->get<std::int64_t>());
  }

  const SourceText& source_;
  const JsonValue& json_;
  const ObjectPlaces* places_;
  std::size_t number_;
  std::int64_t now_unix_ms_;
  std::vector<Diagnostic>& problems_;
  std::vector<std::string> missing_;
  bool failed_ = false;
};

}  // namespace

std::variant<std::vector<Session>, std::vector<Diagnostic>> read_session_log(const std::string& file,
                                                                             std::string_view text,
                                                                             std::int64_t now_unix_ms) {
  // A byte order mark, as an editor on Windows may add: UTF-8 needs none.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const SourceText source{file, std::string(text)};
  const auto fail = [&](std::size_t offset, std::string message) {
    return std::vector<Diagnostic>{{file, source.position_at(offset), Severity::error, std::move(message)}};
  };
  if (!is_valid_utf8(text)) {
    std::size_t bad = 0;
    while (bad < text.size() && utf8_sequence_length(text, bad) > 0) bad += utf8_sequence_length(text, bad);
    return fail(bad, "invalid UTF-8; `psoas log --json` writes UTF-8");
  }
  // Checked whole without being built: only one session at a time is held as
  // JSON, since 100,000 of them took 1 GB.
  if (const auto fault = json_fault(text)) return fail(fault->offset, "not JSON: " + fault->message);
  JsonValue json;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] != '[')
    return fail(0, "not what `psoas log --json` writes: that is a list of sessions in [ ]");
  const auto spans = array_elements(text);
  const auto element_text = [&](std::size_t i) {
    return text.substr(spans[i].first, spans[i].second - spans[i].first);
  };
  // An element that is not an object throws off which object's places are
  // whose: such a file (refused anyway) is read whole, as it always was.
  const bool all_objects = std::all_of(spans.begin(), spans.end(), [&](const auto& span) {
    const std::string_view element = text.substr(span.first, span.second - span.first);
    return element[element.find_first_not_of(" \t\r\n")] == '{';
  });
  std::vector<ObjectPlaces> places;
  if (!all_objects) {
    json = JsonValue::parse(text);
    places = places_of_objects(text);
  }
  std::vector<Session> sessions;
  sessions.reserve(spans.size());
  std::vector<Diagnostic> problems;
  std::map<std::string, std::size_t> first_of_id;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    std::vector<ObjectPlaces> own_places;
    JsonValue own;
    if (all_objects) {
      own = JsonValue::parse(element_text(i));
      own_places = places_of_objects(text, spans[i].first, spans[i].second, 1);
    }
    const JsonValue& element = all_objects ? own : json[i];
    const ObjectPlaces* place = all_objects ? (own_places.empty() ? nullptr : &own_places.front())
                                            : (i < places.size() ? &places[i] : nullptr);
    SessionReader reader(source, element, place, i + 1, now_unix_ms, problems);
    auto session = reader.read();
    if (!session) continue;
    if (session->uuid.empty()) {
      problems.push_back({file, source.position_at(place ? place->start : 0), Severity::error,
                          fmt::format("session {}: `id` is null: an older psoas wrote it; it cannot be told "
                                      "apart from the sessions already here",
                                      i + 1)});
      continue;
    }
    if (const auto [first_session, fresh] = first_of_id.emplace(session->uuid, i + 1); !fresh) {
      problems.push_back(
          {file, source.position_at(place ? place->start : 0), Severity::error,
           fmt::format("session {} has the same id as session {}", i + 1, first_session->second)});
      continue;
    }
    sessions.push_back(std::move(*session));
  }
  if (!problems.empty()) {
    sort_by_position(problems);
    return problems;
  }
  return sessions;
}

}  // namespace psoas
