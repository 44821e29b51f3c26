#include "commands/list_cache.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/files.hpp"
#include "base/printable.hpp"
#include "commands/programs.hpp"

namespace psoas {
namespace fs = std::filesystem;

namespace {

using JsonValue = nlohmann::json;

// Some hundred bytes a routine: room for many thousands.
constexpr std::size_t kMostListCacheBytes = std::size_t{64} << 20;

// Every routine a routine uses, down to the last, with the name it is used by.
void collect_used(const Routine& routine, std::vector<std::pair<std::string, const Routine*>>& used) {
  for (const Step& step : routine.steps) {
    if (!step.used) continue;
    const bool seen = std::any_of(used.begin(), used.end(), [&](const auto& known) {
      return known.first == step.use && known.second->file == step.used->file;
    });
    if (seen) continue;
    used.emplace_back(step.use, step.used.get());
    collect_used(*step.used, used);
  }
}

// What a routine file could give: a hand-edited cache must not put a negative
// time or a terminal's control sequence on the screen.
bool could_be_shown(const RoutineSummary& summary) {
  const auto printable = [](const std::string& text) {
    return !find_control_character(text) && text.find('\n') == std::string::npos;
  };
  return summary.total >= Seconds(0) && summary.steps > 0 && printable(summary.title) &&
         printable(summary.often) && std::all_of(summary.tags.begin(), summary.tags.end(), printable);
}

}  // namespace

RoutineSummary RoutineSummary::of(const Routine& routine, const Timeline& timeline) {
  return {.title = routine.title,
          .total = timeline.total,
          .untimed = timeline.has_checklist(),
          .steps = timeline.steps.size(),
          .tags = routine.tags,
          .often = routine.often};
}

ListCache::ListCache(std::optional<fs::path> file, const SearchPath& search_path, std::int64_t now_ns)
    : file_(std::move(file)), search_path_(search_path), now_ns_(now_ns), binary_(binary_identity()) {
  if (!file_) return;
  // Never a FIFO or a device, which could keep list waiting or reading forever.
  ReadProblem problem;
  const auto text = read_regular_file(*file_, kMostListCacheBytes, problem);
  if (!text) return;
  try {
    const JsonValue json = JsonValue::parse(*text);
    if (json.at("binary") != binary_) return;
    for (const auto& [routine_file, value] : json.at("routines").items()) {
      Entry entry;
      const auto stamp = [](const JsonValue& s) { return FileStamp{s.at(0), s.at(1), s.at(2), s.at(3)}; };
      entry.stamp = stamp(value.at("stamp"));
      for (const JsonValue& dependency : value.at("uses"))
        entry.dependencies.push_back(
            {dependency.at("use"), dependency.at("file"), stamp(dependency.at("stamp"))});
      if (value.contains("plan")) {
        entry.plan = value.at("plan");
        entries_.emplace(routine_file, std::move(entry));
        continue;
      }
      const JsonValue& summary = value.at("summary");
      const JsonValue& steps = summary.at("steps");
      if (!summary.at("total").is_number_integer() || !steps.is_number_unsigned())
        throw std::invalid_argument("not a count");
      entry.summary = {.title = summary.at("title"),
                       .total = Seconds(summary.at("total").get<std::int64_t>()),
                       .untimed = summary.at("untimed"),
                       .steps = steps,
                       .tags = summary.at("tags"),
                       .often = summary.at("often")};
      if (!could_be_shown(entry.summary)) throw std::invalid_argument("not a summary");
      entries_.emplace(routine_file, std::move(entry));
    }
  } catch (const std::exception&) {
    entries_.clear();  // damaged: it is rebuilt
  }
}

bool ListCache::fresh(const std::string& file, const Entry& entry) const {
  if (file_stamp(file) != entry.stamp) return false;
  for (const Dependency& dependency : entry.dependencies) {
    const auto found = search_path_.find(dependency.use);
    if (!found || found->file.string() != dependency.file || file_stamp(dependency.file) != dependency.stamp)
      return false;
  }
  return true;
}

std::optional<RoutineSummary> ListCache::find(const fs::path& routine_file) const {
  const auto entry = entries_.find(routine_file.string());
  if (entry == entries_.end() || entry->second.plan || !fresh(entry->first, entry->second))
    return std::nullopt;
  return entry->second.summary;
}

bool ListCache::known_plan(const fs::path& file) const {
  const auto entry = entries_.find(file.string());
  return entry != entries_.end() && entry->second.plan && fresh(entry->first, entry->second);
}

void ListCache::store_plan(const fs::path& file) {
  const FileStamp stamp = file_stamp(file);
  if (!stamp_settled(stamp, now_ns_)) return;
  entries_[file.string()] = Entry{.stamp = stamp, .dependencies = {}, .summary = {}, .plan = true};
  changed_ = true;
}

std::optional<ListCache::Entry> ListCache::entry_for(const fs::path& routine_file, const Routine& routine,
                                                     const RoutineSummary& summary) const {
  Entry entry{file_stamp(routine_file), {}, summary};
  if (!stamp_settled(entry.stamp, now_ns_)) return std::nullopt;
  std::vector<std::pair<std::string, const Routine*>> used;
  collect_used(routine, used);
  for (const auto& [name, used_routine] : used) {
    entry.dependencies.push_back({name, used_routine->file.string(), file_stamp(used_routine->file)});
    if (!stamp_settled(entry.dependencies.back().stamp, now_ns_)) return std::nullopt;
  }
  return entry;
}

void ListCache::store(const fs::path& routine_file, Entry entry) {
  entries_[routine_file.string()] = std::move(entry);
  changed_ = true;
}

void ListCache::save() const {
  if (!file_ || !changed_) return;
  JsonValue routines = JsonValue::object();
  for (const auto& [routine_file, entry] : entries_) {
    const auto stamp = [](const FileStamp& s) {
      return JsonValue::array({s.size, s.mtime, s.ctime, s.inode});
    };
    JsonValue uses = JsonValue::array();
    for (const Dependency& dependency : entry.dependencies)
      uses.push_back(
          {{"use", dependency.use}, {"file", dependency.file}, {"stamp", stamp(dependency.stamp)}});
    if (entry.plan) {
      routines[routine_file] = {{"stamp", stamp(entry.stamp)}, {"uses", uses}, {"plan", true}};
      continue;
    }
    const RoutineSummary& s = entry.summary;
    routines[routine_file] = {{"stamp", stamp(entry.stamp)},
                              {"uses", uses},
                              {"summary",
                               {{"title", s.title},
                                {"total", s.total.count()},
                                {"untimed", s.untimed},
                                {"steps", s.steps},
                                {"tags", s.tags},
                                {"often", s.often}}}};
  }
  try {
    replace_file(*file_,
                 JsonValue{{"binary", binary_}, {"routines", routines}}.dump(
                     -1, ' ', false, JsonValue::error_handler_t::replace),
                 Link::replaced, Sync::skipped);  // rebuilt when damaged
  } catch (const std::exception&) {
    // A cache that cannot be written is only a slower list next time.
  }
}

}  // namespace psoas
