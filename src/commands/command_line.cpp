#include "commands/command_line.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "base/numbers.hpp"
#include "base/printable.hpp"
#include "load/suggest.hpp"

namespace psoas {

CLI::App* CommandLine::add(const std::string& name, const std::string& description,
                           CompletedArgument argument, CommandAction action) {
  actions.emplace(name, std::move(action));
  arguments.emplace(name, argument);
  return app.add_subcommand(name, description);
}

std::string examples(std::initializer_list<std::string_view> lines) {
  std::string out = "Examples:";
  for (const std::string_view line : lines) out += fmt::format("\n  {}", line);
  return out + "\n";
}

CLI::Validator number_from(double low, double high) {
  return CLI::Validator(
      [low, high](const std::string& text) -> std::string {
        const auto value = parse_decimal(text);
        if (value && *value >= low && *value <= high) return {};
        return fmt::format("takes a number from {} to {}, not `{}`", low, high, escape_line(text));
      },
      "");
}

CLI::Validator whole_number_from(long long low, std::optional<long long> high) {
  return CLI::Validator(
      [low, high](const std::string& text) -> std::string {
        const auto value = parse_whole_number<long long>(text);
        if (value && *value >= low && (!high || *value <= *high)) return {};
        if (high)
          return fmt::format("takes a whole number from {} to {}, not `{}`", low, *high, escape_line(text));
        return fmt::format("takes a whole number, {} or more, not `{}`", low, escape_line(text));
      },
      "");
}

CLI::Validator one_of(std::vector<std::string> choices, std::string hint) {
  return CLI::Validator(
      [choices, hint](const std::string& text) -> std::string {
        if (std::find(choices.begin(), choices.end(), text) != choices.end()) return {};
        return fmt::format("takes {}, not `{}`{}", join_alternatives(choices), escape_line(text), hint);
      },
      "");
}

}  // namespace psoas
