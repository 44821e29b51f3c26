#include "commands/edit.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <variant>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/files.hpp"
#include "base/printable.hpp"
#include "base/process.hpp"
#include "commands/command_line.hpp"
#include "load/authoring.hpp"
#include "load/builtin_folder.hpp"
#include "load/loader.hpp"
#include "load/source.hpp"

namespace psoas {
namespace fs = std::filesystem;

namespace {

// Runs the editor on `file` and waits for it, as a shell would; returns its
// exit status. psoas ignores Ctrl-C meanwhile: it is the editor's.
int run_editor(const std::string& editor, const fs::path& file) {
  return run_and_wait({"/bin/sh", "-c", fmt::format("{} \"$1\"", editor), "sh", file.string()},
                      ChildStreams::inherited, true);
}

// What to edit: the file to replace, and the text to start from.
struct EditTarget {
  fs::path file;
  std::string text;
  bool copies_builtin = false;
};

EditTarget find_target(const EditOptions& options, const SearchPath& search_path) {
  if (is_routine_path(options.routine)) {
    auto text = read_source(options.routine);
    if (const auto* error = std::get_if<Diagnostic>(&text)) throw Error(to_string(*error));
    return {options.routine, std::get<SourceText>(std::move(text)).text};
  }
  const auto found = search_path.find(options.routine);
  if (!found)
    throw Error(fmt::format("{}; `psoas new {}` creates one", search_path.not_found(options.routine),
                            escape_line(options.routine)));
  auto text = read_source(found->file);
  if (const auto* error = std::get_if<Diagnostic>(&text)) throw Error(to_string(*error));
  std::string source = std::get<SourceText>(std::move(text)).text;
  if (found->origin != Origin::builtin) return {found->file, std::move(source)};
  // Built-ins are not edited in place: the user's copy shadows them, and
  // points editors at the schema as `psoas new` does.
  auto with_schema = renamed_routine(source, options.routine, routine_schema_url());
  return {search_path.user_file(options.routine), with_schema ? std::move(*with_schema) : std::move(source),
          true};
}

enum class Answer { edit_again, keep_aside, keep_anyway };

Answer ask(const Console& console) {
  for (;;) {
    console.err << "Edit again? [Y]es, [n]o (set the edits aside), [k]eep them anyway: " << std::flush;
    std::string reply;
    if (!std::getline(std::cin, reply)) return Answer::keep_aside;
    if (reply.empty() || reply == "y" || reply == "Y" || reply == "yes") return Answer::edit_again;
    if (reply == "n" || reply == "N" || reply == "no") return Answer::keep_aside;
    if (reply == "k" || reply == "K" || reply == "keep") return Answer::keep_anyway;
  }
}

}  // namespace

ExitCode edit_routine(const EditOptions& options, const SearchPath& search_path, const Console& console) {
  const EditTarget target = find_target(options, search_path);
  if (target.copies_builtin) {
    console.err << fmt::format("psoas: editing your own copy of the built-in `{}`: {}\n", options.routine,
                               target.file.string());
    if (const auto users = routines_using(search_path, options.routine); !users.empty())
      console.err << fmt::format("psoas: note: once saved, it is used by {} too\n", fmt::join(users, ", "));
  }

  // The edits live in a folder of their own, under the routine's own file
  // name, so that the editor knows it for YAML.
  std::error_code no_temp;
  fs::path temp = fs::temp_directory_path(no_temp);
  if (no_temp) temp = "/tmp";
  std::string folder = (temp / "psoas-edit-XXXXXX").string();
  if (::mkdtemp(folder.data()) == nullptr)
    throw Error(fmt::format("cannot make a temporary folder for the edits in {}: {}", temp.string(),
                            std::strerror(errno)));
  const fs::path scratch = fs::path(folder) / target.file.filename();
  replace_file(scratch, target.text);
  const auto discard_scratch = [&] {
    std::error_code ignored;
    fs::remove_all(folder, ignored);
  };

  for (;;) {
    const int status = run_editor(options.editor, scratch);
    // Read without ever blocking: the editor may have left a FIFO, or nothing.
    ReadProblem problem;
    const auto read = read_regular_file(scratch, kMaxRoutineFileBytes, problem);
    if (!read) {
      discard_scratch();
      throw Error(fmt::format("the editor ({}) left no file to read at {} ({}); nothing was changed",
                              options.editor, scratch.string(), problem.message));
    }
    const std::string& edited = *read;
    if (status != 0) {
      if (edited == target.text) {
        discard_scratch();
        throw Error(fmt::format("the editor ({}) exited with status {}; nothing was changed", options.editor,
                                status));
      }
      throw Error(
          fmt::format("the editor ({}) exited with status {}; nothing was saved, and your edits are in {}",
                      options.editor, status, scratch.string()));
    }
    if (edited == target.text) {
      discard_scratch();
      console.err << "psoas: no changes\n";
      return ExitCode::ok;
    }
    // Errors name the copy being edited: its lines are the ones they count.
    RoutineLoader loader(search_path);
    const LoadResult result = loader.load_text(scratch.string(), edited);
    print_diagnostics(console, result.diagnostics);
    Answer answer = Answer::keep_anyway;
    if (!result.routine) answer = options.interactive ? ask(console) : Answer::keep_aside;
    if (answer == Answer::edit_again) continue;
    if (answer == Answer::keep_aside) {
      console.err << fmt::format("psoas: {} is unchanged; your edits are in {}\n", target.file.string(),
                                 scratch.string());
      return ExitCode::failure;
    }
    replace_file(target.file, edited);
    discard_scratch();
    if (!result.routine) console.err << fmt::format("psoas: kept with errors: {}\n", target.file.string());
    console.out << target.file.string() << '\n';
    return result.routine ? ExitCode::ok : ExitCode::failure;
  }
}

void add_edit_command(CommandLine& line) {
  auto options = std::make_shared<EditOptions>();
  CLI::App* edit =
      line.add("edit", "Edit a routine in $VISUAL or $EDITOR, checked when you save",
               CompletedArgument::routine, [options](const Environment& environment, const Console& console) {
                 options->editor = environment.editor_command();
                 options->interactive = is_terminal(STDIN_FILENO);
                 return edit_routine(*options, environment.search_path(), console);
               });
  edit->add_option("routine", options->routine, "Routine name or file")->required()->type_name("ROUTINE");
  edit->footer(examples({"psoas edit my-hips", "EDITOR=nano psoas edit bridge"}) +
               "\nA built-in routine is edited as your own copy, which then shadows it.\n");
}

}  // namespace psoas
