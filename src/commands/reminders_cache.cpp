#include "commands/reminders_cache.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "base/files.hpp"
#include "commands/programs.hpp"
#include "model/routine.hpp"
#include "remind/reminders_file.hpp"
#include "remind/schedule.hpp"

namespace psoas {
namespace {

using JsonValue = nlohmann::json;

JsonValue stamp_json(const FileStamp& stamp) {
  return JsonValue::array({stamp.size, stamp.mtime, stamp.ctime, stamp.inode});
}

// A whole number as the cache writes one; anything else (1.5, true, "3")
// means the cache was edited by hand, and is damaged.
std::int64_t integer(const JsonValue& value) {
  if (!value.is_number_integer()) throw std::invalid_argument("not a whole number");
  return value.get<std::int64_t>();
}

FileStamp stamp_of(const JsonValue& stamp) {
  if (!stamp.is_array() || stamp.size() != 4) throw std::invalid_argument("not a stamp");
  return {integer(stamp[0]), integer(stamp[1]), integer(stamp[2]), integer(stamp[3])};
}

// A hand-edited cache is damaged unless each reminder is one that reading
// reminders.yaml could give: the invariants model/reminder.hpp states, and
// the interval reminders.yaml allows.
bool could_be_read(const Reminder& r) {
  const bool times_in_order =
      std::adjacent_find(r.at.begin(), r.at.end(), std::greater_equal<>()) == r.at.end();
  const bool times_in_day =
      std::all_of(r.at.begin(), r.at.end(), [](MinuteOfDay m) { return m >= 0 && m < kMinutesPerDay; });
  const bool one_kind =
      r.every ? r.at.empty() && *r.every >= kShortestInterval && *r.every <= kLongestInterval : !r.at.empty();
  return is_valid_reminder_id(r.id) && is_valid_routine_name(r.routine) && times_in_order && times_in_day &&
         one_kind && r.window_start >= 0 && r.window_start < r.window_end && r.window_end <= kMinutesPerDay &&
         r.days > 0 && r.days <= kEveryDay;
}

Reminder reminder_of(const JsonValue& item) {
  Reminder reminder;
  reminder.id = item.at("id");
  reminder.routine = item.at("routine");
  for (const JsonValue& minute : item.at("at"))
    reminder.at.push_back(static_cast<MinuteOfDay>(integer(minute)));
  if (!item.at("every").is_null()) reminder.every = Seconds(integer(item.at("every")));
  const JsonValue& between = item.at("between");
  if (!between.is_array() || between.size() != 2) throw std::invalid_argument("not a window");
  reminder.window_start = static_cast<MinuteOfDay>(integer(between[0]));
  reminder.window_end = static_cast<MinuteOfDay>(integer(between[1]));
  reminder.days = static_cast<WeekDays>(std::clamp<std::int64_t>(integer(item.at("days")), 0, 0xFF));
  const std::string wake = item.at("wake");
  if (wake != "cron" && wake != "systemd") throw std::invalid_argument("not a waker");
  reminder.waker = wake == "cron" ? Waker::cron : Waker::systemd;
  return reminder;
}

}  // namespace

std::optional<std::vector<Reminder>> cached_reminders(const std::filesystem::path& cache_file,
                                                      const std::filesystem::path& reminders_file) {
  ReadProblem problem;
  const auto text = read_regular_file(cache_file, 1 << 20, problem);
  if (!text) return std::nullopt;
  try {
    const JsonValue json = JsonValue::parse(*text);
    if (json.at("binary") != binary_identity() || json.at("file") != reminders_file.string() ||
        stamp_of(json.at("stamp")) != file_stamp(reminders_file) || !json.at("reminders").is_array())
      return std::nullopt;
    std::vector<Reminder> reminders;
    for (const JsonValue& item : json.at("reminders")) {
      Reminder reminder = reminder_of(item);
      const bool id_taken = std::any_of(reminders.begin(), reminders.end(),
                                        [&](const Reminder& other) { return other.id == reminder.id; });
      if (!could_be_read(reminder) || id_taken) return std::nullopt;
      reminders.push_back(std::move(reminder));
    }
    return reminders;
  } catch (const std::exception&) {
    return std::nullopt;  // damaged: the file is read again
  }
}

void cache_reminders(const std::filesystem::path& cache_file, const std::filesystem::path& reminders_file,
                     const FileStamp& stamp, const std::vector<Reminder>& reminders, std::int64_t now_ns) {
  if (!stamp_settled(stamp, now_ns)) return;
  JsonValue list = JsonValue::array();
  for (const Reminder& reminder : reminders)
    list.push_back({{"id", reminder.id},
                    {"routine", reminder.routine},
                    {"at", reminder.at},
                    {"every", reminder.every ? JsonValue(reminder.every->count()) : JsonValue(nullptr)},
                    {"between", {reminder.window_start, reminder.window_end}},
                    {"days", reminder.days},
                    {"wake", reminder.waker == Waker::cron ? "cron" : "systemd"}});
  try {
    replace_file(cache_file,
                 JsonValue{{"binary", binary_identity()},
                           {"file", reminders_file.string()},
                           {"stamp", stamp_json(stamp)},
                           {"reminders", list}}
                     .dump(-1, ' ', false, JsonValue::error_handler_t::replace),
                 Link::replaced, Sync::skipped);  // rebuilt when damaged
  } catch (const std::exception&) {
    // A cache that cannot be written is only a slower prompt next time.
  }
}

}  // namespace psoas
