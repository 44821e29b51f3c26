// Figures and the printed card, end to end: the built binary hands them to
// psoas-print; the PDF is read back with poppler's pdfinfo and pdftotext.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/pty.hpp"
#include "support/temp_dir.hpp"

using namespace psoas::testing;
using namespace std::chrono_literals;

namespace {

struct Home {
  TempDir home;
  std::map<std::string, std::string> env = clean_environment(
      home.path(), {{"XDG_CONFIG_HOME", (home.path() / "config").string()}, {"TERM", "xterm-256color"}});
};

ProcessResult tool(const std::vector<std::string>& args) {
  return run_process({args, {{"PATH", "/usr/bin:/bin"}}, "", 20'000ms, std::nullopt});
}

// Text with every run of blanks as one space, so that wrapped lines compare as sentences.
std::string squeezed(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (!blank) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  return out;
}

// The page count pdfinfo gives, or 0.
int pages_of(const std::string& pdfinfo) {
  const auto at = pdfinfo.find("Pages:");
  if (at == std::string::npos) return 0;
  return std::atoi(pdfinfo.c_str() + at + 6);
}

std::string read(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool has_braille(std::string_view text) {
  for (const char* lead : {"\xE2\xA0", "\xE2\xA1", "\xE2\xA2", "\xE2\xA3"})
    if (text.find(lead) != std::string_view::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("card --format pdf: one A4 page with every step's name and every caution") {
  Home h;
  const auto pdf = h.home.path() / "wall.pdf";
  const ProcessResult made =
      run_psoas({"card", "psoas-release", "--format", "pdf", "-o", pdf.string()}, h.env);
  REQUIRE(made.exit_code == 0);
  CHECK(made.err.empty());
  const ProcessResult info = tool({"/usr/bin/pdfinfo", pdf.string()});
  REQUIRE(info.exit_code == 0);
  CHECK(pages_of(info.out) == 1);
  CHECK(info.out.find("pts (A4)") != std::string::npos);
  const ProcessResult text = tool({"/usr/bin/pdftotext", pdf.string(), "-"});
  REQUIRE(text.exit_code == 0);
  const std::string words = squeezed(text.out);
  const ProcessResult json = run_psoas({"card", "psoas-release", "--json"}, h.env);
  REQUIRE(json.exit_code == 0);
  // Every step's name and caution, as card --json gives them.
  const auto card = nlohmann::json::parse(json.out);
  REQUIRE(card["steps"].size() > 10);
  for (const auto& step : card["steps"]) {
    const std::string name = step["name"];
    CHECK_MESSAGE(words.find(name) != std::string::npos, name);
  }
  std::size_t checked = 0;
  for (const auto& caution : card["cautions"]) {
    const std::string sentence = caution;
    CHECK_MESSAGE(words.find(squeezed(sentence)) != std::string::npos, sentence);
    ++checked;
  }
  CHECK(checked >= 10);
}

TEST_CASE("card --paper letter, --format png and svg, and a long routine takes more pages") {
  Home h;
  const auto letter = h.home.path() / "letter.pdf";
  REQUIRE(run_psoas({"card", "pigeon-routine", "--format", "pdf", "--paper", "letter", "-o", letter.string()},
                    h.env)
              .exit_code == 0);
  CHECK(tool({"/usr/bin/pdfinfo", letter.string()}).out.find("612 x 792 pts (letter)") != std::string::npos);

  const auto png = h.home.path() / "card.png";
  REQUIRE(run_psoas({"card", "bridge", "--format", "png", "-o", png.string()}, h.env).exit_code == 0);
  CHECK(read(png).starts_with("\x89PNG\r\n"));
  const auto svg = h.home.path() / "card.svg";
  REQUIRE(run_psoas({"card", "bridge", "-o", svg.string(), "--format", "svg"}, h.env).exit_code == 0);
  CHECK(read(svg).find("<svg") != std::string::npos);

  std::string routine = "title: Long\nsteps:\n";
  for (int i = 1; i <= 100; ++i)
    routine += "  - {name: Step " + std::to_string(i) + ", hold: 30s, cues: [Breathe]}\n";
  const auto file = h.home.write("long.yaml", routine);
  const auto long_pdf = h.home.path() / "long.pdf";
  REQUIRE(run_psoas({"card", file.string(), "--format", "pdf", "-o", long_pdf.string()}, h.env).exit_code ==
          0);
  const ProcessResult info = tool({"/usr/bin/pdfinfo", long_pdf.string()});
  const int pages = pages_of(info.out);
  CHECK(pages >= 2);
  const std::string words = squeezed(tool({"/usr/bin/pdftotext", long_pdf.string(), "-"}).out);
  CHECK(words.find("Step 100") != std::string::npos);
  CHECK(words.find("Long (page 2 of") != std::string::npos);  // the title, repeated
  const auto pngs = h.home.path() / "long.png";
  const ProcessResult paged =
      run_psoas({"card", file.string(), "--format", "png", "-o", pngs.string()}, h.env);
  REQUIRE(paged.exit_code == 0);
  CHECK(std::filesystem::exists(h.home.path() / "long-2.png"));
  CHECK(paged.err.find("long-" + std::to_string(pages) + ".png") != std::string::npos);
}

TEST_CASE("a printed card needs -o, and the text card's options are refused with it") {
  Home h;
  const ProcessResult bare = run_psoas({"card", "bridge", "--format", "pdf"}, h.env);
  CHECK(bare.exit_code == 2);
  CHECK(bare.err.find("give -o FILE") != std::string::npos);
  const ProcessResult compact =
      run_psoas({"card", "bridge", "--format", "pdf", "--compact", "-o", "x.pdf"}, h.env);
  CHECK(compact.exit_code == 2);
  for (const std::vector<std::string>& args : {std::vector<std::string>{"card", "bridge", "-o", "x.pdf"},
                                               std::vector<std::string>{"card", "bridge", "--paper", "a4"}}) {
    const ProcessResult stray = run_psoas(args, h.env);
    CHECK(stray.exit_code == 2);
    CHECK(stray.err.find("-o and --paper are for a printed card: --format pdf, svg or png") !=
          std::string::npos);
  }
}

TEST_CASE("psoas figure: draws a pose in braille, mirrored for the other side, and lists them") {
  Home h;
  const ProcessResult left = run_psoas({"figure", "pigeon", "--side", "left", "--width", "60"}, h.env);
  REQUIRE(left.exit_code == 0);
  CHECK(has_braille(left.out));
  CHECK(left.out.find("\x1b[") == std::string::npos);  // not a terminal: no escape codes
  const ProcessResult right = run_psoas({"figure", "pigeon", "--side", "right", "--width", "60"}, h.env);
  REQUIRE(right.exit_code == 0);
  CHECK(right.out.find("(mirrored)") != std::string::npos);
  CHECK(left.out != right.out);
  const ProcessResult list = run_psoas({"figure"}, h.env);
  REQUIRE(list.exit_code == 0);
  CHECK(list.out.find("pigeon ") != std::string::npos);
  CHECK(list.out.find("built-in") != std::string::npos);
  const ProcessResult png =
      run_psoas({"figure", "cobra", "-o", (h.home.path() / "cobra.png").string()}, h.env);
  REQUIRE(png.exit_code == 0);
  CHECK(read(h.home.path() / "cobra.png").starts_with("\x89PNG"));
  const ProcessResult missing = run_psoas({"figure", "pigon"}, h.env);
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("no figure named `pigon`") != std::string::npos);
  CHECK(missing.err.find("did you mean `pigeon`") != std::string::npos);
}

TEST_CASE("check: a figure file's errors and a step's unknown figure, each at its place") {
  Home h;
  const auto figure =
      h.home.write("figures/bent.yaml", "title: Bent\njoints:\n  head: [0, 10]\n  nek: [0, 0]\n");
  const ProcessResult bad = run_psoas({"check", figure.string()}, h.env);
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find(figure.string() + ":4:3: error: unknown joint `nek`; did you mean `neck`?") !=
        std::string::npos);
  CHECK(bad.err.find(figure.string() + ":3:3: error: `joints` lacks") != std::string::npos);

  const auto routine =
      h.home.write("hips.yaml",
                   "title: Hips\nsteps:\n  - name: Pigeon\n    hold: 30s\n    figure: pigon\n"
                   "  - name: Bent\n    hold: 30s\n    figure: {left: bent, right: pigeon}\n");
  const ProcessResult checked = run_psoas({"check", routine.string()}, h.env);
  CHECK(checked.exit_code == 1);
  CHECK(checked.err.find(routine.string() + ":5:13: error: no figure named `pigon`") != std::string::npos);
  CHECK(checked.err.find("did you mean `pigeon`") != std::string::npos);
  // bent.yaml sits in figures/ beside the routine: found there, and its own errors shown.
  CHECK(checked.err.find(routine.string() + ":8:20: error: the figure `bent`") != std::string::npos);
  CHECK(checked.err.find(figure.string() + ":4:3: error: unknown joint `nek`") != std::string::npos);
}

TEST_CASE("on a 120x40 terminal the run shows the pose in braille, at 80x24 it does not") {
  Home h;
  const auto routine = h.home.write("lunge.yaml",
                                    "title: Lunge\nsteps:\n  - name: Lunge\n    hold: 40s\n"
                                    "    sides: left\n    figure: kneeling-lunge\n");
  for (const auto& [columns, rows, shown] : {std::tuple{120, 40, true}, std::tuple{80, 24, false}}) {
    CAPTURE(columns);
    PtyProcess run({PSOAS_BINARY, "run", routine.string(), "--yes"}, h.env, columns, rows);
    REQUIRE(run.wait_for_text("? keys", 5s));
    CHECK(has_braille(run.output()) == shown);
    run.write("q");
    REQUIRE(run.wait_exit(5s));
  }
}
