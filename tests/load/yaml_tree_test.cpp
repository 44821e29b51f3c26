#include "load/yaml_tree.hpp"

#include <tuple>

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace psoas;

namespace {

YamlTree parse(std::string_view text) {
  auto result = parse_yaml(text);
  REQUIRE(std::holds_alternative<YamlTree>(result));
  return std::get<YamlTree>(std::move(result));
}

std::string error_of(std::string_view text) {
  auto result = parse_yaml(text);
  const auto* error = std::get_if<YamlError>(&result);
  return error ? error->message : "";
}

}  // namespace

TEST_CASE("the tree keeps every map entry, duplicates included, in order, with marks") {
  const YamlTree tree = parse("a: 1\nb: 'two'\na: [x, y]\n");
  REQUIRE(tree.kind(tree.root()) == YamlTree::Kind::map);
  const auto entries = tree.children(tree.root());
  REQUIRE(entries.size() == 6);
  CHECK(tree.scalar(entries[0]) == "a");
  CHECK(tree.scalar(entries[1]) == "1");
  CHECK(tree.is_plain(entries[1]));
  CHECK_FALSE(tree.is_plain(entries[3]));
  CHECK(tree.scalar(entries[4]) == "a");
  CHECK(tree.mark(entries[4]).line == 2);
  CHECK(tree.kind(entries[5]) == YamlTree::Kind::sequence);
  CHECK(tree.children(entries[5]).size() == 2);
  CHECK(tree.mark(entries[5]).byte_column == 3);
}

TEST_CASE("an alias is one node that reads as its anchor") {
  const YamlTree tree = parse("a: &x [1, 2]\nb: *x\n");
  const auto entries = tree.children(tree.root());
  CHECK(tree.kind(entries[3]) == YamlTree::Kind::sequence);
  CHECK(tree.children(entries[3]).size() == 2);
  CHECK(tree.mark(entries[3]).line == 1);  // the alias's own place
}

TEST_CASE("empty input has a null root") {
  CHECK(parse("").kind(parse("").root()) == YamlTree::Kind::null);
  CHECK(parse("# nothing\n").kind(parse("# nothing\n").root()) == YamlTree::Kind::null);
}

TEST_CASE("limits: self-reference, depth, node count, documents") {
  CHECK(error_of("&a [*a]") == "alias `*a` refers to a node that contains it");
  CHECK(error_of("&a {k: *a}") == "alias `*a` refers to a node that contains it");
  CHECK(error_of(std::string(65, '[')) == "nesting deeper than 64 levels");
  CHECK(error_of(std::string(64, '[') + std::string(64, ']')).empty());
  std::string many = "[";
  for (std::size_t i = 0; i < kMaxYamlNodes; ++i) many += "1,";
  CHECK(error_of(many + "1]") == "more than 200000 YAML nodes; routine files are small");
  CHECK(error_of("a: 1\n---\nb: 2\n") == "a routine file holds one YAML document, this is a second");
}

TEST_CASE("a list or map in brackets never closed is an error at its opening bracket, not at the end") {
  const auto error_at = [](std::string_view text) {
    auto result = parse_yaml(text);
    REQUIRE(std::holds_alternative<YamlError>(result));
    const YamlError& error = std::get<YamlError>(result);
    return fmt::format("{}:{}: {}", error.mark.line, error.mark.byte_column, error.message);
  };
  CHECK(error_at("a: [1\n") ==
        "0:3: invalid YAML: the list that begins here is never closed: a `]` is missing at its end");
  CHECK(error_at("title: T\nsteps:\n  - {name: A, hold: 5s\n\n") ==
        "2:4: invalid YAML: the map that begins here is never closed: a `}` is missing at its end");
  // The innermost one is the one not closed.
  CHECK(error_at("a: [1, {b: [2], c: [3\n") ==
        "0:19: invalid YAML: the list that begins here is never closed: a `]` is missing at its end");
}

TEST_CASE("quoted text never closed is an error at its opening quote, where yaml-cpp reads on to the end") {
  const auto error_at = [](std::string_view text) {
    auto result = parse_yaml(text);
    const auto* error = std::get_if<YamlError>(&result);
    REQUIRE(error);
    return std::tuple{error->mark.line, error->mark.byte_column, error->message};
  };
  CHECK(error_at("a: \"open\nb: 2\n") ==
        std::tuple{
            0, 3,
            "invalid YAML: the text in quotes that begins here is never closed: a `\"` is missing at its "
            "end"});
  CHECK(
      error_at("- 'it''s\n- x\n") ==
      std::tuple{0, 2,
                 "invalid YAML: the text in quotes that begins here is never closed: a `'` is missing at its "
                 "end"});
  // After two-byte characters on its line: the place is counted in bytes.
  CHECK(error_at("n: [\"üü\", \"x\n") == std::tuple{0, 12, std::string(error_of("a: \"open\n"))});
  CHECK(std::get<1>(error_at("a: \"ends with an escaped quote \\\"\n")) == 3);
  // Closed ones, however they close, are not.
  for (const std::string_view text :
       {"a: \"x \\\" y\"\nb: 'it''s'\n", "a: 'back\\slash'\n", "a: \"two\n  lines\"\n",
        "a: it's\nb: say \"x\n", "a: |\n  \"open\n", "['üü', 'x']\n", "a: &anchor \"x\"\n", "\"key\": 1\n",
        "a: ''\nb: \"\"\n"})
    CHECK_MESSAGE(error_of(text).empty(), text);
}
