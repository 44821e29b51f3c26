// The reminders cache must never give anything but what reading the file would.
#include "commands/reminders_cache.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <thread>

#include <doctest/doctest.h>

#include "remind/example_reminders.hpp"
#include "support/temp_dir.hpp"

using namespace psoas;
using psoas::testing::TempDir;
using namespace std::chrono_literals;

namespace {

// Every field set, one way or the other, in one of the two.
std::vector<Reminder> some_reminders() {
  Reminder at = psoas::testing::pigeon_at({10 * 60 + 30, 15 * 60}, 0x60);
  at.waker = Waker::cron;
  return {psoas::testing::every_50m_workdays(), at};
}

// A moment long after the file was last changed: its stamp has settled.
std::int64_t later(const FileStamp& stamp) {
  return std::max(stamp.mtime, stamp.ctime) + 60'000'000'000;
}

struct Files {
  TempDir home;
  std::filesystem::path cache = home.path() / "cache/psoas/reminders.json";
  std::filesystem::path reminders = home.write("config/psoas/reminders.yaml", "reminders: [...]\n");
};

}  // namespace

TEST_CASE("cached reminders come back as they were kept, every field") {
  Files f;
  CHECK_FALSE(cached_reminders(f.cache, f.reminders));  // nothing kept yet
  cache_reminders(f.cache, f.reminders, file_stamp(f.reminders), some_reminders(),
                  later(file_stamp(f.reminders)));
  const auto cached = cached_reminders(f.cache, f.reminders);
  REQUIRE(cached);
  CHECK(*cached == some_reminders());
}

TEST_CASE("cached reminders are not used once the file changes, is replaced, or is another file") {
  Files f;
  cache_reminders(f.cache, f.reminders, file_stamp(f.reminders), some_reminders(),
                  later(file_stamp(f.reminders)));
  REQUIRE(cached_reminders(f.cache, f.reminders));
  SUBCASE("written again in place, the same size") {
    std::this_thread::sleep_for(20ms);  // past the kernel's file clock tick (at most 10 ms)
    std::ofstream(f.reminders) << "reminders: [,,,]\n";
  }
  SUBCASE("replaced by another file") {
    f.home.write("config/psoas/new.yaml", "reminders: [...]\n");
    std::filesystem::rename(f.home.path() / "config/psoas/new.yaml", f.reminders);
  }
  SUBCASE("removed") {
    std::filesystem::remove(f.reminders);
  }
  CHECK_FALSE(cached_reminders(f.cache, f.reminders));
  const auto elsewhere = f.home.write("other/reminders.yaml", "reminders: [...]\n");
  CHECK_FALSE(cached_reminders(f.cache, elsewhere));
}

TEST_CASE("reminders read while the file changed are not used: the stamp is the one taken before reading") {
  Files f;
  const FileStamp before = file_stamp(f.reminders);
  std::this_thread::sleep_for(20ms);
  std::ofstream(f.reminders) << "reminders: [...]\n# edited while psoas was reading\n";
  cache_reminders(f.cache, f.reminders, before, some_reminders(), later(file_stamp(f.reminders)));
  CHECK_FALSE(cached_reminders(f.cache, f.reminders));
}

TEST_CASE("a damaged or foreign reminders cache is ignored, and one that cannot be written is no error") {
  Files f;
  for (const char* damaged : {"", "{", "[]", "{\"binary\": 1}", "\xff\xfe", "{\"reminders\": [{}]}"}) {
    f.home.write("cache/psoas/reminders.json", damaged);
    CHECK_FALSE(cached_reminders(f.cache, f.reminders));
  }
  // A folder where the cache would be: nothing is kept, and nothing thrown.
  std::filesystem::remove(f.cache);
  std::filesystem::create_directories(f.cache);
  CHECK_NOTHROW(cache_reminders(f.cache, f.reminders, file_stamp(f.reminders), some_reminders(),
                                later(file_stamp(f.reminders))));
  CHECK_FALSE(cached_reminders(f.cache, f.reminders));
}

