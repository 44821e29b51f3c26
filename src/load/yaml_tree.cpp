#include "load/yaml_tree.hpp"

#include <algorithm>
#include <optional>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "base/utf8.hpp"

namespace psoas {

namespace {

// Thrown from the event handler to stop yaml-cpp early.
struct LimitReached {
  YamlError error;
};

YamlMark to_mark(const YAML::Mark& mark) {
  return {mark.line, mark.column};
}

}  // namespace

class YamlTreeBuilder final : public YAML::EventHandler {
 public:
  YamlTreeBuilder(YamlTree& tree, std::string_view source) : tree_(tree), source_(source) {
    // Room for all the text can hold, so that a long file's tree is not copied as it grows:
    // a node takes at least two bytes (`[a,b]`), and no scalar is longer than the text.
    const std::size_t nodes = std::min(source.size() / 2 + 1, kMaxYamlNodes);
    tree_.nodes_.reserve(nodes);
    tree_.children_.reserve(nodes);
    tree_.text_.reserve(source.size());
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (documents_++ > 0)
      throw LimitReached{{to_mark(mark), "a routine file holds one YAML document, this is a second"}};
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add(YamlTree::Kind::null, mark, anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const YamlTree::NodeId target = anchor_targets_.at(anchor);
    if (tree_.nodes_[target].open)
      throw LimitReached{{to_mark(mark), fmt::format("alias `*{}` refers to a node that contains it",
                                                     anchor_names_.at(anchor))}};
    const YamlTree::NodeId id = add(tree_.nodes_[target].kind, mark, 0);
    tree_.nodes_[id].is_alias = true;
    tree_.nodes_[id].first = target;
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (tag != "?") refuse_unclosed_quote(mark);
    const YamlTree::NodeId id = add(YamlTree::Kind::scalar, mark, anchor);
    YamlTree::Node& node = tree_.nodes_[id];
    node.plain = tag == "?";
    node.first = static_cast<std::uint32_t>(tree_.text_.size());
    // The input was valid UTF-8, but yaml-cpp's escapes may not be.
    const std::string text = repair_utf8(value);
    node.count = static_cast<std::uint32_t>(text.size());
    tree_.text_ += text;
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YamlTree::Kind::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YamlTree::Kind::map, mark, anchor);
  }
  void OnMapEnd() override { close(); }

  void OnAnchor(const YAML::Mark&, const std::string& name) override { next_anchor_name_ = name; }

  // yaml-cpp says "end of sequence flow not found" where the file ends; the
  // `[` or `{` it means is the innermost collection still open.
  [[nodiscard]] std::optional<YamlError> unclosed_flow(const std::string& message) const {
    const bool sequence = message.ends_with("end of sequence flow not found");
    if ((!sequence && !message.ends_with("end of map flow not found")) || open_.empty()) return std::nullopt;
    const YamlTree::Node& node = tree_.nodes_[open_.back().node];
    if (node.kind != (sequence ? YamlTree::Kind::sequence : YamlTree::Kind::map)) return std::nullopt;
    return YamlError{node.mark,
                     fmt::format("invalid YAML: the {} that begins here is never closed: a `{}` is "
                                 "missing at its end",
                                 sequence ? "list" : "map", sequence ? ']' : '}')};
  }

  // A file of nothing but comments gives no events: its root is null.
  void finish() {
    if (tree_.nodes_.empty()) tree_.nodes_.emplace_back();
  }

 private:
  struct OpenCollection {
    YamlTree::NodeId node;
    std::size_t first_pending;
  };

  // yaml-cpp reads a quoted scalar that is never closed to the end of the
  // file without a word: `name: "Pigeon` then swallows every line after it.
  void refuse_unclosed_quote(const YAML::Mark& mark) {
    if (line_starts_.empty()) {
      line_starts_.push_back(0);
      for (std::size_t i = 0; i < source_.size(); ++i)
        if (source_[i] == '\n') line_starts_.push_back(i + 1);
    }
    if (mark.line < 0 || static_cast<std::size_t>(mark.line) >= line_starts_.size() || mark.column < 0)
      return;
    const std::size_t start =
        line_starts_[static_cast<std::size_t>(mark.line)] + static_cast<std::size_t>(mark.column);
    if (start >= source_.size() || (source_[start] != '"' && source_[start] != '\'')) return;
    const char quote = source_[start];
    for (std::size_t i = start + 1; i < source_.size(); ++i) {
      if (quote == '"' && source_[i] == '\\') {
        ++i;  // an escape: `\"` does not close
      } else if (source_[i] == quote) {
        if (quote == '\'' && i + 1 < source_.size() && source_[i + 1] == '\'') {
          ++i;  // `''` is a quote inside single quotes
        } else {
          return;
        }
      }
    }
    throw LimitReached{
        {to_mark(mark), fmt::format("invalid YAML: the text in quotes that begins here is never "
                                    "closed: a {} is missing at its end",
                                    quote == '"' ? "`\"`" : "`'`")}};
  }

