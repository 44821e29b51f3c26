#include "load/yaml_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "base/printable.hpp"
#include "load/suggest.hpp"

namespace psoas {

void YamlReader::error(NodeId node, std::string message) {
  ++errors_;
  if (diagnostics_.size() >= 100) return;
  diagnostics_.push_back({source_.file, position(node), Severity::error, std::move(message)});
}

SourcePosition YamlReader::position(NodeId node) const {
  const YamlMark mark = tree_.mark(node);
  return source_.position_of(mark.line, mark.byte_column);
}

std::string_view YamlReader::text_of(NodeId node) const {
  return tree_.kind(node) == Kind::scalar ? tree_.scalar(node) : std::string_view();
}

YamlReader::Values YamlReader::keyed(NodeId map, const std::vector<std::string>& keys,
                                     std::string_view what) {
  Values values;
  const auto children = tree_.children(map);
  for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
    const std::string key(text_of(children[i]));
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      const auto close = close_matches(key, keys, 1);
      error(children[i], fmt::format("unknown key `{}`{}; {} has {}", escape_line(key),
                                     close.empty() ? "" : fmt::format(" (did you mean `{}`?)", close.front()),
                                     what, join_alternatives(keys)));
      continue;
    }
    if (!values.emplace(key, children[i + 1]).second)
      error(children[i], fmt::format("`{}` is given twice", key));
  }
  return values;
}

std::optional<YamlReader::NodeId> YamlReader::find(const Values& values, std::string_view key) {
  const auto found = values.find(key);
  return found == values.end() ? std::nullopt : std::optional(found->second);
}

}  // namespace psoas
