#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

// The plan a person is on, kept in the state folder as plan.json.
namespace psoas {

struct ActivePlan {
  std::string name;            // the plan's name on the search path
  std::int64_t start_day = 0;  // days since 1970-01-01, local
  std::string content_hash;    // of the plan file when it was started
};

// Nothing when there is no file; `problem` says why a file could not be read.
std::optional<ActivePlan> read_active_plan(const std::filesystem::path& file, std::string& problem);
void write_active_plan(const std::filesystem::path& file, const ActivePlan& plan);

}  // namespace psoas
