#include "ui/manual.hpp"

#include <algorithm>

#include "ui/manual_source.hpp"
#include "ui/text.hpp"

namespace psoas {
namespace {

constexpr std::size_t kBodyIndent = 4;
constexpr std::size_t kNestedIndent = 4;

// The escapes psoas(1) uses, as the characters they stand for.
std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    const char next = text[++i];
    if (next == '&') continue;  // a zero-width escape, to keep a dot or word from being read as a macro
    if (next == ' ') {
      out += ' ';
    } else if (next == '-') {
      out += '-';
    } else if (next == 'e') {
      out += '\\';
    } else if (next == '(' && i + 2 < text.size()) {
      const std::string_view name = text.substr(i + 1, 2);
      i += 2;
      out += name == "->"                   ? "→"
             : name == "<-"                 ? "←"
             : name == "md" || name == "em" ? "—"
             : name == "pc"                 ? "·"
                                            : "?";
    } else {
      out += next;
    }
  }
  return out;
}

// A macro line's words: quoted strings stay one word.
std::vector<std::string> split_macro_line(std::string_view line) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i == line.size()) break;
    std::string word;
    if (line[i] == '"') {
      for (++i; i < line.size() && line[i] != '"'; ++i) word += line[i];
      ++i;
    } else {
      for (; i < line.size() && line[i] != ' '; ++i) {
        if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == ' ') {
          word += "\\ ";
          ++i;
          continue;
        }
        word += line[i];
      }
    }
    words.push_back(std::move(word));
  }
  return words;
}

bool is_closing(std::string_view word) {
  return !word.empty() && word.find_first_not_of(".,:;)]?!") == std::string_view::npos;
}

bool is_opening(std::string_view word) {
  return word == "(" || word == "[";
}

const std::vector<std::string_view>& callable_macros() {
  static const std::vector<std::string_view> kMacros = {"Fl", "Ar", "Cm", "Ic", "Ql", "Dq", "Op", "Pq",
                                                        "No", "Ns", "Ev", "Pa", "Sx", "Nm", "Oo", "Oc",
                                                        "Po", "Pc", "Do", "Dc", "Em", "Sy", "Xr", "Sq"};
  return kMacros;
}

bool is_macro(std::string_view word) {
  const auto& macros = callable_macros();
  return std::find(macros.begin(), macros.end(), word) != macros.end();
}

// Inline text being built: words joined with spaces, but punctuation and
// what `Ns` asks for joined without.
class Inline {
 public:
  void word(std::string text, bool glue = false) {
    if (text.empty()) return;
    if (!out_.empty() && !glue && !glue_next_ && !is_closing(text)) out_ += ' ';
    out_ += text;
    glue_next_ = is_opening(text);
  }
  void glue_next() { glue_next_ = true; }
  [[nodiscard]] const std::string& text() const { return out_; }

 private:
  std::string out_;
  bool glue_next_ = false;
};

