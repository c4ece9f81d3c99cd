// A small GoogleTest work-alike for firmware: the subset of GoogleTest's
// API that this repository's tests use, with GoogleTest's names, meanings
// and output format, built without exceptions, RTTI or iostreams so it
// runs bare-metal (through newlib's printf) as well as on a host.
//
// Covered: TEST, TEST_F (fixtures with SetUp/TearDown and
// SetUpTestSuite/TearDownTestSuite), TEST_P with TestWithParam<T>,
// INSTANTIATE_TEST_SUITE_P with Values/ValuesIn/Range/Bool (and an
// optional name generator), EXPECT_/ASSERT_ EQ NE LT LE GT GE TRUE FALSE
// STREQ STRNE STRCASEEQ NEAR FLOAT_EQ DOUBLE_EQ, ADD_FAILURE, FAIL,
// SUCCEED, GTEST_SKIP, SCOPED_TRACE, HasFailure/HasFatalFailure, streaming
// `<< value` onto any of them, DISABLED_ tests, and the flags
// --gtest_filter, --gtest_list_tests, --gtest_also_run_disabled_tests.
// Not covered: matchers (EXPECT_THAT), death tests, typed tests,
// Combine(), XML output, printing values through operator<<(ostream&).
#ifndef TENSORFLOW_LITE_MICRO_TESTING_FIRMWARE_GTEST_INCLUDE_GTEST_GTEST_H_
#define TENSORFLOW_LITE_MICRO_TESTING_FIRMWARE_GTEST_INCLUDE_GTEST_GTEST_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace testing {

// Text streamed onto a failure, a skip or a trace, shown as GoogleTest's
// Message shows it: char types as characters, bool as true/false, floating
// point with 17 significant digits, null C strings as "(null)"; enums as
// their integer value.
class Message {
 public:
  Message() = default;
  template <typename T>
  Message& operator<<(const T& value);
  const std::string& str() const { return text_; }

 private:
  std::string text_;
};

// The outcome of an assertion: success, or failure with an explanation.
class AssertionResult {
 public:
  explicit AssertionResult(bool success) : success_(success) {}
  explicit operator bool() const { return success_; }
  const std::string& message() const { return message_; }
  template <typename T>
  AssertionResult& operator<<(const T& value) {
    message_ += (Message() << value).str();
    return *this;
  }

 private:
  bool success_;
  std::string message_;
};

inline AssertionResult AssertionSuccess() { return AssertionResult(true); }
inline AssertionResult AssertionFailure() { return AssertionResult(false); }

// The base of every test; fixtures derive from it.
class Test {
 public:
  virtual ~Test() = default;

  // True once the running test has failed (fatally) so far.
  static bool HasFailure();
  static bool HasFatalFailure();
  static bool HasNonfatalFailure();
  static bool IsSkipped();

  // Run once before the first and after the last test of a suite.
  static void SetUpTestSuite() {}
  static void TearDownTestSuite() {}

  // Internal: SetUp, the body unless SetUp failed fatally or skipped, then
  // TearDown.
  void Run();

 protected:
  Test() = default;
  virtual void SetUp() {}
  virtual void TearDown() {}

 private:
  virtual void TestBody() = 0;
};

// The parameter of a TEST_P test: set before its fixture is built.
template <typename T>
class WithParamInterface {
 public:
  using ParamType = T;
  virtual ~WithParamInterface() = default;
  const ParamType& GetParam() const { return *current_; }
  // Internal.
  static void SetCurrentParam(const ParamType* param) { current_ = param; }

 private:
  static inline const ParamType* current_ = nullptr;
};

template <typename T>
class TestWithParam : public Test, public WithParamInterface<T> {};

// What a name generator passed to INSTANTIATE_TEST_SUITE_P receives.
template <typename T>
struct TestParamInfo {
  TestParamInfo(const T& a_param, size_t an_index)
      : param(a_param), index(an_index) {}
  T param;
  size_t index;
};

