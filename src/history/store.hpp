#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "model/session.hpp"

namespace psoas {

// The schema version this psoas writes. Each version has a migration step
// from the one before; older files are brought up to date when written to.
inline constexpr int kHistorySchemaVersion = 2;

// Records sessions in the SQLite history. WAL mode: readers never wait for
// a writer, and a process killed at any moment leaves every committed
// session whole. Each session is one transaction; two runs recording at
// once wait their turn. Throws Error, one line, when the history cannot be
// opened or is damaged.
class HistoryWriter {
 public:
  explicit HistoryWriter(const std::filesystem::path& file);

  // The new session's id.
  std::int64_t record(const Session& session);
  // How tight each side felt, asked after the run.
  void rate(std::int64_t id, const Ratings& ratings);

 private:
  std::filesystem::path file_;
  SQLite::Database db_;
};

struct HistoryQuery {
  std::optional<std::int64_t> since_unix_ms;  // sessions started at or after
  std::optional<std::string> routine;
  std::size_t limit = 0;  // the newest this many; 0 for all
};

// Reads the history without ever writing to it, whatever its schema
// version. Throws Error, one line, when the history is damaged.
class HistoryReader {
 public:
  // Nothing when no session was ever recorded there.
  static std::optional<HistoryReader> open(const std::filesystem::path& file);

  // Newest first.
  [[nodiscard]] std::vector<Session> sessions(const HistoryQuery& query) const;
  [[nodiscard]] int schema_version() const { return version_; }

 private:
  HistoryReader(const std::filesystem::path& file, SQLite::Database db, int version);

  std::filesystem::path file_;
  mutable SQLite::Database db_;
  int version_;
};

}  // namespace psoas
