#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "model/routine.hpp"
#include "plan/timeline.hpp"
#include "run/events.hpp"

namespace psoas {

// Speaks step names, sides, "switch sides" and cues through espeak-ng. Each
// phrase is a child process that is never waited for: speech can lag, the
// timer cannot. A new phrase cuts the last one short.
class Voice final : public RunSink {
 public:
  // `program` is looked up on PATH; available() says whether it was found.
  Voice(const Timeline& timeline, std::string program = "espeak-ng");
  ~Voice() override;
  Voice(const Voice&) = delete;
  Voice& operator=(const Voice&) = delete;

  [[nodiscard]] bool available() const { return !program_path_.empty(); }
  void on_event(const RunEvent& event, const RunState& state) override;

  // What is said as a segment begins ("" for nothing).
  static std::string phrase_for(const Timeline& timeline, std::size_t segment);

 private:
  void say(const std::string& text);
  void reap();

  const Timeline& timeline_;
  std::string program_path_;
  std::vector<pid_t> children_;  // phrases being said, or said and not yet reaped
};

}  // namespace psoas
