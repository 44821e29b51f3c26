#include "commands/new.hpp"

#include <ostream>
#include <variant>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/files.hpp"
#include "commands/command_line.hpp"
#include "load/authoring.hpp"
#include "load/builtin_folder.hpp"
#include "load/loader.hpp"
#include "load/source.hpp"

namespace psoas {
namespace fs = std::filesystem;

ExitCode new_routine(const NewOptions& options, const SearchPath& search_path, const Console& console) {
  const fs::path target = search_path.user_file(options.name);
  std::error_code ignored;
  for (const char* extension : {".yaml", ".yml"}) {
    const fs::path existing = fs::path(target).replace_extension(extension);
    if (fs::exists(existing, ignored))
      throw Error(
          fmt::format("{} already exists; `psoas edit {}` changes it", existing.string(), options.name));
  }

  std::string content;
  if (options.from) {
    const auto resolved = search_path.resolve(*options.from);
    if (!resolved) throw Error(search_path.not_found(*options.from));
    const fs::path& source = *resolved;
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
  if (before && before->origin == Origin::builtin) {
    console.err << fmt::format("psoas: note: your `{}` shadows the built-in one", options.name);
    const auto users = routines_using(search_path, options.name);
    if (!users.empty())
      console.err << fmt::format(", in {} too, which use{} it", fmt::join(users, ", "),
                                 users.size() == 1 ? "s" : "");
    console.err << "\n";
  }
  if (before && before->origin == Origin::path)
    console.err << fmt::format("psoas: note: {} comes first on PSOAS_PATH; `psoas run {}` runs that one\n",
                               before->file.string(), options.name);
  console.out << target.string() << '\n';
  return ExitCode::ok;
}

void add_new_command(CommandLine& line) {
  auto options = std::make_shared<NewOptions>();
  CLI::App* command =
      line.add("new", "Write a new routine of your own, from a starter or a copy", CompletedArgument::none,
               [options](const Environment& environment, const Console& console) {
                 return new_routine(*options, environment.search_path(), console);
               });
  command->add_option("name", options->name, "The new routine's name")->required()->type_name("NAME");
  command->add_option("--from", options->from, "Copy this routine instead of the starter")
      ->type_name("ROUTINE");
  line.routine_options["new"] = {"from"};
  command->footer(examples({"psoas new my-hips", "psoas new evening --from pigeon-routine"}));
}

}  // namespace psoas
