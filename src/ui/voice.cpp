#include "ui/voice.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>
#include <spawn.h>

namespace psoas {
namespace {

std::string find_on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "/usr/bin:/bin";
  while (!rest.empty()) {
    const auto colon = rest.find(':');
    const std::filesystem::path candidate = std::filesystem::path(rest.substr(0, colon)) / program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return {};
}

}  // namespace

Voice::Voice(const Timeline& timeline, std::string program)
    : timeline_(timeline), program_path_(find_on_path(program)) {}

Voice::~Voice() {
  for (const pid_t pid : children_) {
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
  }
}

std::string Voice::phrase_for(const Timeline& timeline, std::size_t index) {
  const Segment& segment = timeline.segments[index];
  const PlannedStep& planned = timeline.steps[segment.step];
  const Step& step = planned.step;
  const std::string side =
      segment.side == Side::none ? "" : fmt::format(", {} side", to_string(segment.side));
  const bool first_of_step = index == planned.first_segment;
  switch (segment.kind) {
    case SegmentKind::prepare:
      return fmt::format("Get ready: {}{}.", step.name, side);
    case SegmentKind::hold: {
      std::string phrase =
          first_of_step ? fmt::format("{}{}. Hold.", step.name, side) : fmt::format("Hold{}.", side);
      if (segment.rep == 1)  // cues once per side, not at every rep
        for (const std::string& cue : step.cues) phrase += fmt::format(" {}.", cue);
      return phrase;
    }
    case SegmentKind::rest:
      return "Rest.";
    case SegmentKind::switch_sides:
      return fmt::format("Switch sides{}.", side);
    case SegmentKind::check:
      return fmt::format("{}. Press enter when done.", step.name);
  }
  return "";
}

void Voice::on_event(const RunEvent& event, const RunState& state) {
  reap();
  if (!available()) return;
  if (event.kind == RunEventKind::segment && state.phase == RunPhase::running) {
    say(phrase_for(timeline_, event.segment));
  } else if (event.kind == RunEventKind::finished) {
    say("Done. Well done.");
  }
}

void Voice::say(const std::string& text) {
  if (text.empty()) return;
  for (const pid_t pid : children_) ::kill(pid, SIGTERM);  // the timer has moved on

  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  for (const int fd : {0, 1, 2})
    posix_spawn_file_actions_addopen(&files, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // The child starts with no signal blocked and default handlers, whatever the run's.
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &all);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::string program = program_path_;
  std::string separator = "--";
  std::string phrase = text;
  char* argv[] = {program.data(), separator.data(), phrase.data(), nullptr};
  pid_t pid = -1;
  if (::posix_spawn(&pid, program.c_str(), &files, &attributes, argv, environ) == 0) children_.push_back(pid);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&files);
}

void Voice::reap() {
  std::erase_if(children_, [](pid_t pid) { return ::waitpid(pid, nullptr, WNOHANG) != 0; });
}

}  // namespace psoas
