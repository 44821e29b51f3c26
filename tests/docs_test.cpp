// The documentation says what the code does: the key table, drawn from the
// runner's own, in the README and psoas(1); and every topic of `psoas help`.
#include <doctest/doctest.h>

#include "base/utf8.hpp"
#include "support/temp_dir.hpp"
#include "ui/describe.hpp"
#include "ui/manual.hpp"

using namespace psoas;
using psoas::testing::read_file;

TEST_CASE("the README and psoas(1) show the runner's own key table") {
  const std::string readme = read_file(PSOAS_SOURCE_DIR "/README.md");
  const std::string manual = read_file(PSOAS_SOURCE_DIR "/man/psoas.1");
  CHECK_MESSAGE(readme.find(key_table_markdown()) != std::string::npos, "README.md should hold:\n",
                key_table_markdown());
  CHECK_MESSAGE(manual.find(key_table_mdoc()) != std::string::npos, "man/psoas.1 KEYS should hold:\n",
                key_table_mdoc());
  CHECK(manual == manual_source());  // the binary's help is this very man page
}

TEST_CASE("every help topic is a section of psoas(1), rendered as plain text") {
  for (const ManualTopic& topic : manual_topics()) {
    const auto text = render_manual_section(manual_source(), topic.section, 80);
    REQUIRE_MESSAGE(text, topic.section);
    CHECK(text->starts_with(std::string(topic.section) + "\n"));
    CHECK(text->find("\n.") == std::string::npos);                      // no macro left unread
    for (const char* escape : {"\\&", "\\-", "\\e", "\\(->", "\\(md"})  // no escape left
      CHECK_MESSAGE(text->find(escape) == std::string::npos, escape);
    for (std::string_view rest = *text; !rest.empty();) {
      const std::string_view line = rest.substr(0, rest.find('\n'));
      if (line.find("$ ") == std::string_view::npos)
        CHECK_MESSAGE(display_width(line) <= 80, line);  // displays are kept whole
      rest.remove_prefix(std::min(rest.size(), line.size() + 1));
    }
  }
  CHECK_FALSE(render_manual_section(manual_source(), "NO SUCH SECTION", 80));
}

TEST_CASE("the manual renderer: sections, lists, displays, and the inline macros psoas(1) uses") {
  const std::string_view source = R"(.Sh FIRST
Not this.
.Sh SECOND
Plain text, then
.Cm run Fl -speed Ar x
and
.Dq quoted words .
.Op Fl -yes
.Op Fl -json | Fl -short
.Pq Fl -hold , Fl -reps
.Ql until-done ,
.Nm
.Ns 's own.
.Ss A subsection
.Bl -tag -width Ds
.It Ic name
What a name is.
.It Fl -json
JSON.
.El
.Dl $ psoas run bridge
.Bd -literal
title: T \(em x
.Ed
.Sh THIRD
)";
  CHECK(*render_manual_section(source, "SECOND", 70) ==
        "SECOND\n"
        "    Plain text, then run --speed x and “quoted words”. [--yes] [--json\n"
        "    | --short] (--hold, --reps) ‘until-done’, psoas's own.\n"
        "\n"
        "  A subsection\n"
        "    name\n"
        "        What a name is.\n"
        "\n"
        "    --json\n"
        "        JSON.\n"
        "\n"
        "        $ psoas run bridge\n"
        "        title: T — x\n");
}
