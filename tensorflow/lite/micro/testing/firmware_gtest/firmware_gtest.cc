// The runner behind gtest.h: registration, flags, filtering, failure
// reports and the summary, printed with stdio only (no iostreams), so it
// works through newlib on bare metal as well as on a host.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"

#if defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M'
#include <ctime>
#define GTEST_SHIM_BARE_METAL 1
#else
#include <chrono>
#endif

namespace testing {
namespace internal {
namespace {

struct TestInfo {
  std::string suite;
  std::string name;
  TestFactory factory;
  SuiteHook set_up_suite;
  SuiteHook tear_down_suite;
  const char* file;
  int line;
  void (*prepare)(const void*);
  const void* param;
  std::string (*describe)(const void*);
};

// Built by static initializers in any order, so created on first use; never
// destroyed, so it is still there for late users at exit.
struct Registry {
  std::vector<TestInfo> tests;
  std::vector<ParamSuiteBase*> param_suites;
  bool params_expanded = false;
};
Registry& GetRegistry() {
  static Registry* const registry = new Registry;
  return *registry;
}

struct Flags {
  std::string filter = "*";
  bool filter_given = false;
  bool list_tests = false;
  bool also_run_disabled = false;
};
Flags& GetFlags() {
  static Flags* const flags = new Flags;
  return *flags;
}

// What the running test has recorded so far.
struct Outcome {
  bool failed = false;
  bool fatal = false;
  bool nonfatal = false;
  bool skipped = false;
};
Outcome outcome;
bool failure_outside_tests = false;
bool test_running = false;

std::vector<std::string>& Traces() {
  static std::vector<std::string>* const traces = new std::vector<std::string>;
  return *traces;
}

long long NowMilliseconds() {
#if defined(GTEST_SHIM_BARE_METAL)
  return static_cast<long long>(std::clock()) * 1000 / CLOCKS_PER_SEC;
#else
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
#endif
}

std::string Plural(size_t count, const char* noun) {
  std::string text = FormatUnsigned(count) + " " + noun;
  if (count != 1) text += "s";
  return text;
}

// Glob match with * (any run) and ? (any one character).
bool GlobMatch(const char* pattern, const char* text) {
  const char* star = nullptr;
  const char* resume = nullptr;
  while (*text != '\0') {
    if (*pattern == '*') {
      star = pattern++;
      resume = text;
    } else if (*pattern == '?' || *pattern == *text) {
      ++pattern;
      ++text;
    } else if (star != nullptr) {
      pattern = star + 1;
      text = ++resume;
    } else {
      return false;
    }
  }
  while (*pattern == '*') ++pattern;
  return *pattern == '\0';
}

bool MatchesAny(const std::string& patterns, const std::string& name) {
  size_t start = 0;
  while (start <= patterns.size()) {
    size_t end = patterns.find(':', start);
    if (end == std::string::npos) end = patterns.size();
    const std::string one = patterns.substr(start, end - start);
    if (!one.empty() && GlobMatch(one.c_str(), name.c_str())) return true;
    start = end + 1;
  }
  return false;
}

// GoogleTest's filter: positive patterns, then optionally '-' and negative
// ones, each list separated by ':'.
bool FilterAccepts(const std::string& filter, const std::string& name) {
  const size_t dash = filter.find('-');
  const std::string positive =
      dash == std::string::npos ? filter : filter.substr(0, dash);
  const std::string negative =
      dash == std::string::npos ? "" : filter.substr(dash + 1);
  return MatchesAny(positive.empty() ? "*" : positive, name) &&
         !MatchesAny(negative, name);
}

bool IsDisabled(const TestInfo& test) {
  return test.suite.rfind("DISABLED_", 0) == 0 ||
         test.name.rfind("DISABLED_", 0) == 0;
}

void ExpandParameterizedTests() {
  Registry& registry = GetRegistry();
  if (registry.params_expanded) return;
  registry.params_expanded = true;
  for (ParamSuiteBase* suite : registry.param_suites) {
    suite->RegisterInstances();
  }
}

// Keeps output in order with anything the test writes to stderr.
void Print(const std::string& text) {
  std::fputs(text.c_str(), stdout);
  std::fflush(stdout);
}

// Biased representation: orders floating-point bit patterns as integers,
// so the distance between two values counts the representable values
// between them.
template <typename Bits>
Bits Biased(Bits bits) {
  const Bits sign = Bits{1} << (sizeof(Bits) * 8 - 1);
  return (bits & sign) ? static_cast<Bits>(~bits + 1) : (bits | sign);
}

template <typename Float, typename Bits>
bool WithinFourUlps(Float a, Float b) {
  if (std::isnan(a) || std::isnan(b)) return false;
  Bits a_bits;
  Bits b_bits;
  std::memcpy(&a_bits, &a, sizeof(a));
  std::memcpy(&b_bits, &b, sizeof(b));
  const Bits x = Biased(a_bits);
  const Bits y = Biased(b_bits);
  return (x >= y ? x - y : y - x) <= 4;
}

std::string WhichIs(const char* text, const std::string& value) {
  std::string line = std::string("  ") + text + "\n";
  if (value != text) line += "    Which is: " + value + "\n";
  return line;
}

}  // namespace

// ---- Text for values ----------------------------------------------------

std::string FormatSigned(long long value) {
  char text[24];
  std::snprintf(text, sizeof(text), "%lld", value);
  return text;
}

std::string FormatUnsigned(unsigned long long value) {
  char text[24];
  std::snprintf(text, sizeof(text), "%llu", value);
  return text;
}

std::string FormatFloating(double value, int significant_digits) {
  char text[40];
  std::snprintf(text, sizeof(text), "%.*g", significant_digits, value);
  return text;
}

namespace {

template <typename Float>
std::string FormatShortest(Float value, int min_digits, int max_digits) {
  char text[320];  // what the compiler assumes %g may need
  for (int digits = min_digits; digits < max_digits; ++digits) {
    std::snprintf(text, sizeof(text), "%.*g", digits,
                  static_cast<double>(value));
    if (static_cast<Float>(std::strtod(text, nullptr)) == value) return text;
  }
  std::snprintf(text, sizeof(text), "%.*g", max_digits,
                static_cast<double>(value));
  return text;
}

}  // namespace

std::string FormatShortestFloat(float value) {
  return FormatShortest(value, 6, 9);
}

std::string FormatShortestDouble(double value) {
  return FormatShortest(value, 15, 17);
}

std::string FormatPointer(const void* pointer) {
  if (pointer == nullptr) return "NULL";
  char text[24];
  std::snprintf(
      text, sizeof(text), "0x%llx",
      static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(pointer)));
  return text;
}

std::string FormatQuoted(const char* text) {
  if (text == nullptr) return "NULL";
  std::string quoted = "\"";
  for (const char* p = text; *p != '\0'; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += static_cast<char>(c);
    } else if (c == '\n') {
      quoted += "\\n";
    } else if (c == '\t') {
      quoted += "\\t";
    } else if (c < 0x20 || c >= 0x7F) {
      char escape[8];
      std::snprintf(escape, sizeof(escape), "\\x%02X", c);
      quoted += escape;
    } else {
      quoted += static_cast<char>(c);
    }
  }
  return quoted + "\"";
}

