#include "base/xdg.hpp"

#include <doctest/doctest.h>

using namespace psoas;

TEST_CASE("XDG folders: an absolute variable wins, an empty or relative one falls back to HOME") {
  const XdgEnvironment set{"/home/me", "/cfg", "/state", "/cache"};
  CHECK(config_folder(set) == "/cfg/psoas");
  CHECK(state_folder(set) == "/state/psoas");
  CHECK(cache_folder(set) == "/cache/psoas");
  const XdgEnvironment fallback{"/home/me", "", "relative", std::nullopt};
  CHECK(config_folder(fallback) == "/home/me/.config/psoas");
  CHECK(config_home(fallback) == "/home/me/.config");
  CHECK(state_folder(fallback) == "/home/me/.local/state/psoas");
  CHECK(cache_folder(fallback) == "/home/me/.cache/psoas");
  CHECK_FALSE(state_folder(XdgEnvironment{"", std::nullopt, std::nullopt, std::nullopt}));
}