// Parses and removes the --gtest_* flags this implementation knows.
void InitGoogleTest(int* argc, char** argv);
void InitGoogleTest();

namespace internal {

// ---- Text for values ----------------------------------------------------

std::string FormatSigned(long long value);
std::string FormatUnsigned(unsigned long long value);
std::string FormatFloating(double value, int significant_digits);
// The fewest significant digits that read back as the same value.
std::string FormatShortestFloat(float value);
std::string FormatShortestDouble(double value);
std::string FormatPointer(const void* pointer);
std::string FormatQuoted(const char* text);  // "text" with escapes, or NULL
std::string FormatChar(char c);              // 'a' (97)
std::string FormatBytes(const void* data, size_t size);
std::string CStringText(const char* text);  // the text, or "(null)"

template <typename T, typename = void>
struct IsContainer : std::false_type {};
template <typename T>
struct IsContainer<T, std::void_t<decltype(std::declval<const T&>().begin()),
                                  decltype(std::declval<const T&>().end())>>
    : std::true_type {};

template <typename T>
constexpr bool IsCharPointer() {
  using Pointee = std::remove_cv_t<std::remove_pointer_t<T>>;
  return std::is_pointer_v<T> && std::is_same_v<Pointee, char>;
}

// How an EXPECT_ failure shows a value (GoogleTest's "Which is: ...").
template <typename T>
std::string PrintValue(const T& value) {
  using U = std::decay_t<T>;
  if constexpr (std::is_same_v<U, bool>) {
    return value ? "true" : "false";
  } else if constexpr (std::is_same_v<U, std::nullptr_t>) {
    return "(nullptr)";
  } else if constexpr (std::is_same_v<U, char>) {
    return FormatChar(value);
  } else if constexpr (std::is_integral_v<U> && std::is_signed_v<U>) {
    return FormatSigned(value);
  } else if constexpr (std::is_integral_v<U>) {
    return FormatUnsigned(value);
  } else if constexpr (std::is_same_v<U, float>) {
    return FormatShortestFloat(value);
  } else if constexpr (std::is_floating_point_v<U>) {
    return FormatShortestDouble(static_cast<double>(value));
  } else if constexpr (std::is_enum_v<U>) {
    // Unary + promotes char-sized underlying types to int.
    return PrintValue(+static_cast<std::underlying_type_t<U>>(value));
  } else if constexpr (std::is_same_v<U, std::string> ||
                       std::is_same_v<U, std::string_view>) {
    return FormatQuoted(std::string(value).c_str());
  } else if constexpr (IsCharPointer<U>()) {
    return FormatQuoted(value);
  } else if constexpr (std::is_pointer_v<U>) {
    return FormatPointer(reinterpret_cast<const void*>(value));
  } else if constexpr (IsContainer<U>::value) {
    std::string text = "{";
    size_t count = 0;
    for (const auto& element : value) {
      if (count == 32) {
        text += ", ...";
        break;
      }
      text += count++ == 0 ? " " : ", ";
      text += PrintValue(element);
    }
    return text + " }";
  } else {
    return FormatBytes(&value, sizeof(value));
  }
}

// How `message << value` shows a value (std::ostream's conventions).
template <typename T>
std::string StreamText(const T& value) {
  using U = std::decay_t<T>;
  if constexpr (std::is_same_v<U, bool>) {
    return value ? "true" : "false";
  } else if constexpr (std::is_same_v<U, char> ||
                       std::is_same_v<U, signed char> ||
                       std::is_same_v<U, unsigned char>) {
    return std::string(1, static_cast<char>(value));
  } else if constexpr (std::is_integral_v<U> && std::is_signed_v<U>) {
    return FormatSigned(value);
  } else if constexpr (std::is_integral_v<U>) {
    return FormatUnsigned(value);
  } else if constexpr (std::is_floating_point_v<U>) {
    return FormatFloating(static_cast<double>(value), 17);
  } else if constexpr (std::is_enum_v<U>) {
    return StreamText(+static_cast<std::underlying_type_t<U>>(value));
  } else if constexpr (std::is_same_v<U, std::string> ||
                       std::is_same_v<U, std::string_view>) {
    return std::string(value);
  } else if constexpr (IsCharPointer<U>()) {
    return CStringText(value);
  } else if constexpr (std::is_same_v<U, std::nullptr_t>) {
    return "(nullptr)";
  } else if constexpr (std::is_pointer_v<U>) {
    return FormatPointer(reinterpret_cast<const void*>(value));
  } else if constexpr (std::is_same_v<U, Message>) {
    return value.str();
  } else {
    return PrintValue(value);
  }
}

// ---- Results ------------------------------------------------------------

enum class Severity { kNonFatal, kFatal };

// Records a failure of the running test and prints it.
void ReportFailure(Severity severity, const char* file, int line,
                   const std::string& explanation,
                   const std::string& user_message);

// `AssertHelper(...) = Message() << ...;` reports when the user's message
// is complete. (operator= binds looser than <<, and returns void so a fatal
// assertion can `return` it from a void function.)
class AssertHelper {
 public:
  AssertHelper(Severity severity, const char* file, int line,
               std::string explanation)
      : severity_(severity),
        file_(file),
        line_(line),
        explanation_(std::move(explanation)) {}
  void operator=(const Message& message) const {
    ReportFailure(severity_, file_, line_, explanation_, message.str());
  }

