// psoas new and psoas edit, end to end, with scripted editors.
#include <filesystem>

#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/pty.hpp"
#include "support/temp_dir.hpp"

using namespace psoas::testing;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

struct Fixture {
  TempDir home;
  fs::path folder = home.path() / "config/psoas/routines";
  std::map<std::string, std::string> env = clean_environment(
      home.path(),
      {{"XDG_CONFIG_HOME", (home.path() / "config").string()}, {"TMPDIR", home.path().string()}});

  // An editor that replaces the file with each of `versions` in turn, one per call.
  void editor(const std::vector<std::string>& versions, int status = 0) {
    std::string script = "#!/bin/sh\ncount=$(cat \"$0.count\" 2>/dev/null || echo 0)\n";
    script += "echo $((count + 1)) > \"$0.count\"\ncase $count in\n";
    for (std::size_t i = 0; i < versions.size(); ++i) {
      const fs::path version = home.write("versions/" + std::to_string(i), versions[i]);
      script += "  " + std::to_string(i) + ") cp '" + version.string() + "' \"$1\" ;;\n";
    }
    script += "esac\nexit " + std::to_string(status) + "\n";
    const fs::path path = home.write("bin/editor", script);
    fs::permissions(path, fs::perms::owner_all);
    fs::remove(path.string() + ".count");  // a new editor starts again at its first version
    env["EDITOR"] = path.string();
  }

  ProcessResult psoas(const std::vector<std::string>& args) const { return run_psoas(args, env); }
};

constexpr const char* kValid = "title: Mine\nsteps:\n  - name: Stretch\n    hold: 30s\n";
constexpr const char* kInvalid = "title: Mine\nsteps:\n  - name: Stretch\n    hodl: 30s\n";

}  // namespace

