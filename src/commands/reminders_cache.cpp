#include "commands/reminders_cache.hpp"

#include <nlohmann/json.hpp>

#include "base/files.hpp"
#include "commands/programs.hpp"

namespace psoas {
namespace {

using Json = nlohmann::json;

Json stamp_json(const FileStamp& stamp) {
  return Json::array({stamp.size, stamp.mtime, stamp.ctime, stamp.inode});
}

}  // namespace

std::optional<std::vector<Reminder>> cached_reminders(const std::filesystem::path& cache_file,
                                                      const std::filesystem::path& reminders_file) {
  ReadProblem problem;
  const auto text = read_regular_file(cache_file, 1 << 20, problem);
  if (!text) return std::nullopt;
  try {
    const Json json = Json::parse(*text);
    if (json.at("binary") != binary_identity() || json.at("file") != reminders_file.string() ||
        json.at("stamp") != stamp_json(file_stamp(reminders_file)))
      return std::nullopt;
    std::vector<Reminder> reminders;
    for (const Json& item : json.at("reminders")) {
      Reminder reminder;
      reminder.id = item.at("id");
      reminder.routine = item.at("routine");
      reminder.at = item.at("at").get<std::vector<MinuteOfDay>>();
      if (!item.at("every").is_null()) reminder.every = Seconds(item.at("every").get<std::int64_t>());
      reminder.window_start = item.at("between").at(0);
      reminder.window_end = item.at("between").at(1);
      reminder.days = item.at("days");
      reminder.waker = item.at("wake") == "cron" ? Waker::cron : Waker::systemd;
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
  Json list = Json::array();
  for (const Reminder& reminder : reminders)
    list.push_back({{"id", reminder.id},
                    {"routine", reminder.routine},
                    {"at", reminder.at},
                    {"every", reminder.every ? Json(reminder.every->count()) : Json(nullptr)},
                    {"between", {reminder.window_start, reminder.window_end}},
                    {"days", reminder.days},
                    {"wake", reminder.waker == Waker::cron ? "cron" : "systemd"}});
  try {
    replace_file(cache_file, Json{{"binary", binary_identity()},
                                  {"file", reminders_file.string()},
                                  {"stamp", stamp_json(stamp)},
                                  {"reminders", list}}
                                 .dump(-1, ' ', false, Json::error_handler_t::replace));
  } catch (const std::exception&) {
    // A cache that cannot be written is only a slower prompt next time.
  }
}

}  // namespace psoas