 private:
  Severity severity_;
  const char* file_;
  int line_;
  std::string explanation_;
};

void ReportSkip(const char* file, int line, const std::string& message);

class SkipHelper {
 public:
  SkipHelper(const char* file, int line) : file_(file), line_(line) {}
  void operator=(const Message& message) const {
    ReportSkip(file_, line_, message.str());
  }

 private:
  const char* file_;
  int line_;
};

// SCOPED_TRACE's object: its text accompanies failures in its scope.
class ScopedTrace {
 public:
  ScopedTrace(const char* file, int line, const Message& message);
  ~ScopedTrace();
  ScopedTrace(const ScopedTrace&) = delete;
  ScopedTrace& operator=(const ScopedTrace&) = delete;
};

// ---- Comparisons --------------------------------------------------------

AssertionResult EqualityFailure(const char* expected_text,
                                const char* actual_text,
                                const std::string& expected_value,
                                const std::string& actual_value);
AssertionResult ComparisonFailure(const char* a_text, const char* b_text,
                                  const char* op, const std::string& a_value,
                                  const std::string& b_value);
AssertionResult BoolCheck(bool value, const char* text, bool expected);
AssertionResult CompareStrings(const char* a_text, const char* b_text,
                               const char* a, const char* b, bool equal,
                               bool ignore_case);
AssertionResult CompareNear(const char* a_text, const char* b_text,
                            const char* error_text, double a, double b,
                            double abs_error);
AssertionResult CompareFloats(const char* a_text, const char* b_text, float a,
                              float b);
AssertionResult CompareDoubles(const char* a_text, const char* b_text, double a,
                               double b);

// Mixed-sign comparisons are the test's business, as in GoogleTest (whose
// headers are usually system headers and so never warn).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsign-compare"
#if defined(__clang__)
#pragma GCC diagnostic ignored "-Wsign-conversion"
#endif

template <typename A, typename B>
AssertionResult CompareEq(const char* a_text, const char* b_text, const A& a,
                          const B& b) {
  if (a == b) return AssertionSuccess();
  return EqualityFailure(a_text, b_text, PrintValue(a), PrintValue(b));
}

#define GTEST_SHIM_DEFINE_COMPARISON_(name, op)                         \
  template <typename A, typename B>                                     \
  AssertionResult Compare##name(const char* a_text, const char* b_text, \
                                const A& a, const B& b) {               \
    if (a op b) return AssertionSuccess();                              \
    return ComparisonFailure(a_text, b_text, #op, PrintValue(a),        \
                             PrintValue(b));                            \
  }
