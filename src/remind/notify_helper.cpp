#include "remind/notify_helper.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "remind/desktop_notifier.hpp"

namespace psoas {
namespace {

constexpr std::chrono::milliseconds kButtonWait = std::chrono::minutes(30);

void report(const std::string& line) {
  const std::string text = line + "\n";
  if (::write(STDOUT_FILENO, text.data(), text.size()) < 0) return;  // nobody waits for it any more
}

}  // namespace

int run_notify_helper(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  std::size_t separator = 0;
  while (separator < args.size() && args[separator] != "--") ++separator;
  // SUMMARY BODY alone: a notice with no buttons, and nothing to wait for.
  const bool notice = args.size() == 2;
  if (!notice && (args.size() < 2 || separator < 2 || separator + 1 >= args.size())) {
    std::fputs("usage: psoas-notify SUMMARY BODY [KEY=LABEL... -- COMMAND ARG...]\n", stderr);
    return 2;
  }
  DesktopNotification notification{std::string(args[0]), std::string(args[1]), {}};
  for (std::size_t i = 2; i < separator; ++i) {
    const auto equals = args[i].find('=');
    if (equals == std::string_view::npos) continue;
    notification.actions.emplace_back(args[i].substr(0, equals), args[i].substr(equals + 1));
  }
  std::string why;
  const auto notifier = DesktopNotifier::connect(why);
  const auto shown = notifier ? notifier->show(notification, kNotifyAnswerTimeout, why) : std::nullopt;
  if (!shown) {
    report("unshown: " + why);
    return 0;
  }
  report("shown " + std::to_string(*shown));
  ::close(STDOUT_FILENO);  // whoever waits for that line goes on now
  if (notice) return 0;
  const auto action = notifier->wait_for_action(*shown, kButtonWait);
  if (!action) return 0;
  std::vector<std::string> command(args.begin() + static_cast<long>(separator) + 1, args.end());
  command.push_back(*action);
  std::vector<char*> pointers;
  for (std::string& word : command) pointers.push_back(word.data());
  pointers.push_back(nullptr);
  ::execv(pointers[0], pointers.data());
  std::perror("psoas-notify: cannot run the command for the button");
  return 1;
}

}  // namespace psoas
