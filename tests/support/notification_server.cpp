// A stand-in desktop notification service for the tests: it owns
// org.freedesktop.Notifications on the session bus it is given, writes each
// Notify call as a line of JSON to a file, and answers each notification by
// pressing a button (ActionInvoked, then NotificationClosed), or by closing
// it, as its command line says.
//
//   psoas_test_notifications RECORD_FILE ANSWER [DELAY_MS]
//
// ANSWER is an action key ("start", "snooze", "skip"), "close", or "none"
// (leave the notification open). DELAY_MS makes it that slow to answer each
// Notify, as a service being started is. It runs until SIGTERM.
#include <poll.h>
#include <signal.h>
#include <time.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <sdbus-c++/sdbus-c++.h>

namespace {

constexpr const char* kInterface = "org.freedesktop.Notifications";
volatile std::sig_atomic_t g_stop = 0;

void on_stop(int) {
  g_stop = 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::fputs("usage: psoas_test_notifications RECORD_FILE ANSWER [DELAY_MS]\n", stderr);
    return 2;
  }
  const std::string record = argv[1];
  const std::string answer = argv[2];
  const std::chrono::milliseconds delay(argc == 4 ? std::stoi(argv[3]) : 0);
  std::signal(SIGTERM, on_stop);
  std::signal(SIGINT, on_stop);
  auto connection = sdbus::createSessionBusConnection(kInterface);
  auto object = sdbus::createObject(*connection, "/org/freedesktop/Notifications");
  std::uint32_t next_id = 0;
  std::vector<std::uint32_t> to_answer;
  object->registerMethod("Notify")
      .onInterface(kInterface)
      .implementedAs([&](const std::string& app, std::uint32_t replaces, const std::string& icon,
                         const std::string& summary, const std::string& body,
                         const std::vector<std::string>& actions,
                         const std::map<std::string, sdbus::Variant>& hints,
                         std::int32_t timeout) -> std::uint32_t {
        std::this_thread::sleep_for(delay);
        const std::uint32_t id = ++next_id;
        nlohmann::json line = {{"id", id},           {"app_name", app},          {"replaces_id", replaces},
                               {"app_icon", icon},   {"summary", summary},       {"body", body},
                               {"actions", actions}, {"expire_timeout", timeout}};
        line["hints"] = nlohmann::json::array();
        for (const auto& [key, value] : hints) line["hints"].push_back(key);
        std::ofstream(record, std::ios::app) << line.dump() << "\n";
        to_answer.push_back(id);
        return id;
      });
  object->registerMethod("GetCapabilities").onInterface(kInterface).implementedAs([] {
    return std::vector<std::string>{"actions", "body"};
  });
  object->registerMethod("GetServerInformation").onInterface(kInterface).implementedAs([] {
    return std::make_tuple(std::string("psoas-test"), std::string("psoas"), std::string("1"),
                           std::string("1.2"));
  });
  object->registerMethod("CloseNotification").onInterface(kInterface).implementedAs([](std::uint32_t) {});
  object->registerSignal("ActionInvoked")
      .onInterface(kInterface)
      .withParameters<std::uint32_t, std::string>();
  object->registerSignal("NotificationClosed")
      .onInterface(kInterface)
      .withParameters<std::uint32_t, std::uint32_t>();
  object->finishRegistration();
  std::fputs("ready\n", stdout);
  std::fflush(stdout);
  while (!g_stop) {
    while (connection->processPendingRequest()) {
    }
    // Answers go after the reply to Notify, as a person's click would.
    for (const std::uint32_t id : to_answer) {
      if (answer == "none") continue;
      if (answer != "close")
        object->emitSignal("ActionInvoked").onInterface(kInterface).withArguments(id, answer);
      object->emitSignal("NotificationClosed").onInterface(kInterface).withArguments(id, std::uint32_t{2});
    }
    to_answer.clear();
    const auto data = connection->getEventLoopPollData();
    pollfd fd{data.fd, data.events, 0};
    ::poll(&fd, 1, 100);
  }
  return 0;
}
