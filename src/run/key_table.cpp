#include "run/key_table.hpp"

#include <algorithm>

namespace psoas {

const std::vector<KeyBinding>& run_key_table() {
  using Code = Key::Code;
  static const std::vector<KeyBinding> kTable = {
      {RunAction::pause,
       {Key::of(' '), Key::of('p'), Key::of('P')},
       "space, p",
       "space pause",
       "",
       "pause or resume (on a checklist step, space ticks it off)"},
      {RunAction::skip,
       {Key::of('n'), Key::of('N'), {Code::right, 0}},
       "n, →",
       "n skip",
       "n skip",
       "skip the segment"},
      {RunAction::back,
       {Key::of('b'), Key::of('B'), {Code::left, 0}},
       "b, ←",
       "b back",
       "b back",
       "restart the segment; pressed again within 2 s, go back one more"},
      {RunAction::add_time,
       {Key::of('+'), Key::of('='), Key::of('-'), Key::of('_')},
       "+, -",
       "+/- 10s",
       "",
       "add or take 10 seconds"},
      {RunAction::tick, {{Code::enter, 0}}, "Enter", "", "Enter or space: done", "tick off a checklist step"},
      {RunAction::setup, {Key::of('i'), Key::of('I')}, "i", "i setup", "", "show the setup again"},
      {RunAction::quit,
       {Key::of('q'), Key::of('Q')},
       "q",
       "q quit",
       "q quit",
       "quit; after the first 10 s it asks first, and y quits"},
      {RunAction::help,
       {Key::of('?'), Key::of('h')},
       "?",
       "? keys",
       "? keys",
       "show the keys (the countdown waits meanwhile)"},
  };
  return kTable;
}

const KeyBinding* binding_for(const Key& key) {
  for (const KeyBinding& binding : run_key_table())
    if (std::find(binding.keys.begin(), binding.keys.end(), key) != binding.keys.end()) return &binding;
  return nullptr;
}

}  // namespace psoas