GTEST_SHIM_DEFINE_COMPARISON_(Ne, !=)
GTEST_SHIM_DEFINE_COMPARISON_(Lt, <)
GTEST_SHIM_DEFINE_COMPARISON_(Le, <=)
GTEST_SHIM_DEFINE_COMPARISON_(Gt, >)
GTEST_SHIM_DEFINE_COMPARISON_(Ge, >=)
#undef GTEST_SHIM_DEFINE_COMPARISON_

#pragma GCC diagnostic pop

// ---- Registration -------------------------------------------------------

using TestFactory = Test* (*)();
using SuiteHook = void (*)();

template <typename TestClass>
Test* MakeTest() {
  return new TestClass;
}

// Adds a test to the run list; returns a value for a static initializer.
// `prepare(param)`, when given, runs just before `factory` (TEST_P uses it
// to set the parameter that GetParam() returns).
// `describe(param)` shows the parameter when the test fails.
int RegisterTest(const std::string& suite, const std::string& name,
                 TestFactory factory, SuiteHook set_up_suite,
                 SuiteHook tear_down_suite, const char* file, int line,
                 void (*prepare)(const void*) = nullptr,
                 const void* param = nullptr,
                 std::string (*describe)(const void*) = nullptr);

// Value-parameterized suites are expanded when the tests start, so that
// TEST_P and INSTANTIATE_TEST_SUITE_P may come in any order.
class ParamSuiteBase {
 public:
  virtual ~ParamSuiteBase() = default;
  virtual void RegisterInstances() = 0;
};
void AddParamSuite(ParamSuiteBase* suite);

template <typename Fixture>
class ParamSuite : public ParamSuiteBase {
 public:
  using ParamType = typename Fixture::ParamType;

  static ParamSuite& Get() {
    static ParamSuite* const suite = [] {
      auto* created = new ParamSuite;
      AddParamSuite(created);
      return created;
    }();
    return *suite;
  }

  int AddTest(const char* suite, const char* name, TestFactory factory,
              const char* file, int line) {
    tests_.push_back({suite, name, factory, file, line});
    return 0;
  }

  template <typename Generator, typename Namer>
  int AddInstantiation(const char* prefix, const Generator& generator,
                       Namer namer) {
    Instantiation instantiation;
    instantiation.prefix = prefix;
    instantiation.values = generator.template ToVector<ParamType>();
    for (size_t i = 0; i < instantiation.values.size(); ++i) {
      instantiation.names.push_back(
          namer(TestParamInfo<ParamType>(instantiation.values[i], i)));
    }
    instantiations_.push_back(std::move(instantiation));
    return 0;
  }

  template <typename Generator>
  int AddInstantiation(const char* prefix, const Generator& generator) {
    return AddInstantiation(prefix, generator,
                            [](const TestParamInfo<ParamType>& info) {
                              return FormatUnsigned(info.index);
                            });
  }

  // Runs once, after all static registration, so the parameter vectors no
  // longer move and the tests can point into them.
  void RegisterInstances() override {
    for (const Pattern& test : tests_) {
      for (const Instantiation& instantiation : instantiations_) {
        for (size_t i = 0; i < instantiation.values.size(); ++i) {
          std::string suite = instantiation.prefix;
          if (!suite.empty()) suite += "/";
          suite += test.suite;
          RegisterTest(
              suite, std::string(test.name) + "/" + instantiation.names[i],
              test.factory, &Fixture::SetUpTestSuite,
              &Fixture::TearDownTestSuite, test.file, test.line,
              [](const void* param) {
                WithParamInterface<ParamType>::SetCurrentParam(
                    static_cast<const ParamType*>(param));
              },
              &instantiation.values[i],
              [](const void* param) {
                return PrintValue(*static_cast<const ParamType*>(param));
              });
        }
      }
    }
  }

 private:
  struct Pattern {
    const char* suite;
    const char* name;
    TestFactory factory;
    const char* file;
    int line;
  };
  struct Instantiation {
    std::string prefix;
    std::vector<ParamType> values;
    std::vector<std::string> names;
  };

