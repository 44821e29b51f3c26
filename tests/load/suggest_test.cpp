#include "load/suggest.hpp"

#include <doctest/doctest.h>

using namespace psoas;

TEST_CASE("edit distance counts a swap of neighbours as one edit") {
  CHECK(edit_distance("hodl", "hold") == 1);
  CHECK(edit_distance("hold", "hold") == 0);
  CHECK(edit_distance("hld", "hold") == 1);
  CHECK(edit_distance("rset", "rest") == 1);
  CHECK(edit_distance("reps", "rest") == 2);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("Hold", "hold") == 0);
}

TEST_CASE("close matches: typos and prefixes, closest first, at most three") {
  const std::vector<std::string> names = {"bridge", "butterfly", "pigeon-routine", "pigeon-sequence",
                                          "yoga-hips"};
  CHECK(close_matches("pigeon-routin", names) == std::vector<std::string>{"pigeon-routine"});
  CHECK(close_matches("pigeon", names) == std::vector<std::string>{"pigeon-routine", "pigeon-sequence"});
  CHECK(close_matches("brigde", names) == std::vector<std::string>{"bridge"});
  CHECK(close_matches("xyz", names).empty());
  CHECK(close_matches("bridge", names).empty());  // itself is no suggestion
  // A word all replaced is another word: nothing of `-` is left in `a`.
  const std::vector<std::string> short_names = {"a", "ab", "b-"};
  CHECK(close_matches("-", short_names).empty());
  CHECK(close_matches("A", short_names) == std::vector<std::string>{"a"});  // only the case differs
  CHECK(close_matches("ac", short_names) == std::vector<std::string>{"a", "ab"});
}

TEST_CASE("alternatives are joined the way a sentence lists them") {
  CHECK(join_alternatives(std::vector<std::string>{"a"}) == "`a`");
  CHECK(join_alternatives(std::vector<std::string>{"a", "b"}) == "`a` or `b`");
  CHECK(join_alternatives(std::vector<std::string>{"a", "b", "c"}) == "`a`, `b` or `c`");
}
