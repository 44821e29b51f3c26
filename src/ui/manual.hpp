#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The reference that `psoas help TOPIC` prints, from the same source as the
// man page: psoas(1) itself, built into the binary, rendered as plain text
// for the sections a topic names.
namespace psoas {

struct ManualTopic {
  std::string_view name;     // what `psoas help` takes: "format"
  std::string_view section;  // the man page's section: "ROUTINE FORMAT"
  std::string_view summary;  // one line for the list of topics
};

// Every topic, in the order `psoas help` lists them.
const std::vector<ManualTopic>& manual_topics();

// The topic named `name`, if there is one.
const ManualTopic* find_topic(std::string_view name);

// The section `section` of the mdoc text `source` (psoas(1)'s macros:
// sections, lists, displays, and the inline ones), as plain text wrapped to
// `width` columns. Nothing when the source has no such section.
std::optional<std::string> render_manual_section(std::string_view source, std::string_view section,
                                                 std::size_t width);

// psoas(1) as built into this binary.
std::string_view manual_source();

}  // namespace psoas