  std::vector<Pattern> tests_;
  std::vector<Instantiation> instantiations_;
};

// ---- Parameter generators -----------------------------------------------

template <typename... Ts>
class ValueArray {
 public:
  explicit ValueArray(const Ts&... values) : values_{values...} {}
  template <typename T>
  std::vector<T> ToVector() const {
    return std::apply(
        [](const auto&... v) { return std::vector<T>{static_cast<T>(v)...}; },
        values_);
  }

 private:
  std::tuple<Ts...> values_;
};

template <typename Element>
class ValueList {
 public:
  explicit ValueList(std::vector<Element> values)
      : values_(std::move(values)) {}
  template <typename T>
  std::vector<T> ToVector() const {
    std::vector<T> out;
    for (const Element& v : values_) out.push_back(static_cast<T>(v));
    return out;
  }

 private:
  std::vector<Element> values_;
};

}  // namespace internal

template <typename... Ts>
internal::ValueArray<Ts...> Values(const Ts&... values) {
  return internal::ValueArray<Ts...>(values...);
}

template <typename Container>
auto ValuesIn(const Container& container) {
  using Element = std::decay_t<decltype(*std::begin(container))>;
  return internal::ValueList<Element>(
      std::vector<Element>(std::begin(container), std::end(container)));
}

// begin, begin + step, ... while < end.
template <typename T, typename Step = T>
internal::ValueList<T> Range(T begin, T end, Step step = 1) {
  std::vector<T> values;
  for (T v = begin; v < end; v = static_cast<T>(v + step)) values.push_back(v);
  return internal::ValueList<T>(std::move(values));
}

inline internal::ValueList<bool> Bool() {
  return internal::ValueList<bool>({false, true});
}

template <typename T>
Message& Message::operator<<(const T& value) {
  text_ += internal::StreamText(value);
  return *this;
}

}  // namespace testing

// Runs every selected test; 0 when none failed.
int RUN_ALL_TESTS();

// ---- Test definitions ---------------------------------------------------

#define GTEST_SHIM_CLASS_(suite, name) suite##_##name##_Test

#define GTEST_SHIM_TEST_(suite, name, parent)                             \
  class GTEST_SHIM_CLASS_(suite, name) : public parent {                  \
   private:                                                               \
    void TestBody() override;                                             \
    static const int registered_;                                         \
  };                                                                      \
  const int GTEST_SHIM_CLASS_(suite, name)::registered_ =                 \
      ::testing::internal::RegisterTest(                                  \
          #suite, #name,                                                  \
          &::testing::internal::MakeTest<GTEST_SHIM_CLASS_(suite, name)>, \
          &parent::SetUpTestSuite, &parent::TearDownTestSuite, __FILE__,  \
          __LINE__);                                                      \
  void GTEST_SHIM_CLASS_(suite, name)::TestBody()

#define TEST(suite, name) GTEST_SHIM_TEST_(suite, name, ::testing::Test)
#define TEST_F(fixture, name) GTEST_SHIM_TEST_(fixture, name, fixture)

#define TEST_P(fixture, name)                                               \
  class GTEST_SHIM_CLASS_(fixture, name) : public fixture {                 \
   private:                                                                 \
    void TestBody() override;                                               \
    static const int registered_;                                           \
  };                                                                        \
  const int GTEST_SHIM_CLASS_(fixture, name)::registered_ =                 \
      ::testing::internal::ParamSuite<fixture>::Get().AddTest(              \
          #fixture, #name,                                                  \
          &::testing::internal::MakeTest<GTEST_SHIM_CLASS_(fixture, name)>, \
          __FILE__, __LINE__);                                              \
  void GTEST_SHIM_CLASS_(fixture, name)::TestBody()

