#include "load/authoring.hpp"

#include <variant>
#include <vector>

#include <fmt/format.h>

#include "load/yaml_tree.hpp"

namespace psoas {
namespace {

constexpr std::string_view kSchemaMarker = "# yaml-language-server: $schema=";

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto end = text.find('\n');
    lines.push_back(text.substr(0, end == std::string_view::npos ? text.size() : end + 1));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace

std::string schema_comment(std::string_view schema_url) {
  return fmt::format("{}{}\n", kSchemaMarker, schema_url);
}

std::string starter_routine(std::string_view name, std::optional<std::string_view> schema_url) {
  std::string text = schema_url ? schema_comment(*schema_url) : std::string();
  text += fmt::format(R"(# A psoas routine. `psoas check {0}` checks it, `psoas run {0}` runs it,
# `psoas edit {0}` opens it again. `man psoas` describes every key.
name: {0}
title: My routine
summary: >
  What this routine is for, in a sentence or two.
tags: [hips]
often: daily        # how often to do it, in a few words
tracks: hip flexor  # what the sides work: ratings ask about the "left hip flexor"
equipment: [mat]
cautions:
  - Warm up first, with a few minutes of easy movement.
  - Breathe steadily; never hold your breath.
  - Move slowly and stay in control, with no bouncing.
  - Never push into sharp pain; a stretch should feel mild.
  - See a doctor or physiotherapist before you start, and again if pain persists or gets worse.
  - A hip that snaps, or may be torn or inflamed, is for a clinician, not for stretching.
defaults:
  switch: 5s          # time to change sides
steps:
  - name: Warm up
    hold: until-done  # untimed: Enter ticks it off
    setup: March on the spot until you feel warm.
  - name: Kneeling hip flexor
    hold: 30s         # 45, 45s, 2m, 1m30s, 1:30
    sides: both       # right, then left; a side always names the side of the body the
                      # step works (here the kneeling leg, whose hip flexor is stretched)
    side-label: kneeling leg  # shown beside the side: "left · kneeling leg"
    reps: 2           # holds per side
    rest: 10s         # between two holds on one side
    prepare: 5s       # a get-ready countdown first
    source: program's choice  # where the numbers come from, for the card
    setup:
      - Kneel on one knee, the other foot flat in front, that knee at 90 degrees.
      - Keep your back flat and your chest up.
    cues: [Squeeze the glute of the kneeling leg, Breathe out and ease forward]
    caution: Put a folded blanket under the kneeling knee.
  # - use: butterfly  # every step of another routine
  #   hold: 1m        # ... with its holds set to one minute
)",
                      name);
  return text;
}

std::optional<std::string> renamed_routine(std::string_view text, std::string_view name,
                                           std::optional<std::string_view> schema_url) {
  const auto parsed = parse_yaml(text);
  const auto* tree = std::get_if<YamlTree>(&parsed);
  if (!tree || tree->kind(tree->root()) != YamlTree::Kind::map) return std::nullopt;

  // The line of the top-level `name` key, and of the first key.
  std::optional<int> name_line;
  std::optional<int> first_key_line;
  const auto entries = tree->children(tree->root());
  for (std::size_t i = 0; i + 1 < entries.size(); i += 2) {
    const int line = tree->mark(entries[i]).line;
    if (!first_key_line) first_key_line = line;
    if (tree->kind(entries[i]) == YamlTree::Kind::scalar && tree->scalar(entries[i]) == "name")
      name_line = line;
  }

  const std::string name_line_text = fmt::format("name: {}\n", name);
  std::string out;
  if (schema_url && text.find(kSchemaMarker) == std::string_view::npos) out += schema_comment(*schema_url);
  const auto lines = split_lines(text);
  for (int i = 0; i < static_cast<int>(lines.size()); ++i) {
    if (name_line && i == *name_line) {
      out += name_line_text;
      continue;
    }
    if (!name_line && first_key_line && i == *first_key_line) out += name_line_text;
    out += lines[static_cast<std::size_t>(i)];
  }
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

}  // namespace psoas
