#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace psoas::testing {

// A fresh home for whole-CLI tests that need the date: psoas runs with the
// wall clock set by faketime (UTC), and sessions are imported into its history.
struct DatedHome {
  TempDir home;
  std::map<std::string, std::string> env;

  DatedHome();

  [[nodiscard]] ProcessResult psoas(const std::vector<std::string>& args) const;
  // psoas with the wall clock at `when` ("2026-12-01 10:30:00", UTC), moving on from there.
  [[nodiscard]] ProcessResult psoas_at(const std::string& when, const std::vector<std::string>& args) const;

  // A session of `routine`, done in full, from `started` to `ended` (ISO 8601),
  // rated `left` and `right` when given.
  void add_session(const std::string& routine, const std::string& started, const std::string& ended,
                   std::optional<int> left = std::nullopt, std::optional<int> right = std::nullopt) const;
};

}  // namespace psoas::testing
