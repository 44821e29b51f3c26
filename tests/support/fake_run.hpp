#pragma once

#include <deque>
#include <stdexcept>
#include <vector>

#include "run/clock.hpp"
#include "run/events.hpp"
#include "run/input.hpp"

namespace psoas::testing {

using namespace std::chrono_literals;

class FakeClock final : public Clock {
 public:
  Instant now() override { return now_; }
  void set(Instant when) { now_ = when; }
  // The time since the clock began, as tests state their expectations.
  [[nodiscard]] Nanos elapsed() const { return now_.time_since_epoch(); }

 private:
  Instant now_{};
};

// The moment `t` after the fake clock began.
inline Instant at(Nanos t) {
  return Instant(t);
}

// Input that arrives at given times on a fake clock. Waiting moves the clock
// forward instead of sleeping, so a whole run takes no real time.
class ScriptedInput final : public InputSource {
 public:
  struct Scheduled {
    Instant at;
    InputEvent event;
  };

  ScriptedInput(FakeClock& clock, std::vector<Scheduled> script, Nanos oversleep = 0ns)
      : clock_(clock), script_(script.begin(), script.end()), oversleep_(oversleep) {}

  std::optional<InputEvent> wait(std::optional<Nanos> timeout) override {
    const Instant now = clock_.now();
    if (!script_.empty() && (!timeout || script_.front().at <= now + *timeout)) {
      clock_.set(std::max(now, script_.front().at));
      const InputEvent event = script_.front().event;
      script_.pop_front();
      return event;
    }
    if (!timeout) throw std::logic_error("the run waits for input that never comes");
    ++waits_;
    clock_.set(now + *timeout + oversleep_);  // a sleeper that wakes late
    return std::nullopt;
  }

  void suspend_process() override { ++suspensions_; }

  [[nodiscard]] int suspensions() const { return suspensions_; }
  [[nodiscard]] int timed_waits() const { return waits_; }

 private:
  FakeClock& clock_;
  std::deque<Scheduled> script_;
  Nanos oversleep_;
  int suspensions_ = 0;
  int waits_ = 0;
};

inline InputEvent key(char c) {
  return {InputEvent::Kind::key, Key::of(static_cast<char32_t>(c)), 0};
}
inline InputEvent key(Key::Code code) {
  return {InputEvent::Kind::key, Key{code, 0}, 0};
}
inline InputEvent signal_event(InputEvent::Kind kind, int signal = 0) {
  return {kind, {}, signal};
}

// Keeps every event with the state it came with, and the time on the clock.
class RecordingSink final : public RunSink {
 public:
  explicit RecordingSink(Clock& clock) : clock_(clock) {}

  struct Record {
    RunEvent event;
    RunState state;
    Instant at;
  };

  void on_event(const RunEvent& event, const RunState& state) override {
    records.push_back({event, state, clock_.now()});
  }
  void on_settled(const RunState&) override { ++settled; }

  [[nodiscard]] std::vector<Record> of(RunEventKind kind) const {
    std::vector<Record> found;
    for (const Record& record : records)
      if (record.event.kind == kind) found.push_back(record);
    return found;
  }

  std::vector<Record> records;
  int settled = 0;

 private:
  Clock& clock_;
};

}  // namespace psoas::testing