// INSTANTIATE_TEST_SUITE_P(prefix, fixture, generator[, name_generator])
#define INSTANTIATE_TEST_SUITE_P(prefix, fixture, ...)                  \
  static const int gtest_shim_##prefix##_##fixture##_instantiation_ =   \
      ::testing::internal::ParamSuite<fixture>::Get().AddInstantiation( \
          #prefix, __VA_ARGS__)

// ---- Assertions ---------------------------------------------------------

// Keeps `if (x) EXPECT_EQ(a, b); else ...` meaning what it says.
#define GTEST_SHIM_BLOCK_ELSE_ \
  switch (0)                   \
  case 0:                      \
  default:

#define GTEST_SHIM_FAILURE_(severity, explanation)                \
  ::testing::internal::AssertHelper(severity, __FILE__, __LINE__, \
                                    explanation) = ::testing::Message()

#define GTEST_SHIM_NONFATAL_(explanation) \
  GTEST_SHIM_FAILURE_(::testing::internal::Severity::kNonFatal, explanation)
#define GTEST_SHIM_FATAL_(explanation) \
  return GTEST_SHIM_FAILURE_(::testing::internal::Severity::kFatal, explanation)

#define GTEST_SHIM_CHECK_(result_expression, on_failure)   \
  GTEST_SHIM_BLOCK_ELSE_                                   \
  if (const ::testing::AssertionResult gtest_shim_result = \
          (result_expression))                             \
    ;                                                      \
  else                                                     \
    on_failure(gtest_shim_result.message())

#define GTEST_SHIM_CMP_(name, a, b, on_failure)                       \
  GTEST_SHIM_CHECK_(::testing::internal::Compare##name(#a, #b, a, b), \
                    on_failure)

#define EXPECT_EQ(a, b) GTEST_SHIM_CMP_(Eq, a, b, GTEST_SHIM_NONFATAL_)
#define EXPECT_NE(a, b) GTEST_SHIM_CMP_(Ne, a, b, GTEST_SHIM_NONFATAL_)
#define EXPECT_LT(a, b) GTEST_SHIM_CMP_(Lt, a, b, GTEST_SHIM_NONFATAL_)
#define EXPECT_LE(a, b) GTEST_SHIM_CMP_(Le, a, b, GTEST_SHIM_NONFATAL_)
#define EXPECT_GT(a, b) GTEST_SHIM_CMP_(Gt, a, b, GTEST_SHIM_NONFATAL_)
#define EXPECT_GE(a, b) GTEST_SHIM_CMP_(Ge, a, b, GTEST_SHIM_NONFATAL_)
#define ASSERT_EQ(a, b) GTEST_SHIM_CMP_(Eq, a, b, GTEST_SHIM_FATAL_)
#define ASSERT_NE(a, b) GTEST_SHIM_CMP_(Ne, a, b, GTEST_SHIM_FATAL_)
#define ASSERT_LT(a, b) GTEST_SHIM_CMP_(Lt, a, b, GTEST_SHIM_FATAL_)
#define ASSERT_LE(a, b) GTEST_SHIM_CMP_(Le, a, b, GTEST_SHIM_FATAL_)
#define ASSERT_GT(a, b) GTEST_SHIM_CMP_(Gt, a, b, GTEST_SHIM_FATAL_)
#define ASSERT_GE(a, b) GTEST_SHIM_CMP_(Ge, a, b, GTEST_SHIM_FATAL_)

#define GTEST_SHIM_BOOL_(condition, expected, on_failure)                    \
  GTEST_SHIM_CHECK_(::testing::internal::BoolCheck(                          \
                        static_cast<bool>(condition), #condition, expected), \
                    on_failure)
#define EXPECT_TRUE(condition) \
  GTEST_SHIM_BOOL_(condition, true, GTEST_SHIM_NONFATAL_)
#define EXPECT_FALSE(condition) \
  GTEST_SHIM_BOOL_(condition, false, GTEST_SHIM_NONFATAL_)
#define ASSERT_TRUE(condition) \
  GTEST_SHIM_BOOL_(condition, true, GTEST_SHIM_FATAL_)
#define ASSERT_FALSE(condition) \
  GTEST_SHIM_BOOL_(condition, false, GTEST_SHIM_FATAL_)

#define GTEST_SHIM_STR_(a, b, equal, ignore_case, on_failure)                \
  GTEST_SHIM_CHECK_(                                                         \
      ::testing::internal::CompareStrings(#a, #b, a, b, equal, ignore_case), \
      on_failure)
#define EXPECT_STREQ(a, b) \
  GTEST_SHIM_STR_(a, b, true, false, GTEST_SHIM_NONFATAL_)
#define EXPECT_STRNE(a, b) \
  GTEST_SHIM_STR_(a, b, false, false, GTEST_SHIM_NONFATAL_)
#define EXPECT_STRCASEEQ(a, b) \
  GTEST_SHIM_STR_(a, b, true, true, GTEST_SHIM_NONFATAL_)
#define ASSERT_STREQ(a, b) GTEST_SHIM_STR_(a, b, true, false, GTEST_SHIM_FATAL_)
#define ASSERT_STRNE(a, b) \
  GTEST_SHIM_STR_(a, b, false, false, GTEST_SHIM_FATAL_)
#define ASSERT_STRCASEEQ(a, b) \
  GTEST_SHIM_STR_(a, b, true, true, GTEST_SHIM_FATAL_)

#define EXPECT_NEAR(a, b, abs_error)                                         \
  GTEST_SHIM_CHECK_(                                                         \
      ::testing::internal::CompareNear(#a, #b, #abs_error, a, b, abs_error), \
      GTEST_SHIM_NONFATAL_)
#define ASSERT_NEAR(a, b, abs_error)                                         \
  GTEST_SHIM_CHECK_(                                                         \
      ::testing::internal::CompareNear(#a, #b, #abs_error, a, b, abs_error), \
      GTEST_SHIM_FATAL_)

// Equal to within 4 units in the last place, as GoogleTest defines it.
#define EXPECT_FLOAT_EQ(a, b)                                         \
  GTEST_SHIM_CHECK_(::testing::internal::CompareFloats(#a, #b, a, b), \
                    GTEST_SHIM_NONFATAL_)
#define ASSERT_FLOAT_EQ(a, b)                                         \
  GTEST_SHIM_CHECK_(::testing::internal::CompareFloats(#a, #b, a, b), \
                    GTEST_SHIM_FATAL_)
#define EXPECT_DOUBLE_EQ(a, b)                                         \
  GTEST_SHIM_CHECK_(::testing::internal::CompareDoubles(#a, #b, a, b), \
                    GTEST_SHIM_NONFATAL_)
#define ASSERT_DOUBLE_EQ(a, b)                                         \
  GTEST_SHIM_CHECK_(::testing::internal::CompareDoubles(#a, #b, a, b), \
                    GTEST_SHIM_FATAL_)

#define ADD_FAILURE() GTEST_SHIM_NONFATAL_("Failed")
#define FAIL() GTEST_SHIM_FATAL_("Failed")
#define SUCCEED() static_cast<void>(0)

// Marks the test skipped and returns from the current function.
#define GTEST_SKIP()                                           \
  GTEST_SHIM_BLOCK_ELSE_                                       \
  return ::testing::internal::SkipHelper(__FILE__, __LINE__) = \
             ::testing::Message()

#define GTEST_SHIM_CONCAT_INNER_(a, b) a##b
#define GTEST_SHIM_CONCAT_(a, b) GTEST_SHIM_CONCAT_INNER_(a, b)
#define SCOPED_TRACE(message)                                \
  const ::testing::internal::ScopedTrace GTEST_SHIM_CONCAT_( \
      gtest_shim_trace_, __COUNTER__)(__FILE__, __LINE__,    \
                                      ::testing::Message() << (message))

#endif  // TENSORFLOW_LITE_MICRO_TESTING_FIRMWARE_GTEST_INCLUDE_GTEST_GTEST_H_
