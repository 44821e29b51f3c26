#include "ui/diagnostic_view.hpp"

#include <doctest/doctest.h>

using namespace psoas;

TEST_CASE("a diagnostic alone is the one-line compiler form") {
  const Diagnostic d{"r.yaml", {4, 5}, Severity::error, "unknown key `hodl`; did you mean `hold`?"};
  CHECK(render_diagnostic(d, std::nullopt, Style(false)) ==
        "r.yaml:4:5: error: unknown key `hodl`; did you mean `hold`?\n");
}

TEST_CASE("with its source line, a caret points at the column") {
  const Diagnostic d{"r.yaml", {4, 5}, Severity::error, "unknown key `hodl`; did you mean `hold`?"};
  CHECK(render_diagnostic(d, "    hodl: 30s", Style(false)) ==
        "r.yaml:4:5: error: unknown key `hodl`; did you mean `hold`?\n"
        " 4 |     hodl: 30s\n"
        "   |     ^\n");
}

TEST_CASE("the caret allows for wide characters and tabs before it") {
  const Diagnostic d{"r.yaml", {12, 4}, Severity::warning, "w"};
  CHECK(render_diagnostic(d, "日\té: x", Style(false)) ==
        "r.yaml:12:4: warning: w\n"
        " 12 | 日\té: x\n"
        "    |   \t ^\n");
}

TEST_CASE("with colour the place is bold and the severity red or yellow") {
  const Diagnostic d{"r.yaml", {1, 1}, Severity::error, "m"};
  CHECK(render_diagnostic(d, std::nullopt, Style(true)) ==
        "\x1b[1mr.yaml:1:1\x1b[0m: \x1b[1m\x1b[31merror:\x1b[0m m\n");
}

TEST_CASE(
    "a file's bytes never reach the terminal: controls in the message escaped, a binary line not shown") {
  const Diagnostic d{"r\x1b.yaml", {2, 7}, Severity::error, "`hold` must be a duration, not `\x1b[31mred`"};
  CHECK(render_diagnostic(d, "hold: \x1b[31mred", Style(false)) ==
        "r\\x1b.yaml:2:7: error: `hold` must be a duration, not `\\x1b[31mred`\n");
  const Diagnostic binary{"bin.yaml", {1, 1}, Severity::error, "file contains a NUL byte"};
  CHECK(render_diagnostic(binary,
                          std::string_view("\x7f"
                                           "ELF\x02\x01\x01\0\0",
                                           9),
                          Style(false)) == "bin.yaml:1:1: error: file contains a NUL byte\n");
}
