#define DOCTEST_CONFIG_IMPLEMENT
#include <csignal>
#include <cstdio>
#include <string_view>

#include <doctest/doctest.h>

namespace {

int g_test_cases_started = 0;

// Counts the test cases run, so that a filter matching none is a failure:
// ctest runs each case by name, and a name it mangled would otherwise pass.
struct StartedCounter : doctest::IReporter {
  explicit StartedCounter(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats&) override {}
  void test_case_start(const doctest::TestCaseData&) override { ++g_test_cases_started; }
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};

REGISTER_LISTENER("started-counter", 1, StartedCounter);

}  // namespace

int main(int argc, char** argv) {
  // A child that exits before reading its input must not kill the test run.
  std::signal(SIGPIPE, SIG_IGN);
  doctest::Context context(argc, argv);
  const int result = context.run();
  bool filtered = false;
  bool listing = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    filtered = filtered || arg.starts_with("--test-case=") || arg.starts_with("-tc=");
    listing = listing || arg.starts_with("--list") || arg.starts_with("-ltc") || arg.starts_with("-lts") ||
              arg.starts_with("-lr") || arg.starts_with("--count") || arg.starts_with("-c") ||
              arg.starts_with("--help") || arg.starts_with("-h") || arg.starts_with("--version") ||
              arg.starts_with("-v");
  }
  if (result == 0 && filtered && !listing && g_test_cases_started == 0 && !context.shouldExit()) {
    std::fputs("no test case matched the filter\n", stderr);
    return 1;
  }
  return result;
}
