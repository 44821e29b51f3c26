// `psoas help [TOPIC]`: the reference, without installing the man page.
#include <unistd.h>

#include <ostream>

#include <fmt/format.h>

#include "base/printable.hpp"
#include "base/process.hpp"
#include "commands/command_line.hpp"
#include "load/suggest.hpp"
#include "ui/manual.hpp"
#include "ui/text.hpp"

namespace psoas {
namespace {

std::string topic_list() {
  std::string out = "psoas help TOPIC prints a part of the reference, psoas(1):\n\n";
  for (const ManualTopic& topic : manual_topics())
    out += fmt::format("  {}  {}\n", pad_right(topic.name, 12), topic.summary);
  out += "\n`man psoas` has all of it, once psoas is installed.\n";
  return out;
}

// On a terminal the text goes through $PAGER (else less, else more), as man does.
void show(const std::string& text, const Environment& environment, const Console& console) {
  if (console.out_info.is_terminal) {
    std::vector<std::vector<std::string>> pagers;
    if (environment.pager && !environment.pager->empty())
      pagers.push_back({"/bin/sh", "-c", *environment.pager});
    pagers.push_back({"less", "-R"});
    pagers.push_back({"more"});
    console.out.flush();
    // A pager that cannot start (127, as a shell says it) gives way to the next.
    for (const auto& pager : pagers)
      if (find_program(pager.front()) || pager.front().starts_with('/'))
        if (const auto status = run_with_input(pager, text); status && *status != 127) return;
  }
  console.out << text;
}

ExitCode show_help(const std::string& topic_name, const Environment& environment, const Console& console) {
  if (topic_name.empty()) {
    console.out << topic_list();
    return ExitCode::ok;
  }
  const ManualTopic* topic = find_topic(topic_name);
  if (!topic) {
    std::vector<std::string> names;
    for (const ManualTopic& known : manual_topics()) names.emplace_back(known.name);
    throw Error(fmt::format("no help topic `{}`; the topics are {}", escape_line(topic_name),
                            join_alternatives(names)),
                ExitCode::usage);
  }
  const std::size_t width = std::min<std::size_t>(static_cast<std::size_t>(console.out_info.width), 100);
  const auto text = render_manual_section(manual_source(), topic->section, width);
  if (!text) throw Error(fmt::format("the manual has no section {}", topic->section));
  show(*text, environment, console);
  return ExitCode::ok;
}

}  // namespace

void add_help_command(CommandLine& line) {
  auto topic = std::make_shared<std::string>();
  CLI::App* help =
      line.add("help", "Print a part of the reference: the routine format, keys, files, JSON",
               CompletedArgument::topic, [topic](const Environment& environment, const Console& console) {
                 return show_help(*topic, environment, console);
               });
  help->add_option("topic", *topic, "A topic; without one, the list of topics")->type_name("TOPIC");
  help->footer(examples({"psoas help", "psoas help format", "psoas help keys"}));
}

}  // namespace psoas