TEST_CASE(
    "a file changed less than a second ago is not cached: a second change in the same tick keeps its stamp") {
  Files f;
  const FileStamp stamp = file_stamp(f.reminders);
  const std::int64_t changed = std::max(stamp.mtime, stamp.ctime);
  cache_reminders(f.cache, f.reminders, stamp, some_reminders(), changed + 999'000'000);
  CHECK_FALSE(cached_reminders(f.cache, f.reminders));
  cache_reminders(f.cache, f.reminders, stamp, some_reminders(), changed + 1'000'000'000);
  CHECK(cached_reminders(f.cache, f.reminders));
}

TEST_CASE("a hand-edited reminders cache holding what no reminders file could give is not used") {
  Files f;
  cache_reminders(f.cache, f.reminders, file_stamp(f.reminders), some_reminders(),
                  later(file_stamp(f.reminders)));
  const std::string kept = psoas::testing::read_file(f.cache);
  REQUIRE(cached_reminders(f.cache, f.reminders));
  const auto edited = [&](const std::string& from, const std::string& to) {
    std::string text = kept;
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    f.home.write("cache/psoas/reminders.json", text);
    return cached_reminders(f.cache, f.reminders);
  };
  CHECK(edited("\"desk-break\"", "\"desk-break\"").has_value());  // unchanged: still used
  CHECK_FALSE(edited("\"id\":\"pigeon\"", "\"id\":\"\\u001b[2J\""));
  CHECK_FALSE(edited("\"routine\":\"pigeon-routine\"", "\"routine\":\"Pigeon Routine\""));
  CHECK_FALSE(edited("[630,900]", "[900,630]"));
  CHECK_FALSE(edited("[630,900]", "[630,99999]"));
  CHECK_FALSE(edited("[630,900]", "[]"));
  CHECK_FALSE(edited("\"every\":3000", "\"every\":0"));
  CHECK_FALSE(edited("[540,1050]", "[1050,540]"));
  CHECK_FALSE(edited("\"days\":31", "\"days\":0"));
  CHECK_FALSE(edited("\"days\":31", "\"days\":511"));
  CHECK_FALSE(edited("\"wake\":\"cron\"", "\"wake\":\"at\""));
  // What reminders.yaml refuses, and numbers or lists the cache never writes.
  CHECK_FALSE(edited("\"every\":3000", "\"every\":299"));
  CHECK_FALSE(edited("\"every\":3000", "\"every\":43201"));
  CHECK_FALSE(edited("\"id\":\"pigeon\"", "\"id\":\"desk-break\""));
  CHECK_FALSE(edited("[630,900]", "[630.5,900]"));
  CHECK_FALSE(edited("\"days\":31", "\"days\":true"));
  CHECK_FALSE(edited("[540,1050]", "[540]"));
  // The stamp written with a float where the cache writes a whole number.
  const auto stamp_at = kept.find("\"stamp\":[") + 9;
  const std::string size = kept.substr(stamp_at, kept.find(',', stamp_at) - stamp_at);
  CHECK_FALSE(edited("\"stamp\":[" + size + ",", "\"stamp\":[" + size + ".0,"));
  const auto list_at = kept.find("\"reminders\":[");
  CHECK_FALSE(edited(kept.substr(list_at, kept.find(",\"stamp\"") - list_at), "\"reminders\":null"));
}

TEST_CASE("a reminders cache that is a symbolic link is replaced, and what it points to left alone") {
  Files f;
  const auto precious = f.home.write("precious", "keep\n");
  std::filesystem::create_directories(f.cache.parent_path());
  std::filesystem::create_symlink(precious, f.cache);
  cache_reminders(f.cache, f.reminders, file_stamp(f.reminders), some_reminders(),
                  later(file_stamp(f.reminders)));
  CHECK(psoas::testing::read_file(precious) == "keep\n");
  CHECK(cached_reminders(f.cache, f.reminders) == some_reminders());
}
