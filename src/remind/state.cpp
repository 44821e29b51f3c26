#include "remind/state.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <thread>

#include <nlohmann/json.hpp>

#include "base/files.hpp"

namespace psoas {
namespace {

using JsonValue = nlohmann::json;

constexpr std::size_t kMaxStateBytes = 1 << 20;

JsonValue optional_number(const std::optional<std::int64_t>& value) {
  return value ? JsonValue(*value) : JsonValue(nullptr);
}

std::optional<std::int64_t> number_at(const JsonValue& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || !found->is_number_integer()) return std::nullopt;
  return found->get<std::int64_t>();
}

}  // namespace

std::string remind_state_json(const RemindState& state) {
  JsonValue reminders = JsonValue::object();
  for (const auto& [id, r] : state.reminders)
    reminders[id] = JsonValue{{"last_nudge_ms", optional_number(r.last_nudge_ms)},
                              {"last_slot_ms", optional_number(r.last_slot_ms)},
                              {"snoozed_until_ms", optional_number(r.snoozed_until_ms)},
                              {"skipped_day", optional_number(r.skipped_day)},
                              {"unshown", r.unshown}};
  return JsonValue{{"state_format", 1},
                   {"paused_until_ms", optional_number(state.paused_until_ms)},
                   {"reminders", reminders}}
             .dump(2) +
         "\n";
}

std::optional<RemindState> parse_remind_state(std::string_view text) {
  const JsonValue json = JsonValue::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object() || json.value("state_format", 0) != 1) return std::nullopt;
  RemindState state;
  state.paused_until_ms = number_at(json, "paused_until_ms");
  const auto reminders = json.find("reminders");
  if (reminders == json.end() || !reminders->is_object()) return state;
  for (const auto& [id, r] : reminders->items()) {
    if (!r.is_object()) continue;
    ReminderState one;
    one.last_nudge_ms = number_at(r, "last_nudge_ms");
    one.last_slot_ms = number_at(r, "last_slot_ms");
    one.snoozed_until_ms = number_at(r, "snoozed_until_ms");
    one.skipped_day = number_at(r, "skipped_day");
    const auto unshown = r.find("unshown");
    one.unshown = unshown != r.end() && unshown->is_boolean() && unshown->get<bool>();
    state.reminders.emplace(id, one);
  }
  return state;
}

RemindState read_remind_state(const std::filesystem::path& file, std::string& problem) {
  if (path_kind(file) == PathKind::missing) return {};
  ReadProblem read_problem;
  const auto text = read_regular_file(file, kMaxStateBytes, read_problem);
  if (!text) {
    problem = file.string() + ": " + read_problem.message;
    return {};
  }
  auto state = parse_remind_state(*text);
  if (!state) {
    problem = file.string() + ": not what psoas writes there; starting afresh";
    return {};
  }
  return std::move(*state);
}

void write_remind_state(const std::filesystem::path& file, const RemindState& state) {
  std::error_code ignored;
  std::filesystem::create_directories(file.parent_path(), ignored);
  if (path_kind(file) == PathKind::missing) {
    create_file(file, remind_state_json(state));
  } else {
    replace_file(file, remind_state_json(state));
  }
}

StateLock::StateLock(const std::filesystem::path& file, std::chrono::milliseconds patience) {
  std::error_code ignored;
  std::filesystem::create_directories(file.parent_path(), ignored);
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
  if (fd_ < 0) return;
  const auto deadline = std::chrono::steady_clock::now() + patience;
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if ((errno != EWOULDBLOCK && errno != EINTR) || std::chrono::steady_clock::now() >= deadline) {
      ::close(fd_);
      fd_ = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

StateLock::~StateLock() {
  release();
}

void StateLock::release() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

}  // namespace psoas