TEST_CASE("new writes a commented starter routine in the user folder, and refuses to overwrite") {
  Fixture f;
  const auto result = f.psoas({"new", "my-hips"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == (f.folder / "my-hips.yaml").string() + "\n");
  const std::string text = read_file(f.folder / "my-hips.yaml");
  CHECK(text.starts_with("# yaml-language-server: $schema=file://" PSOAS_SOURCE_DIR
                         "/schema/routine.schema.json\n"));
  CHECK(text.find("\nname: my-hips\n") != std::string::npos);
  CHECK(f.psoas({"check", "my-hips"}).exit_code == 0);
  CHECK(f.psoas({"run", "my-hips", "--dry-run"}).exit_code == 0);

  const auto again = f.psoas({"new", "my-hips"});
  CHECK(again.exit_code == 1);
  CHECK(again.err == "psoas: error: " + (f.folder / "my-hips.yaml").string() +
                         " already exists; `psoas edit my-hips` changes it\n");
  CHECK(read_file(f.folder / "my-hips.yaml") == text);
  CHECK(f.psoas({"new", "My Hips"}).exit_code == 2);
}

TEST_CASE("new --from copies a routine under the new name, and a built-in's name is shadowed") {
  Fixture f;
  const auto result = f.psoas({"new", "evening", "--from", "butterfly"});
  CHECK(result.exit_code == 0);
  const std::string text = read_file(f.folder / "evening.yaml");
  CHECK(text.find("\nname: evening\n") != std::string::npos);
  CHECK(text.find("name: butterfly") == std::string::npos);
  const auto card = f.psoas({"card", "evening"});
  CHECK(card.out.find("Butterfly stretch") != std::string::npos);

  const auto shadow = f.psoas({"new", "bridge", "--from", "bridge"});
  CHECK(shadow.exit_code == 0);
  CHECK(shadow.err ==
        "psoas: note: your `bridge` shadows the built-in one, in psoas-release too, which uses it\n");
  CHECK(f.psoas({"list"}).out.find("user, shadows built-in") != std::string::npos);
  CHECK(f.psoas({"new", "x", "--from", "no-such-routine"}).exit_code == 1);
}

TEST_CASE("edit saves a valid change, and says so when nothing changed") {
  Fixture f;
  f.home.write("config/psoas/routines/mine.yaml", kValid);
  f.editor({std::string(kValid) + "tags: [new]\n"});
  const auto saved = f.psoas({"edit", "mine"});
  CHECK(saved.exit_code == 0);
  CHECK(saved.out == (f.folder / "mine.yaml").string() + "\n");
  CHECK(read_file(f.folder / "mine.yaml").ends_with("tags: [new]\n"));

  f.editor({});  // an editor that changes nothing
  const auto unchanged = f.psoas({"edit", "mine"});
  CHECK(unchanged.exit_code == 0);
  CHECK(unchanged.err == "psoas: no changes\n");
}

TEST_CASE("edit of a built-in edits the user's own copy") {
  Fixture f;
  const std::string builtin = read_file(fs::path(PSOAS_SOURCE_DIR) / "routines/bridge.yaml");
  const fs::path appender = f.home.write("bin/append", "#!/bin/sh\necho '# my own' >> \"$1\"\n");
  fs::permissions(appender, fs::perms::owner_all);
  f.env["EDITOR"] = appender.string();
  const auto result = f.psoas({"edit", "bridge"});
  CHECK(result.exit_code == 0);
  CHECK(result.err ==
        "psoas: editing your own copy of the built-in `bridge`: " + (f.folder / "bridge.yaml").string() +
            "\npsoas: note: once saved, it is used by psoas-release too\n");
  // The copy points editors at the schema, as `psoas new` does.
  const std::string schema_line =
      "# yaml-language-server: $schema=file://" PSOAS_SOURCE_DIR "/schema/routine.schema.json\n";
  CHECK(read_file(f.folder / "bridge.yaml") == schema_line + builtin + "# my own\n");
  CHECK(read_file(fs::path(PSOAS_SOURCE_DIR) / "routines/bridge.yaml") == builtin);
}

TEST_CASE("edit never loses what was typed: errors without a terminal set the edits aside") {
  Fixture f;
  f.home.write("config/psoas/routines/mine.yaml", kValid);
  f.editor({kInvalid});
  const auto result = f.psoas({"edit", "mine"});
  CHECK(result.exit_code == 1);
  CHECK(read_file(f.folder / "mine.yaml") == kValid);  // unchanged
  const std::string marker = "your edits are in ";
  const auto at = result.err.find(marker);
  REQUIRE(at != std::string::npos);
  const std::string aside =
      result.err.substr(at + marker.size(), result.err.find('\n', at) - at - marker.size());
  CHECK(read_file(aside) == kInvalid);
  // The error names the copy that holds the mistake: its lines are the ones counted.
  CHECK(result.err.find(aside + ":4:5: error: unknown key `hodl`; did you mean `hold`?\n") !=
        std::string::npos);
}

TEST_CASE("edit, like crontab -e, offers to edit again, y opens the editor on the edits") {
  Fixture f;
  f.home.write("config/psoas/routines/mine.yaml", kValid);
  const std::string fixed = std::string(kValid) + "summary: Fixed.\n";
  f.editor({kInvalid, fixed});
  PtyProcess edit({PSOAS_BINARY, "edit", "mine"}, f.env);
  REQUIRE(edit.wait_for("Edit again?", 5s));
  CHECK(edit.output().find("unknown key `hodl`") != std::string::npos);
  CHECK(edit.output().find(" 4 |     hodl: 30s") != std::string::npos);  // the edited line, not the saved one
  edit.write("y\r");
  const auto status = edit.wait_exit(5s);
  REQUIRE(status);
  CHECK(status->exit_code == 0);
  CHECK(read_file(f.folder / "mine.yaml") == fixed);
}

TEST_CASE("edit: k keeps an invalid routine anyway, the editor failing keeps the edits aside") {
  Fixture f;
  f.home.write("config/psoas/routines/mine.yaml", kValid);
  f.editor({kInvalid});
  PtyProcess edit({PSOAS_BINARY, "edit", "mine"}, f.env);
  REQUIRE(edit.wait_for("Edit again?", 5s));
  edit.write("k\r");
  const auto status = edit.wait_exit(5s);
  REQUIRE(status);
  CHECK(status->exit_code == 1);
  CHECK(edit.output().find("kept with errors: " + (f.folder / "mine.yaml").string()) != std::string::npos);
  CHECK(read_file(f.folder / "mine.yaml") == kInvalid);

  f.editor({kValid}, 3);
  const auto failed = f.psoas({"edit", "mine"});
  CHECK(failed.exit_code == 1);
  CHECK(failed.err.find("exited with status 3; nothing was saved, and your edits are in ") !=
        std::string::npos);
  CHECK(read_file(f.folder / "mine.yaml") == kInvalid);
}

TEST_CASE("edit: an editor that fails without changing anything leaves nothing behind") {
  Fixture f;
  f.home.write("config/psoas/routines/mine.yaml", kValid);
  f.editor({}, 3);
  const auto failed = f.psoas({"edit", "mine"});
  CHECK(failed.exit_code == 1);
  CHECK(failed.err ==
        "psoas: error: the editor (" + f.env["EDITOR"] + ") exited with status 3; nothing was changed\n");
  for (const auto& entry : fs::directory_iterator(f.home.path()))
    CHECK_FALSE(entry.path().filename().string().starts_with("psoas-edit-"));
}

TEST_CASE("edit of a name found nowhere suggests psoas new") {
  Fixture f;
  const auto result = f.psoas({"edit", "nothing-here"});
  CHECK(result.exit_code == 1);
  CHECK(result.err == "psoas: error: no routine named `nothing-here` (searched " + (f.folder).string() +
                          ", " PSOAS_SOURCE_DIR "/routines); `psoas new nothing-here` creates one\n");
}