std::string FormatChar(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  char text[24];
  if (u >= 0x20 && u < 0x7F) {
    std::snprintf(text, sizeof(text), "'%c' (%d)", c, static_cast<int>(c));
  } else {
    std::snprintf(text, sizeof(text), "'\\x%02X' (%d)", u, static_cast<int>(c));
  }
  return text;
}

std::string CStringText(const char* text) {
  return text == nullptr ? "(null)" : text;
}

std::string FormatBytes(const void* data, size_t size) {
  std::string text = FormatUnsigned(size) + "-byte object <";
  const unsigned char* bytes = static_cast<const unsigned char*>(data);
  // Bytes in pairs, as GoogleTest shows them: <01-02 03-04 05>.
  for (size_t i = 0; i < size && i < 32; ++i) {
    char hex[4];
    std::snprintf(hex, sizeof(hex), "%s%02X",
                  i == 0 ? "" : (i % 2 == 1 ? "-" : " "), bytes[i]);
    text += hex;
  }
  if (size > 32) text += " ...";
  return text + ">";
}

// ---- Results ------------------------------------------------------------

void ReportFailure(Severity severity, const char* file, int line,
                   const std::string& explanation,
                   const std::string& user_message) {
  if (test_running) {
    outcome.failed = true;
    (severity == Severity::kFatal ? outcome.fatal : outcome.nonfatal) = true;
  } else {
    failure_outside_tests = true;
  }
  std::string text = std::string(file) + ":" + FormatSigned(line) +
                     ": Failure\n" + explanation;
  if (!text.empty() && text.back() != '\n') text += "\n";
  if (!user_message.empty()) text += user_message + "\n";
  const std::vector<std::string>& traces = Traces();
  if (!traces.empty()) {
    text += "Google Test trace:\n";
    for (size_t i = traces.size(); i-- > 0;) text += traces[i] + "\n";
  }
  Print(text);
}

