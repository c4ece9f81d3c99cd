// TFLM's test macros: a test file is
//
//   TF_LITE_MICRO_TESTS_BEGIN
//   TF_LITE_MICRO_TEST(Name) { TF_LITE_MICRO_EXPECT_EQ(kTfLiteOk, ...); }
//   TF_LITE_MICRO_TESTS_END
//
// BEGIN opens main(), each TF_LITE_MICRO_TEST is a block run once inside it,
// END prints "N/M tests passed" and "~~~ALL TESTS PASSED~~~" (or "~~~SOME
// TESTS FAILED~~~") through MicroPrintf and makes main return 0 or 1. No
// heap, no exceptions: the same file runs on the host and as firmware
// (declare it with tflm_cc_test from micro/build_def.bzl). Failed
// expectations print the expression, file and line and let the test go on.
#ifndef TENSORFLOW_LITE_MICRO_TESTING_MICRO_TEST_H_
#define TENSORFLOW_LITE_MICRO_TESTING_MICRO_TEST_H_

#include <type_traits>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace micro_test {

inline int tests_passed = 0;
inline int tests_failed = 0;
inline bool is_test_complete = false;
inline bool did_test_fail = false;

inline bool BeginTest(const char* name) {
  MicroPrintf("Testing %s", name);
  did_test_fail = false;
  is_test_complete = false;
  return true;
}

inline void EndTest() {
  is_test_complete = true;
  if (did_test_fail) {
    ++tests_failed;
  } else {
    ++tests_passed;
  }
}

inline int Summary() {
  MicroPrintf("%d/%d tests passed", tests_passed, tests_passed + tests_failed);
  MicroPrintf("%s", tests_failed == 0 ? "~~~ALL TESTS PASSED~~~\n"
                                      : "~~~SOME TESTS FAILED~~~\n");
  return tests_failed == 0 ? 0 : 1;
}

inline void Failed(const char* what, const char* file, int line) {
  MicroPrintf("%s failed at %s:%d", what, file, line);
  did_test_fail = true;
}

template <typename T>
constexpr bool kIsFloat = std::is_floating_point<T>::value;

template <typename T>
long long AsPrintable(const T& value) {  // NOLINT(runtime/int)
  if constexpr (std::is_integral<T>::value || std::is_enum<T>::value) {
    return static_cast<long long>(value);  // NOLINT(runtime/int)
  } else {
    return 0;
  }
}

// EXPECT_EQ / EXPECT_NE: exact comparisons, so floating-point operands are a
// test error (compare them with TF_LITE_MICRO_EXPECT_NEAR).
template <typename X, typename Y>
void ExpectEqual(bool want_equal, const X& x, const Y& y, const char* text,
                 const char* file, int line) {
  if constexpr (kIsFloat<X> || kIsFloat<Y>) {
    MicroPrintf("%s: EXPECT_EQ/NE on floating point at %s:%d; use "
                "TF_LITE_MICRO_EXPECT_NEAR",
                text, file, line);
    did_test_fail = true;
  } else {
    if ((x == y) == want_equal) return;
    MicroPrintf("%s failed at %s:%d (%lld vs %lld)", text, file, line,
                AsPrintable(x), AsPrintable(y));
    did_test_fail = true;
  }
}

template <typename X, typename Y, typename E>
void ExpectNear(const X& x, const Y& y, const E& epsilon, const char* text,
                const char* file, int line) {
  const auto delta = x > y ? x - y : y - x;
  // Equal values pass even when both are infinite (inf - inf is NaN).
  if (x == y || !(delta > epsilon)) return;
  MicroPrintf("%s (%f vs %f) failed at %s:%d", text, static_cast<double>(x),
              static_cast<double>(y), file, line);
  did_test_fail = true;
}

}  // namespace micro_test

#define TF_LITE_MICRO_TESTS_BEGIN \
  int main(int, char**) {         \
    ::micro_test::tests_passed = 0; \
    ::micro_test::tests_failed = 0;

#define TF_LITE_MICRO_TESTS_END       \
  return ::micro_test::Summary(); \
  }

#define TF_LITE_MICRO_TEST(name)                                   \
  for (bool micro_test_running_ = ::micro_test::BeginTest(#name); \
       micro_test_running_;                                        \
       micro_test_running_ = false, ::micro_test::EndTest())

#define TF_LITE_MICRO_EXPECT(x) \
  do {                          \
    if (!(x)) ::micro_test::Failed(#x, __FILE__, __LINE__); \
  } while (false)

#define TF_LITE_MICRO_EXPECT_TRUE(x) TF_LITE_MICRO_EXPECT(x)

#define TF_LITE_MICRO_EXPECT_FALSE(x) \
  do {                                \
    if (x) ::micro_test::Failed("!(" #x ")", __FILE__, __LINE__); \
  } while (false)

#define TF_LITE_MICRO_EXPECT_EQ(x, y) \
  ::micro_test::ExpectEqual(true, (x), (y), #x " == " #y, __FILE__, __LINE__)

#define TF_LITE_MICRO_EXPECT_NE(x, y) \
  ::micro_test::ExpectEqual(false, (x), (y), #x " != " #y, __FILE__, __LINE__)

#define TF_LITE_MICRO_EXPECT_NEAR(x, y, epsilon)                           \
  ::micro_test::ExpectNear((x), (y), (epsilon), #x " near " #y, __FILE__, \
                           __LINE__)

#define TF_LITE_MICRO_ARRAY_ELEMENT_EXPECT_NEAR(arr1, idx1, arr2, idx2, \
                                                epsilon)                \
  TF_LITE_MICRO_EXPECT_NEAR((arr1)[(idx1)], (arr2)[(idx2)], (epsilon))

#define TF_LITE_MICRO_EXPECT_GT(x, y)                                 \
  do {                                                                \
    if (!((x) > (y))) ::micro_test::Failed(#x " > " #y, __FILE__, __LINE__); \
  } while (false)

#define TF_LITE_MICRO_EXPECT_LT(x, y)                                 \
  do {                                                                \
    if (!((x) < (y))) ::micro_test::Failed(#x " < " #y, __FILE__, __LINE__); \
  } while (false)

#define TF_LITE_MICRO_EXPECT_GE(x, y)                                   \
  do {                                                                  \
    if (!((x) >= (y))) ::micro_test::Failed(#x " >= " #y, __FILE__, __LINE__); \
  } while (false)

#define TF_LITE_MICRO_EXPECT_LE(x, y)                                   \
  do {                                                                  \
    if (!((x) <= (y))) ::micro_test::Failed(#x " <= " #y, __FILE__, __LINE__); \
  } while (false)

#define TF_LITE_MICRO_FAIL(msg) ::micro_test::Failed(msg, __FILE__, __LINE__)

#define TF_LITE_MICRO_EXPECT_STRING_EQ(string1, string2)          \
  do {                                                            \
    const char* micro_test_a_ = (string1);                        \
    const char* micro_test_b_ = (string2);                        \
    int micro_test_i_ = 0;                                        \
    while (micro_test_a_[micro_test_i_] != '\0' &&                \
           micro_test_a_[micro_test_i_] == micro_test_b_[micro_test_i_]) { \
      ++micro_test_i_;                                            \
    }                                                             \
    if (micro_test_a_[micro_test_i_] != micro_test_b_[micro_test_i_]) { \
      ::micro_test::Failed(#string1 " == " #string2, __FILE__, __LINE__); \
    }                                                             \
  } while (false)

#endif  // TENSORFLOW_LITE_MICRO_TESTING_MICRO_TEST_H_
