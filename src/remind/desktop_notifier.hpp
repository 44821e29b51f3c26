#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

// Desktop notifications through D-Bus: org.freedesktop.Notifications on the
// session bus, the standard every Linux desktop implements.
namespace psoas {

struct DesktopNotification {
  std::string summary;
  std::string body;
  std::vector<std::pair<std::string, std::string>> actions;  // key and button label, in order
};

// How long a notification service may take to answer: D-Bus's own default for
// a call, so that a service the bus starts on demand (dunst, mako) has time to.
constexpr std::chrono::seconds kNotifyAnswerTimeout{25};

class DesktopNotifier {
 public:
  // Connects to the session bus ($DBUS_SESSION_BUS_ADDRESS, else
  // $XDG_RUNTIME_DIR/bus); nothing, and `why`, when there is none.
  static std::unique_ptr<DesktopNotifier> connect(std::string& why);
  virtual ~DesktopNotifier() = default;

  // Shows a notification: its id, or nothing and `why` (no notification
  // service on the bus, or none answered within `timeout`).
  virtual std::optional<std::uint32_t> show(const DesktopNotification& notification,
                                            std::chrono::milliseconds timeout, std::string& why) = 0;

  // Waits for a button of notification `id`: its key, or nothing when the
  // notification was closed or `timeout` passed first.
  virtual std::optional<std::string> wait_for_action(std::uint32_t id, std::chrono::milliseconds timeout) = 0;
};

}  // namespace psoas