void ReportSkip(const char* file, int line, const std::string& message) {
  outcome.skipped = true;
  std::string text =
      std::string(file) + ":" + FormatSigned(line) + ": Skipped\n";
  if (!message.empty()) text += message + "\n";
  Print(text);
}

ScopedTrace::ScopedTrace(const char* file, int line, const Message& message) {
  Traces().push_back(std::string(file) + ":" + FormatSigned(line) + ": " +
                     message.str());
}

ScopedTrace::~ScopedTrace() { Traces().pop_back(); }

// ---- Comparisons --------------------------------------------------------

AssertionResult EqualityFailure(const char* expected_text,
                                const char* actual_text,
                                const std::string& expected_value,
                                const std::string& actual_value) {
  return AssertionFailure() << "Expected equality of these values:\n"
                            << WhichIs(expected_text, expected_value)
                            << WhichIs(actual_text, actual_value);
}

AssertionResult ComparisonFailure(const char* a_text, const char* b_text,
                                  const char* op, const std::string& a_value,
                                  const std::string& b_value) {
  return AssertionFailure()
         << "Expected: (" << a_text << ") " << op << " (" << b_text
         << "), actual: " << a_value << " vs " << b_value;
}

AssertionResult BoolCheck(bool value, const char* text, bool expected) {
  if (value == expected) return AssertionSuccess();
  return AssertionFailure()
         << "Value of: " << text << "\n  Actual: " << (value ? "true" : "false")
         << "\nExpected: " << (expected ? "true" : "false");
}

AssertionResult CompareStrings(const char* a_text, const char* b_text,
                               const char* a, const char* b, bool equal,
                               bool ignore_case) {
  bool same;
  if (a == nullptr || b == nullptr) {
    same = a == b;
  } else if (ignore_case) {
    same = true;
    for (size_t i = 0;; ++i) {
      if (std::tolower(static_cast<unsigned char>(a[i])) !=
          std::tolower(static_cast<unsigned char>(b[i]))) {
        same = false;
        break;
      }
      if (a[i] == '\0') break;
    }
  } else {
    same = std::strcmp(a, b) == 0;
  }
  if (same == equal) return AssertionSuccess();
  if (equal) {
    AssertionResult failure =
        EqualityFailure(a_text, b_text, FormatQuoted(a), FormatQuoted(b));
    if (ignore_case) failure << "Ignoring case";
    return failure;
  }
  return ComparisonFailure(a_text, b_text, "!=", FormatQuoted(a),
                           FormatQuoted(b));
}

AssertionResult CompareNear(const char* a_text, const char* b_text,
                            const char* error_text, double a, double b,
                            double abs_error) {
  const double difference = std::fabs(a - b);
  if (difference <= abs_error) return AssertionSuccess();
  return AssertionFailure()
         << "The difference between " << a_text << " and " << b_text << " is "
         << FormatFloating(difference, 17) << ", which exceeds " << error_text
         << ", where\n"
         << a_text << " evaluates to " << FormatFloating(a, 17) << ",\n"
         << b_text << " evaluates to " << FormatFloating(b, 17) << ", and\n"
         << error_text << " evaluates to " << FormatFloating(abs_error, 17)
         << ".";
}