// The words of a macro line from `begin` to `end`, with the inline macros in them applied.
std::string render_inline(const std::vector<std::string>& words, std::size_t begin, std::size_t end) {
  Inline out;
  std::string_view mode;  // the macro whose arguments follow: Fl prefixes them with a dash
  for (std::size_t i = begin; i < end; ++i) {
    const std::string& word = words[i];
    if (word == "|") {  // mdoc's separator of alternatives: no flag's dash, and the flag ends
      out.word(word);
      mode = {};
      continue;
    }
    if (!is_macro(word)) {
      const std::string text = unescape(word);
      out.word(mode == "Fl" && !is_closing(word) ? "-" + text : text);
      continue;
    }
    mode = word;
    if (word == "Ns") {
      out.glue_next();
    } else if (word == "Nm" && (i + 1 == end || is_macro(words[i + 1]) || is_closing(words[i + 1]))) {
      out.word("psoas");
    } else if (word == "Fl" && (i + 1 == end || is_macro(words[i + 1]) || is_closing(words[i + 1]))) {
      out.word("-");
    } else if (word == "Oo" || word == "Po" || word == "Do") {
      out.word(word == "Oo" ? "[" : word == "Po" ? "(" : "“");
      out.glue_next();
    } else if (word == "Oc" || word == "Pc" || word == "Dc") {
      out.word(word == "Oc" ? "]" : word == "Pc" ? ")" : "”", true);
    } else if (word == "Dq" || word == "Op" || word == "Pq" || word == "Ql" || word == "Sq") {
      // These enclose the rest of the line, but for its closing punctuation.
      std::size_t last = end;
      while (last > i + 1 && is_closing(words[last - 1])) --last;
      const std::string inner = render_inline(words, i + 1, last);
      const std::string open = word == "Dq" ? "“" : word == "Op" ? "[" : word == "Pq" ? "(" : "‘";
      const std::string close = word == "Dq" ? "”" : word == "Op" ? "]" : word == "Pq" ? ")" : "’";
      out.word(open + inner + close);
      for (std::size_t k = last; k < end; ++k) out.word(unescape(words[k]));
      break;
    }
  }
  return out.text();
}

// Renders the lines of one section.
class Renderer {
 public:
  explicit Renderer(std::size_t width) : width_(std::max<std::size_t>(width, 40)) {}

  void section(std::string_view title) { out_ += std::string(title) + "\n"; }

  void line(std::string_view line) {
    if (literal_) {
      if (line.starts_with(".Ed")) {
        literal_ = false;
        blank();
      } else {
        out_ += std::string(indent() + kNestedIndent, ' ') + unescape(line) + "\n";
      }
      return;
    }
    if (!line.starts_with('.')) {
      add_text(unescape(line));
      return;
    }
    const std::vector<std::string> words = split_macro_line(line.substr(1));
    if (words.empty()) return;
    const std::string& macro = words.front();
    if (macro == "Ss") {
      flush();
      blank();
      out_ += "  " + render_inline(words, 1, words.size()) + "\n";
    } else if (macro == "Pp") {
      flush();
      blank();
    } else if (macro == "Bl") {
      flush();
      const bool compact = std::find(words.begin(), words.end(), "-compact") != words.end();
      const ListKind kind = std::find(words.begin(), words.end(), "-bullet") != words.end() ? ListKind::bullet
                            : std::find(words.begin(), words.end(), "-enum") != words.end()
                                ? ListKind::numbered
                                : ListKind::tagged;
      lists_.push_back({indent(), compact, 0, kind});
    } else if (macro == "El") {
      flush();
      if (!lists_.empty()) lists_.pop_back();
      blank();
    } else if (macro == "It") {
      flush();
      List& list = lists_.empty() ? top_level_ : lists_.back();
      if (list.items++ > 0 && !list.compact) blank();
      // A bullet or a number starts the item's first paragraph.
      if (list.kind == ListKind::bullet) add_text("•");
      if (list.kind == ListKind::numbered) add_text(std::to_string(list.items) + ".");
      if (list.kind == ListKind::tagged)
        out_ += wrap_lines(render_inline(words, 1, words.size()), list.indent, list.indent + kNestedIndent);
    } else if (macro == "Dl") {
      flush();
      out_ += std::string(indent() + kNestedIndent, ' ') + render_inline(words, 1, words.size()) + "\n";
    } else if (macro == "Bd") {
      flush();
      literal_ = true;
    } else if (macro == "Ns") {
      add_text(render_inline(words, 1, words.size()), true);
    } else if (is_macro(macro)) {
      add_text(render_inline(words, 0, words.size()));
    }
    // .Dd, .Dt, .Os, .Nd and the like say nothing a reader needs here.
  }

  std::string finish() {
    flush();
    while (out_.ends_with("\n\n")) out_.pop_back();
    return out_;
  }

 private:
  enum class ListKind : unsigned char { tagged, bullet, numbered };
  struct List {
    std::size_t indent;
    bool compact;
    int items;
    ListKind kind;
  };

