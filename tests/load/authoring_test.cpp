#include "load/authoring.hpp"

#include <doctest/doctest.h>

#include "load/loader.hpp"

using namespace psoas;

TEST_CASE("the starter routine is valid, named, and points at the schema") {
  const std::string text = starter_routine("my-hips", "file:///usr/share/psoas/routine.schema.json");
  CHECK(text.starts_with("# yaml-language-server: $schema=file:///usr/share/psoas/routine.schema.json\n"));
  CHECK(text.find("\nname: my-hips\n") != std::string::npos);
  RoutineLoader loader(SearchPath({}));
  const LoadResult result = loader.load_text("my-hips.yaml", text);
  CHECK(result.diagnostics.empty());
  REQUIRE(result.routine);
  CHECK(result.routine->cautions.size() >= 5);
  CHECK(starter_routine("x", std::nullopt).find("yaml-language-server") == std::string::npos);
}

TEST_CASE("a renamed copy keeps comments and layout, changing only the name line") {
  const std::string original =
      "# My notes\nname: old  # the old name\ntitle: T\n\nsteps:\n  - {name: S, hold: 1}\n";
  CHECK(renamed_routine(original, "new-name", std::nullopt) ==
        "# My notes\nname: new-name\ntitle: T\n\nsteps:\n  - {name: S, hold: 1}\n");
}

TEST_CASE("a copy without a name gets one before its first key, and the schema comment once") {
  const std::string original = "# Comment\n\ntitle: T\nsteps: [{name: S, hold: 1}]";
  CHECK(renamed_routine(original, "mine", "file:///s.json") ==
        "# yaml-language-server: $schema=file:///s.json\n# Comment\n\nname: mine\ntitle: T\nsteps: [{name: "
        "S, hold: 1}]\n");
  const std::string with_schema = "# yaml-language-server: $schema=file:///old.json\ntitle: T\nsteps: []\n";
  CHECK(renamed_routine(with_schema, "mine", "file:///s.json")->find("file:///s.json") == std::string::npos);
}

TEST_CASE("a nested `name` is left alone, and text that is not a map cannot be renamed") {
  const std::string original = "title: T\nsteps:\n  - name: Step\n    hold: 1\n";
  CHECK(renamed_routine(original, "mine", std::nullopt) == "name: mine\n" + original);
  CHECK_FALSE(renamed_routine("- a\n- b\n", "mine", std::nullopt));
  CHECK_FALSE(renamed_routine("title: [\n", "mine", std::nullopt));
}
