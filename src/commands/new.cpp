#include "commands/new.hpp"

#include <ostream>
#include <variant>

#include <fmt/format.h>

#include "base/files.hpp"
#include "load/authoring.hpp"
#include "load/builtin_folder.hpp"
#include "load/source.hpp"

namespace psoas {
namespace fs = std::filesystem;

std::optional<std::string> routine_schema_url() {
  if (const auto schema = routine_schema_file()) {
    std::error_code error;
    return fmt::format("file://{}", fs::absolute(*schema, error).string());
  }
  return std::nullopt;
}

fs::path user_routine_path(const SearchPath& search_path, std::string_view name) {
  const auto folder = search_path.user_folder();
  if (!folder) throw Error("there is no user routines folder: set HOME or XDG_CONFIG_HOME");
  if (!is_valid_routine_name(name))
    throw Error(fmt::format("`{}` is not a routine name: use lowercase letters, digits and dashes", name),
                ExitCode::usage);
  return *folder / fmt::format("{}.yaml", name);
}

ExitCode new_routine(const NewOptions& options, const SearchPath& search_path, const Console& console) {
  const fs::path target = user_routine_path(search_path, options.name);
  std::error_code ignored;
  for (const char* extension : {".yaml", ".yml"}) {
    const fs::path existing = fs::path(target).replace_extension(extension);
    if (fs::exists(existing, ignored))
      throw Error(
          fmt::format("{} already exists; `psoas edit {}` changes it", existing.string(), options.name));
  }

  std::string content;
  if (options.from) {
    fs::path source = *options.from;
    if (!is_routine_path(*options.from)) {
      const auto found = search_path.find(*options.from);
      if (!found) throw Error(fmt::format("no routine named `{}` to copy", *options.from));
      source = found->file;
    }
    auto text = read_source(source);
    if (const auto* error = std::get_if<Diagnostic>(&text)) throw Error(to_string(*error));
    auto renamed = renamed_routine(std::get<SourceText>(text).text, options.name, routine_schema_url());
    if (!renamed)
      throw Error(fmt::format("{} is not a routine to copy: `psoas check` says why", source.string()));
    content = std::move(*renamed);
  } else {
    content = starter_routine(options.name, routine_schema_url());
  }

  const auto before = search_path.find(options.name);
  create_file(target, content);
  if (before && before->origin == Origin::builtin)
    console.err << fmt::format("psoas: note: your `{}` shadows the built-in one\n", options.name);
  if (before && before->origin == Origin::path)
    console.err << fmt::format("psoas: note: {} comes first on PSOAS_PATH; `psoas run {}` runs that one\n",
                               before->file.string(), options.name);
  console.out << target.string() << '\n';
  return ExitCode::ok;
}

}  // namespace psoas
