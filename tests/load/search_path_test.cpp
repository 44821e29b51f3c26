#include "load/search_path.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "support/temp_dir.hpp"

using namespace psoas;
using psoas::testing::TempDir;

TEST_CASE("the search path is PSOAS_PATH's folders, then the XDG user folder, then the built-ins") {
  const auto folders = SearchPath::from_environment({"/p1::/p2", "/xdg", "/home/me"}, "/builtin").folders();
  REQUIRE(folders.size() == 4);
  CHECK(folders[0].path == "/p1");
  CHECK(folders[0].origin == Origin::path);
  CHECK(folders[1].path == "/p2");
  CHECK(folders[2].path == "/xdg/psoas/routines");
  CHECK(folders[2].origin == Origin::user);
  CHECK(folders[3].path == "/builtin");
  CHECK(folders[3].origin == Origin::builtin);
}

TEST_CASE("without XDG_CONFIG_HOME (or with a relative one) the user folder is under ~/.config") {
  CHECK(SearchPath::from_environment({std::nullopt, std::nullopt, "/home/me"}, "/b").folders().at(0).path ==
        "/home/me/.config/psoas/routines");
  CHECK(SearchPath::from_environment({std::nullopt, "relative", "/home/me"}, "/b").folders().at(0).path ==
        "/home/me/.config/psoas/routines");
  CHECK(SearchPath::from_environment({std::nullopt, "/x", "/home/me"}, "/b").user_folder() ==
        "/x/psoas/routines");
}

TEST_CASE("names resolve in order, first match wins, .yaml before .yml, and user routines shadow built-ins") {
  TempDir dir;
  dir.write("path/shared.yml", "");
  dir.write("config/psoas/routines/shared.yaml", "");
  dir.write("config/psoas/routines/mine.yml", "");
  dir.write("config/psoas/routines/mine.yaml", "");
  dir.write("config/psoas/routines/notes.txt", "");
  dir.write("builtin/shared.yaml", "");
  dir.write("builtin/stock.yaml", "");
  std::filesystem::create_directory(dir.path() / "builtin/folder.yaml");
  const auto search_path = SearchPath::from_environment(
      {(dir.path() / "path").string(), (dir.path() / "config").string(), std::nullopt},
      dir.path() / "builtin");

  const auto shared = search_path.find("shared");
  REQUIRE(shared);
  CHECK(shared->file == dir.path() / "path/shared.yml");
  CHECK(shared->origin == Origin::path);
  CHECK(shared->shadows_builtin);
  const auto mine = search_path.find("mine");
  REQUIRE(mine);
  CHECK(mine->file == dir.path() / "config/psoas/routines/mine.yaml");
  CHECK(mine->origin == Origin::user);
  CHECK_FALSE(mine->shadows_builtin);
  CHECK(search_path.find("stock")->origin == Origin::builtin);
  CHECK_FALSE(search_path.find("folder"));
  CHECK_FALSE(search_path.find("notes"));

  const auto listed = search_path.list();
  REQUIRE(listed.size() == 3);
  CHECK(listed[0].name == "mine");
  CHECK(listed[0].file == dir.path() / "config/psoas/routines/mine.yaml");
  CHECK(listed[1].name == "shared");
  CHECK(listed[1].origin == Origin::path);
  CHECK(listed[1].shadows_builtin);
  CHECK(listed[2].name == "stock");
  CHECK_FALSE(listed[2].shadows_builtin);

  const std::string missing = search_path.not_found("stok");
  CHECK(missing.starts_with("no routine named `stok` (searched " + search_path.describe() + ")"));
  CHECK(missing.ends_with("; did you mean `stock`?"));
  // Another kind of file suggests among the names it is given only.
  CHECK(search_path.not_found("stok", "plan", {"hips-weeks"}) ==
        "no plan named `stok` (searched " + search_path.describe() + ")");
  CHECK(search_path.not_found("hip-weeks", "plan", {"hips-weeks"}).ends_with("; did you mean `hips-weeks`?"));
}

TEST_CASE("list takes .yaml over .yml in any listing order, and every link but one to a folder") {
  TempDir dir;
  // Ten pairs: a folder's listing order is the file system's, so both orders come up.
  for (char c = 'a'; c < 'k'; ++c) {
    dir.write(fmt::format("r/{}.yml", c), "");
    dir.write(fmt::format("r/{}.yaml", c), "");
  }
  const std::filesystem::path r = dir.path() / "r";
  std::filesystem::create_symlink(r / "a.yaml", r / "linked.yaml");
  std::filesystem::create_symlink(r / "gone.yaml", r / "dangling.yaml");  // listed, to be reported broken
  std::filesystem::create_directory(dir.path() / "folder");
  std::filesystem::create_symlink(dir.path() / "folder", r / "to-folder.yaml");
  const SearchPath search_path({{r, Origin::path}});
  const auto listed = search_path.list();
  std::vector<std::string> names;
  for (const FoundRoutine& found : listed) {
    names.push_back(found.name);
    CHECK(found.file.extension() == ".yaml");
    CHECK(found.file == r / (found.name + ".yaml"));
  }
  CHECK(names ==
        std::vector<std::string>{"a", "b", "c", "d", "dangling", "e", "f", "g", "h", "i", "j", "linked"});
}

TEST_CASE("an argument with a slash or a YAML extension is a path") {
  CHECK(is_routine_path("./x"));
  CHECK(is_routine_path("x.yaml"));
  CHECK(is_routine_path("x.yml"));
  CHECK(is_routine_path("/abs/x"));
  CHECK_FALSE(is_routine_path("pigeon-routine"));
}