AssertionResult CompareFloats(const char* a_text, const char* b_text, float a,
                              float b) {
  if (WithinFourUlps<float, uint32_t>(a, b)) return AssertionSuccess();
  return EqualityFailure(a_text, b_text, PrintValue(a), PrintValue(b));
}

AssertionResult CompareDoubles(const char* a_text, const char* b_text, double a,
                               double b) {
  if (WithinFourUlps<double, uint64_t>(a, b)) return AssertionSuccess();
  return EqualityFailure(a_text, b_text, PrintValue(a), PrintValue(b));
}

// ---- Registration -------------------------------------------------------

int RegisterTest(const std::string& suite, const std::string& name,
                 TestFactory factory, SuiteHook set_up_suite,
                 SuiteHook tear_down_suite, const char* file, int line,
                 void (*prepare)(const void*), const void* param,
                 std::string (*describe)(const void*)) {
  GetRegistry().tests.push_back({suite, name, factory, set_up_suite,
                                 tear_down_suite, file, line, prepare, param,
                                 describe});
  return 0;
}

void AddParamSuite(ParamSuiteBase* suite) {
  GetRegistry().param_suites.push_back(suite);
}

int RunAllTests() {
  ExpandParameterizedTests();
  const Flags& flags = GetFlags();
  const std::vector<TestInfo>& tests = GetRegistry().tests;

  // Selected tests, grouped by suite in order of first appearance.
  std::vector<std::string> suites;
  std::vector<std::vector<const TestInfo*>> by_suite;
  size_t selected = 0;
  size_t disabled = 0;
  for (const TestInfo& test : tests) {
    if (!FilterAccepts(flags.filter, test.suite + "." + test.name)) continue;
    // --gtest_list_tests lists disabled tests too.
    if (IsDisabled(test) && !flags.also_run_disabled && !flags.list_tests) {
      ++disabled;
      continue;
    }
    size_t index = 0;
    while (index < suites.size() && suites[index] != test.suite) ++index;
    if (index == suites.size()) {
      suites.push_back(test.suite);
      by_suite.emplace_back();
    }
    by_suite[index].push_back(&test);
    ++selected;
  }

  if (flags.list_tests) {
    for (size_t s = 0; s < suites.size(); ++s) {
      Print(suites[s] + ".\n");
      for (const TestInfo* test : by_suite[s]) {
        Print("  " + test->name +
              (test->describe == nullptr
                   ? std::string()
                   : "  # GetParam() = " + test->describe(test->param)) +
              "\n");
      }
    }
    return 0;
  }

  if (flags.filter != "*")
    Print("Note: Google Test filter = " + flags.filter + "\n");
  Print("[==========] Running " + Plural(selected, "test") + " from " +
        Plural(suites.size(), "test suite") + ".\n");
  Print("[----------] Global test environment set-up.\n");

  std::vector<std::string> failed_names;
  std::vector<std::string> skipped_names;
  size_t passed = 0;
  const long long start = NowMilliseconds();
  for (size_t s = 0; s < suites.size(); ++s) {
    const std::vector<const TestInfo*>& members = by_suite[s];
    Print("[----------] " + Plural(members.size(), "test") + " from " +
          suites[s] + "\n");
    const long long suite_start = NowMilliseconds();
    if (members.front()->set_up_suite != nullptr) {
      members.front()->set_up_suite();
    }
    for (const TestInfo* test : members) {
      const std::string full_name = test->suite + "." + test->name;
      // Failed parameterized tests are listed with their parameter.
      const std::string failed_name =
          test->describe == nullptr
              ? full_name
              : full_name +
                    ", where GetParam() = " + test->describe(test->param);
      Print("[ RUN      ] " + full_name + "\n");
      outcome = Outcome();
      test_running = true;
      const long long test_start = NowMilliseconds();
      if (test->prepare != nullptr) test->prepare(test->param);
      Test* instance = test->factory();
      instance->Run();
      delete instance;
      test_running = false;
      const std::string took =
          " (" + FormatSigned(NowMilliseconds() - test_start) + " ms)\n";
      if (outcome.failed) {
        Print("[  FAILED  ] " + failed_name + took);
        failed_names.push_back(failed_name);
      } else if (outcome.skipped) {
        Print("[  SKIPPED ] " + full_name + took);
        skipped_names.push_back(full_name);
      } else {
        Print("[       OK ] " + full_name + took);
        ++passed;
      }
    }
    if (members.back()->tear_down_suite != nullptr) {
      members.back()->tear_down_suite();
    }
    Print("[----------] " + Plural(members.size(), "test") + " from " +
          suites[s] + " (" + FormatSigned(NowMilliseconds() - suite_start) +
          " ms total)\n\n");
  }

  Print("[----------] Global test environment tear-down\n");
  Print("[==========] " + Plural(selected, "test") + " from " +
        Plural(suites.size(), "test suite") + " ran. (" +
        FormatSigned(NowMilliseconds() - start) + " ms total)\n");
  Print("[  PASSED  ] " + Plural(passed, "test") + ".\n");
  if (!skipped_names.empty()) {
    Print("[  SKIPPED ] " + Plural(skipped_names.size(), "test") +
          ", listed below:\n");
    for (const std::string& name : skipped_names) {
      Print("[  SKIPPED ] " + name + "\n");
    }
  }
  if (!failed_names.empty()) {
    Print("[  FAILED  ] " + Plural(failed_names.size(), "test") +
          ", listed below:\n");
    for (const std::string& name : failed_names) {
      Print("[  FAILED  ] " + name + "\n");
    }
    Print("\n " + FormatUnsigned(failed_names.size()) +
          (failed_names.size() == 1 ? " FAILED TEST\n" : " FAILED TESTS\n"));
  }
  if (disabled > 0) {
    Print(std::string(failed_names.empty() ? "\n" : "") + "  YOU HAVE " +
          FormatUnsigned(disabled) +
          (disabled == 1 ? " DISABLED TEST\n\n" : " DISABLED TESTS\n\n"));
  }
  return failed_names.empty() && !failure_outside_tests ? 0 : 1;
}

}  // namespace internal

