#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace psoas {

// yaml-cpp's place of a node: 0-based line, 0-based byte column.
struct YamlMark {
  int line = 0;
  int byte_column = 0;
};

// A YAML document as a compact tree. Aliases stay single nodes that point to
// their anchor, so an alias bomb costs one node per alias written, and a walk
// of the tree can never loop.
class YamlTree {
 public:
  using NodeId = std::uint32_t;
  enum class Kind : std::uint8_t { null, scalar, sequence, map };

  [[nodiscard]] NodeId root() const { return root_; }
  // The kind of the node, or of the node an alias refers to.
  [[nodiscard]] Kind kind(NodeId id) const { return node(resolve(id)).kind; }
  // Where the node is written: for an alias, the alias itself.
  [[nodiscard]] YamlMark mark(NodeId id) const { return node(id).mark; }
  // The text of a scalar.
  [[nodiscard]] std::string_view scalar(NodeId id) const;
  // Whether a scalar was written without quotes or block indicators, so that
  // YAML would read `42`, `true` or `~` in it as a number, a bool or null.
  [[nodiscard]] bool is_plain(NodeId id) const { return node(resolve(id)).plain; }
  // A sequence's items, or a map's keys and values interleaved.
  [[nodiscard]] std::span<const NodeId> children(NodeId id) const;

 private:
  friend class YamlTreeBuilder;

  struct Node {
    Kind kind = Kind::null;
    bool plain = false;
    bool is_alias = false;
    bool open = false;  // a collection whose end has not been read yet
    YamlMark mark;
    std::uint32_t first = 0;  // scalar: offset in text_; collection: in children_; alias: target
    std::uint32_t count = 0;  // scalar: length; collection: number of children
  };

  [[nodiscard]] const Node& node(NodeId id) const { return nodes_[id]; }
  [[nodiscard]] NodeId resolve(NodeId id) const { return nodes_[id].is_alias ? nodes_[id].first : id; }

  std::vector<Node> nodes_;
  std::vector<NodeId> children_;
  std::string text_;
  NodeId root_ = 0;
};

struct YamlError {
  YamlMark mark;
  std::string message;
};

// Limits that keep any input cheap to read.
inline constexpr int kMaxYamlDepth = 64;
inline constexpr std::size_t kMaxYamlNodes = 200'000;

// Parses the single YAML document in `text`. An empty document (nothing but
// comments and blanks) gives a tree whose root is null.
std::variant<YamlTree, YamlError> parse_yaml(std::string_view text);

// A node as an error names it: "empty", "a list", "a map", or a scalar in
// backquotes, cut at 40 characters or its first line.
std::string describe_node(const YamlTree& tree, YamlTree::NodeId node);

}  // namespace psoas
