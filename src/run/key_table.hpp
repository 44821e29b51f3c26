#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "run/input.hpp"

namespace psoas {

// What a key does during a run.
enum class RunAction : unsigned char { pause, skip, back, add_time, tick, setup, quit, help };

// One row of the key table, tmux-style: the runner dispatches from it, and
// the help overlay, the footer, --help, the README and the man page are all
// drawn from it.
struct KeyBinding {
  RunAction action;
  std::vector<Key> keys;
  std::string_view keys_text;     // "space, p"
  std::string_view footer;        // in the footer of a timed segment ("space pause"), or empty
  std::string_view check_footer;  // in the footer of a checklist step, or empty
  std::string_view description;   // "pause or resume"
};

// Every key a run reads, in the order help lists them.
const std::vector<KeyBinding>& run_key_table();

// The binding of `key`, if it has one.
const KeyBinding* binding_for(const Key& key);

}  // namespace psoas