// ---- Test ---------------------------------------------------------------

bool Test::HasFailure() { return internal::outcome.failed; }
bool Test::HasFatalFailure() { return internal::outcome.fatal; }
bool Test::HasNonfatalFailure() { return internal::outcome.nonfatal; }
bool Test::IsSkipped() { return internal::outcome.skipped; }

void Test::Run() {
  SetUp();
  if (!HasFatalFailure() && !IsSkipped()) TestBody();
  TearDown();
}

// ---- Flags --------------------------------------------------------------

void InitGoogleTest(int* argc, char** argv) {
  internal::Flags& flags = internal::GetFlags();
  int kept = 1;
  for (int i = 1; i < *argc; ++i) {
    const char* arg = argv[i];
    const char kFilter[] = "--gtest_filter=";
    if (std::strncmp(arg, kFilter, sizeof(kFilter) - 1) == 0) {
      flags.filter = arg + sizeof(kFilter) - 1;
      flags.filter_given = true;
    } else if (std::strcmp(arg, "--gtest_list_tests") == 0) {
      flags.list_tests = true;
    } else if (std::strcmp(arg, "--gtest_also_run_disabled_tests") == 0) {
      flags.also_run_disabled = true;
    } else {
      if (std::strncmp(arg, "--gtest_", 8) == 0) {
        std::fprintf(stderr, "firmware_gtest: ignoring unsupported flag %s\n",
                     arg);
      }
      argv[kept++] = argv[i];
    }
  }
  if (*argc > 0) {
    *argc = kept;
    argv[kept] = nullptr;
  }
  if (!flags.filter_given) {
    // Bazel's --test_filter arrives as TESTBRIDGE_TEST_ONLY.
    const char* from_env = std::getenv("GTEST_FILTER");
    if (from_env == nullptr) from_env = std::getenv("TESTBRIDGE_TEST_ONLY");
    if (from_env != nullptr && from_env[0] != '\0') flags.filter = from_env;
  }
}

void InitGoogleTest() {
  int argc = 0;
  InitGoogleTest(&argc, nullptr);
}

}  // namespace testing

int RUN_ALL_TESTS() { return testing::internal::RunAllTests(); }
