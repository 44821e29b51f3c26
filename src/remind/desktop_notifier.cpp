#include "remind/desktop_notifier.hpp"

#include <poll.h>
#include <time.h>

#include <map>

#include <fmt/format.h>
#include <sdbus-c++/sdbus-c++.h>

namespace psoas {
namespace {

constexpr const char* kService = "org.freedesktop.Notifications";
constexpr const char* kPath = "/org/freedesktop/Notifications";
constexpr const char* kInterface = "org.freedesktop.Notifications";

std::uint64_t monotonic_usec() {
  timespec ts{};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<std::uint64_t>(ts.tv_sec) * 1'000'000 + static_cast<std::uint64_t>(ts.tv_nsec) / 1000;
}

class BusNotifier final : public DesktopNotifier {
 public:
  explicit BusNotifier(std::unique_ptr<sdbus::IConnection> connection)
      : connection_(std::move(connection)), proxy_(sdbus::createProxy(*connection_, kService, kPath)) {
    // Listen before the first Notify: a server may answer at once.
    proxy_->uponSignal("ActionInvoked")
        .onInterface(kInterface)
        .call([this](std::uint32_t id, const std::string& key) {
          if (!answers_.contains(id)) answers_[id] = key;
        });
    proxy_->uponSignal("NotificationClosed")
        .onInterface(kInterface)
        .call([this](std::uint32_t id, std::uint32_t /*reason*/) {
          if (!answers_.contains(id)) answers_[id] = std::nullopt;
        });
    proxy_->finishRegistration();
  }

  std::optional<std::uint32_t> show(const DesktopNotification& notification,
                                    std::chrono::milliseconds timeout, std::string& why) override {
    std::vector<std::string> actions;
    for (const auto& [key, label] : notification.actions) {
      actions.push_back(key);
      actions.push_back(label);
    }
    const std::map<std::string, sdbus::Variant> hints = {
        {"category", sdbus::Variant(std::string("x-psoas.reminder"))},
        {"urgency", sdbus::Variant(std::uint8_t{1})}};
    try {
      std::uint32_t id = 0;
      proxy_->callMethod("Notify")
          .onInterface(kInterface)
          .withTimeout(timeout)
          .withArguments(std::string("psoas"), std::uint32_t{0}, std::string(), notification.summary,
                         notification.body, actions, hints, std::int32_t{-1})
          .storeResultsTo(id);
      return id;
    } catch (const sdbus::Error& error) {
      why = error.getName() == "org.freedesktop.DBus.Error.ServiceUnknown"
                ? "no notification service on the session bus"
                : fmt::format("the notification service did not answer ({})", error.getName());
      return std::nullopt;
    }
  }

  std::optional<std::string> wait_for_action(std::uint32_t id, std::chrono::milliseconds timeout) override {
    const std::uint64_t deadline =
        monotonic_usec() + static_cast<std::uint64_t>(std::chrono::microseconds(timeout).count());
    try {
      for (;;) {
        while (connection_->processPendingRequest()) {
        }
        if (const auto found = answers_.find(id); found != answers_.end()) return found->second;
        const std::uint64_t now = monotonic_usec();
        if (now >= deadline) return std::nullopt;
        const auto poll_data = connection_->getEventLoopPollData();
        std::uint64_t wait = deadline - now;
        if (poll_data.timeout_usec != UINT64_MAX)
          wait = std::min(wait, poll_data.timeout_usec > now ? poll_data.timeout_usec - now : 0);
        pollfd fd{poll_data.fd, poll_data.events, 0};
        ::poll(&fd, 1, static_cast<int>(std::min<std::uint64_t>(wait / 1000 + 1, 60'000)));
      }
    } catch (const sdbus::Error&) {
      return std::nullopt;  // the bus went away: nobody can press a button now
    }
  }

 private:
  std::unique_ptr<sdbus::IConnection> connection_;
  std::unique_ptr<sdbus::IProxy> proxy_;
  std::map<std::uint32_t, std::optional<std::string>> answers_;
};

}  // namespace

std::unique_ptr<DesktopNotifier> DesktopNotifier::connect(std::string& why) {
  try {
    return std::make_unique<BusNotifier>(sdbus::createSessionBusConnection());
  } catch (const sdbus::Error& error) {
    why =
        fmt::format("no session bus ({})", error.getMessage().empty() ? error.getName() : error.getMessage());
    return nullptr;
  }
}

}  // namespace psoas
