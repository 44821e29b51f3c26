#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/files.hpp"
#include "load/search_path.hpp"
#include "model/routine.hpp"
#include "plan/timeline.hpp"

namespace psoas {

// What `psoas list` shows of a valid routine, once worked out.
struct RoutineSummary {
  std::string title;
  Seconds total{0};
  bool untimed = false;
  std::size_t steps = 0;
  std::vector<std::string> tags;
  std::string often;

  static RoutineSummary of(const Routine& routine, const Timeline& timeline);
  friend bool operator==(const RoutineSummary&, const RoutineSummary&) = default;
};

// `psoas list` reads every routine file, and parsing YAML is most of its
// time. The summaries are kept in a small JSON file under $XDG_CACHE_HOME,
// each with what it depends on: the routine's file, and the file each of its
// `use` steps (followed all the way down) resolves to on the search path now.
// A summary is used only while every one of those files is the same file,
// unchanged (size, mtime, ctime, inode), and the same psoas binary wrote it;
// files changed within a second of `now_ns` are not kept (stamp_settled()).
// The cache only ever saves time: a missing, stale or damaged one is rebuilt.
class ListCache {
 public:
  ListCache(std::optional<std::filesystem::path> file, const SearchPath& search_path, std::int64_t now_ns);

  [[nodiscard]] std::optional<RoutineSummary> find(const std::filesystem::path& routine_file) const;
  // Whether the file was a plan, unchanged since: list skips it without reading it.
  [[nodiscard]] bool known_plan(const std::filesystem::path& file) const;

  struct Dependency {
    std::string use;  // the name a `use` step gives
    std::string file;
    FileStamp stamp;
  };
  struct Entry {
    FileStamp stamp;
    std::vector<Dependency> dependencies;
    RoutineSummary summary;
    bool plan = false;  // a plan in the routines folder: no summary
  };
  // What would be kept of a routine just loaded, or nothing when its file, or
  // one it uses, changed too recently to be trusted. Safe from any thread.
  [[nodiscard]] std::optional<Entry> entry_for(const std::filesystem::path& routine_file,
                                               const Routine& routine, const RoutineSummary& summary) const;
  void store(const std::filesystem::path& routine_file, Entry entry);
  void store_plan(const std::filesystem::path& file);
  // Writes the cache back, if anything changed; quietly does nothing if it cannot.
  void save() const;

 private:
  [[nodiscard]] bool fresh(const std::string& file, const Entry& entry) const;

  std::optional<std::filesystem::path> file_;
  const SearchPath& search_path_;
  std::int64_t now_ns_;
  std::string binary_;  // which psoas wrote the cache
  std::map<std::string, Entry> entries_;
  bool changed_ = false;
};

}  // namespace psoas