  YamlTree::NodeId add(YamlTree::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (tree_.nodes_.size() >= kMaxYamlNodes)
      throw LimitReached{
          {to_mark(mark), fmt::format("more than {} YAML nodes; routine files are small", kMaxYamlNodes)}};
    const auto id = static_cast<YamlTree::NodeId>(tree_.nodes_.size());
    tree_.nodes_.push_back({kind, false, false, false, to_mark(mark), 0, 0});
    if (anchor != 0) {
      if (anchor_targets_.size() <= anchor) {
        anchor_targets_.resize(anchor + 1);
        anchor_names_.resize(anchor + 1);
      }
      anchor_targets_[anchor] = id;
      anchor_names_[anchor] = std::move(next_anchor_name_);
    }
    if (open_.empty()) {
      tree_.root_ = id;
    } else {
      pending_.push_back(id);
    }
    return id;
  }

  void open(YamlTree::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (open_.size() >= static_cast<std::size_t>(kMaxYamlDepth))
      throw LimitReached{{to_mark(mark), fmt::format("nesting deeper than {} levels", kMaxYamlDepth)}};
    const YamlTree::NodeId id = add(kind, mark, anchor);
    tree_.nodes_[id].open = true;
    open_.push_back({id, pending_.size()});
  }

  void close() {
    const OpenCollection collection = open_.back();
    open_.pop_back();
    YamlTree::Node& node = tree_.nodes_[collection.node];
    node.open = false;
    node.first = static_cast<std::uint32_t>(tree_.children_.size());
    node.count = static_cast<std::uint32_t>(pending_.size() - collection.first_pending);
    const auto first = pending_.begin() + static_cast<std::ptrdiff_t>(collection.first_pending);
    tree_.children_.insert(tree_.children_.end(), first, pending_.end());
    pending_.erase(first, pending_.end());
  }

  YamlTree& tree_;
  std::string_view source_;
  std::vector<std::size_t> line_starts_;  // of source_, once a quoted scalar needs them
  int documents_ = 0;
  std::vector<OpenCollection> open_;
  std::vector<YamlTree::NodeId> pending_;  // children of the open collections, in order
  std::vector<YamlTree::NodeId> anchor_targets_;
  std::vector<std::string> anchor_names_;
  std::string next_anchor_name_;
};

std::string_view YamlTree::scalar(NodeId id) const {
  const Node& n = node(resolve(id));
  return std::string_view(text_).substr(n.first, n.count);
}

std::span<const YamlTree::NodeId> YamlTree::children(NodeId id) const {
  const Node& n = node(resolve(id));
  if (n.kind != Kind::sequence && n.kind != Kind::map) return {};
  return std::span<const NodeId>(children_).subspan(n.first, n.count);
}

std::variant<YamlTree, YamlError> parse_yaml(std::string_view text) {
  YamlTree tree;
  YamlTreeBuilder builder(tree, text);
  std::istringstream input{std::string(text)};
  try {
    YAML::Parser parser(input);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const LimitReached& limit) {
    return limit.error;
  } catch (const YAML::Exception& e) {
    if (auto unclosed = builder.unclosed_flow(e.msg)) return std::move(*unclosed);
    return YamlError{to_mark(e.mark), fmt::format("invalid YAML: {}", e.msg)};
  }
  builder.finish();
  return tree;
}

std::string describe_node(const YamlTree& tree, YamlTree::NodeId node) {
  switch (tree.kind(node)) {
    case YamlTree::Kind::null:
      return "empty";
    case YamlTree::Kind::sequence:
      return "a list";
    case YamlTree::Kind::map:
      return "a map";
    case YamlTree::Kind::scalar:
      break;
  }
  constexpr std::size_t kShown = 40;
  std::string_view text = tree.scalar(node);
  const bool cut = text.size() > kShown || text.find('\n') != std::string_view::npos;
  if (cut) text = text.substr(0, std::min(kShown, text.find('\n')));
  return fmt::format("`{}{}`", text, cut ? "..." : "");
}

}  // namespace psoas
