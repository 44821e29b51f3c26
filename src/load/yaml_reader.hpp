#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "load/diagnostic.hpp"
#include "load/source.hpp"
#include "load/yaml_errors.hpp"
#include "load/yaml_tree.hpp"

// What the readers of psoas's small YAML files (reminders, plans) share:
// errors with their places, keys checked against a list, scalars.
namespace psoas {

// A routine's name a file gives, and where, for `check` to look it up.
struct NamedRoutine {
  std::string name;
  SourcePosition position;
};

class YamlReader {
 public:
  using NodeId = YamlTree::NodeId;
  using Kind = YamlTree::Kind;
  using Values = std::map<std::string, NodeId, std::less<>>;

 protected:
  YamlReader(const SourceText& source, const YamlTree& tree, std::vector<Diagnostic>& diagnostics)
      : source_(source), tree_(tree), diagnostics_(diagnostics) {}

  // An error at `node`; past 100, counted but not kept.
  void error(NodeId node, std::string message);
  [[nodiscard]] SourcePosition position(NodeId node) const;
  // A scalar's text, or "" for anything else.
  [[nodiscard]] std::string_view text_of(NodeId node) const;
  // A map's values by key; unknown keys (with a did-you-mean and the keys
  // `what` has) and repeated keys are errors.
  Values keyed(NodeId map, const std::vector<std::string>& keys, std::string_view what);
  static std::optional<NodeId> find(const Values& values, std::string_view key);
  // Errors so far, to tell whether a part of the file had any.
  [[nodiscard]] std::size_t errors() const { return errors_; }

  const SourceText& source_;
  const YamlTree& tree_;

 private:
  std::vector<Diagnostic>& diagnostics_;
  std::size_t errors_ = 0;
};

// Parses `source` and reads it with `Reader` (constructed from the source and
// the tree; its read() gives a Result with `diagnostics`), errors in order.
template <class Result, class Reader>
Result read_yaml_with(const SourceText& source) {
  auto parsed = parse_yaml(source.text);
  if (const auto* problem = std::get_if<YamlError>(&parsed)) {
    Result out;
    out.diagnostics.push_back(yaml_error(source, *problem));
    return out;
  }
  Result read = Reader(source, std::get<YamlTree>(parsed)).read();
  sort_by_position(read.diagnostics);
  return read;
}

}  // namespace psoas
