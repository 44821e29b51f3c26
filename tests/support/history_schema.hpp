#pragma once

namespace psoas::testing {

// The history's table as psoas first wrote it (schema version 1), for the
// tests that read and migrate old files; without the user_version pragma.
inline constexpr const char* kHistorySchemaVersion1 = R"sql(
CREATE TABLE sessions (id INTEGER PRIMARY KEY, routine TEXT NOT NULL, title TEXT NOT NULL, content_hash TEXT NOT NULL,
  started_unix_ms INTEGER NOT NULL, started_utc_offset_minutes INTEGER NOT NULL, ended_unix_ms INTEGER NOT NULL,
  ended_utc_offset_minutes INTEGER NOT NULL, planned_ms INTEGER NOT NULL, active_ms INTEGER NOT NULL,
  paused_ms INTEGER NOT NULL, segments_completed INTEGER NOT NULL, segments_skipped INTEGER NOT NULL,
  held_left_ms INTEGER NOT NULL, held_right_ms INTEGER NOT NULL, held_unsided_ms INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('finished', 'quit', 'interrupted')), stopped_at_step INTEGER);
)sql";

}  // namespace psoas::testing
