#include "load/yaml_tree.hpp"

#include <doctest/doctest.h>

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
  CHECK(error_of("a: [1\n") == "invalid YAML: end of sequence flow not found");
}
