#pragma once

#include <string>
#include <string_view>

namespace psoas {

// This program's own path, for the units and crontab lines that run it.
std::string own_program();

// This binary as a cache knows it (version, size, modification time): a
// rebuilt psoas may read files differently, so it starts its caches afresh.
std::string binary_identity();

// A program that comes with psoas, such as psoas-notify or psoas-print:
// beside psoas in a build tree, in libexec/psoas once installed.
std::string companion_program(std::string_view name);

// psoas-notify, the program that shows notifications.
inline std::string notify_program() {
  return companion_program("psoas-notify");
}

}  // namespace psoas
