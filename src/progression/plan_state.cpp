#include "progression/plan_state.hpp"

#include <nlohmann/json.hpp>

#include "base/files.hpp"
#include "base/numbers.hpp"
#include "model/routine.hpp"
#include "model/wall_time.hpp"

namespace psoas {
namespace {

using JsonValue = nlohmann::json;
constexpr std::size_t kMostStateBytes = 64 * 1024;

// "2026-12-07" as days since 1970-01-01.
std::optional<std::int64_t> day_of(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = parse_whole_number<int>(text.substr(0, 4));
  const auto month = parse_whole_number<unsigned>(text.substr(5, 2));
  const auto day = parse_whole_number<unsigned>(text.substr(8, 2));
  if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > 31) return std::nullopt;
  return days_from_civil({*year, *month, *day});
}

}  // namespace

std::optional<ActivePlan> read_active_plan(const std::filesystem::path& file, std::string& problem) {
  // A link whose plan was stopped points nowhere: no plan.
  if (target_kind(file) == PathKind::missing) return std::nullopt;
  ReadProblem read_problem;
  const auto text = read_regular_file(file, kMostStateBytes, read_problem);
  if (!text) {
    problem = file.string() + ": " + read_problem.message;
    return std::nullopt;
  }
  const JsonValue json = JsonValue::parse(*text, nullptr, false);
  if (json.is_discarded() || !json.is_object() || json.value("plan_format", 0) != 1 ||
      !json.value("name", JsonValue()).is_string() || !json.value("start", JsonValue()).is_string()) {
    problem = file.string() + ": not what psoas writes there; `psoas plan start` begins again";
    return std::nullopt;
  }
  ActivePlan plan;
  plan.name = json["name"].get<std::string>();
  const auto start = day_of(json["start"].get<std::string>());
  if (!is_valid_routine_name(plan.name) || !start) {
    problem = file.string() + ": not what psoas writes there; `psoas plan start` begins again";
    return std::nullopt;
  }
  plan.start_day = *start;
  if (json.value("content_hash", JsonValue()).is_string()) plan.content_hash = json["content_hash"];
  return plan;
}

void write_active_plan(const std::filesystem::path& file, const ActivePlan& plan) {
  std::error_code ignored;
  std::filesystem::create_directories(file.parent_path(), ignored);
  const std::string text = JsonValue{{"plan_format", 1},
                                     {"name", plan.name},
                                     {"start", to_string(civil_from_days(plan.start_day))},
                                     {"content_hash", plan.content_hash}}
                               .dump(2) +
                           "\n";
  if (path_kind(file) == PathKind::missing) {
    create_file(file, text);
  } else {
    replace_file(file, text);
  }
}

}  // namespace psoas