  [[nodiscard]] std::size_t indent() const {
    if (lists_.empty()) return kBodyIndent;
    return lists_.back().indent + kNestedIndent;
  }

  void add_text(const std::string& text, bool glue = false) {
    if (text.empty()) return;
    // Text after an opening bracket, or a closing one, joins without a space, across lines too.
    const bool joins = glue || std::string_view(".,:;)]?!").find(text.front()) != std::string_view::npos ||
                       text.starts_with("”") || paragraph_.ends_with('(') || paragraph_.ends_with('[') ||
                       paragraph_.ends_with("“");
    if (!paragraph_.empty() && !joins) paragraph_ += ' ';
    paragraph_ += text;
  }

  void flush() {
    if (paragraph_.empty()) return;
    out_ += wrap_lines(paragraph_, indent(), indent());
    paragraph_.clear();
  }

  void blank() {
    if (!out_.empty() && !out_.ends_with("\n\n")) out_ += '\n';
  }

  [[nodiscard]] std::string wrap_lines(const std::string& text, std::size_t first, std::size_t rest) const {
    std::string out;
    const auto lines = wrap(text, width_ > rest + 20 ? width_ - rest : 20);
    for (std::size_t i = 0; i < lines.size(); ++i)
      out += std::string(i == 0 ? first : rest, ' ') + lines[i] + "\n";
    return out;
  }

  std::size_t width_;
  std::string out_;
  std::string paragraph_;
  std::vector<List> lists_;
  List top_level_{kBodyIndent, false, 0, ListKind::tagged};
  bool literal_ = false;
};

}  // namespace

const std::vector<ManualTopic>& manual_topics() {
  static const std::vector<ManualTopic> kTopics = {
      {"commands", "COMMANDS", "every command and its options"},
      {"keys", "KEYS", "the keys of a run"},
      {"reminders", "REMINDERS", "when a reminder is due, and reminders.yaml"},
      {"plans", "PLANS", "plan files, weeks kept, holds that grow, favouring the tighter side"},
      {"format", "ROUTINE FORMAT", "how a routine file is written: every key, durations, sides"},
      {"figures", "FIGURES", "the figure files that draw each pose, and where they are found"},
      {"audio", "AUDIO TRACK", "what export --audio says and rings, and when"},
      {"json", "JSON OUTPUT",
       "the JSON that list, card, check, log, stats, today, remind and run --events write"},
      {"environment", "ENVIRONMENT", "the environment variables psoas reads"},
      {"files", "FILES", "where routines, the history and the cache are kept"},
      {"exit", "EXIT STATUS", "what each exit status means"},
      {"examples", "EXAMPLES", "a few command lines to start from"},
      {"sources", "SOURCES", "the articles the built-in routines cite as 000 to 004"},
      {"caveats", "CAVEATS", "what psoas is not"},
  };
  return kTopics;
}

const ManualTopic* find_topic(std::string_view name) {
  for (const ManualTopic& topic : manual_topics())
    if (topic.name == name) return &topic;
  return nullptr;
}

std::optional<std::string> render_manual_section(std::string_view source, std::string_view section,
                                                 std::size_t width) {
  Renderer renderer(width);
  bool inside = false;
  bool found = false;
  while (!source.empty()) {
    const auto end = source.find('\n');
    const std::string_view line = source.substr(0, end);
    source.remove_prefix(end == std::string_view::npos ? source.size() : end + 1);
    if (line.starts_with(".Sh ")) {
      if (inside) break;
      const auto words = split_macro_line(line.substr(4));
      std::string title;
      for (const std::string& word : words) title += (title.empty() ? "" : " ") + word;
      inside = title == section;
      if (inside) {
        found = true;
        renderer.section(title);
      }
      continue;
    }
    if (inside) renderer.line(line);
  }
  if (!found) return std::nullopt;
  return renderer.finish();
}

std::string_view manual_source() {
  return kManualSource;
}

}  // namespace psoas
