// MicroVsnprintf against the C library's snprintf on the formats messages
// use: the same text, the same returned length, the same truncation.
#include "tensorflow/lite/micro/micro_format.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>

#include "gtest/gtest.h"

namespace tflite {
namespace {

int Format(char* buffer, size_t size, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int written = MicroVsnprintf(buffer, size, format, args);
  va_end(args);
  return written;
}

#define EXPECT_LIKE_SNPRINTF(format, ...)                                  \
  do {                                                                     \
    char ours[512];                                                        \
    char theirs[512];                                                      \
    const int ours_length = Format(ours, sizeof(ours), format, __VA_ARGS__); \
    const int theirs_length =                                              \
        std::snprintf(theirs, sizeof(theirs), format, __VA_ARGS__);        \
    EXPECT_STREQ(ours, theirs) << "format " << format;                    \
    EXPECT_EQ(ours_length, theirs_length) << "format " << format;         \
  } while (0)

TEST(MicroFormatTest, Integers) {
  for (long long v : {0LL, 1LL, -1LL, 42LL, -12345LL, 2147483647LL,
                      -2147483647LL - 1, 9223372036854775807LL,
                      -9223372036854775807LL - 1}) {
    EXPECT_LIKE_SNPRINTF("%lld|%5lld|%-8lld|%+lld|% lld|%08lld|%.3lld", v, v,
                         v, v, v, v, v);
    EXPECT_LIKE_SNPRINTF("%llx|%llX|%#llx|%llo|%llu", v, v, v, v, v);
    const int i = static_cast<int>(v);
    EXPECT_LIKE_SNPRINTF("%d %i %u %x %5d %-5d| %05d %+d %.0d", i, i,
                         static_cast<unsigned>(i), static_cast<unsigned>(i),
                         i, i, i, i, i);
    EXPECT_LIKE_SNPRINTF("%ld %lu", static_cast<long>(v),
                         static_cast<unsigned long>(v));
    EXPECT_LIKE_SNPRINTF("%hd %hu", static_cast<int>(v),
                         static_cast<unsigned>(v));
#ifdef __NEWLIB__
    // Debian's bare-metal newlib is built without C99's z and hh length
    // modifiers: compare with the same values converted and printed with
    // ll and plain conversions.
    char ours[128];
    char theirs[128];
    Format(ours, sizeof(ours), "%zu %zd %hhd %hhu", static_cast<size_t>(v),
           static_cast<ptrdiff_t>(v), static_cast<int>(v),
           static_cast<unsigned>(v));
    std::snprintf(theirs, sizeof(theirs), "%llu %lld %d %u",
                  static_cast<unsigned long long>(static_cast<size_t>(v)),
                  static_cast<long long>(static_cast<ptrdiff_t>(v)),
                  static_cast<int>(static_cast<signed char>(v)),
                  static_cast<unsigned>(static_cast<unsigned char>(v)));
    EXPECT_STREQ(ours, theirs);
#else
    EXPECT_LIKE_SNPRINTF("%zu %zd", static_cast<size_t>(v),
                         static_cast<ptrdiff_t>(v));
    EXPECT_LIKE_SNPRINTF("%hhd %hhu", static_cast<int>(v),
                         static_cast<unsigned>(v));
#endif
  }
  EXPECT_LIKE_SNPRINTF("%*d|%-*d|%.*d", 6, 42, 6, 42, 4, 42);
}

TEST(MicroFormatTest, StringsCharsPointers) {
  EXPECT_LIKE_SNPRINTF("%s|%10s|%-10s|%.2s|%c|%3c|%%", "abc", "abc", "abc",
                       "abc", 'x', 'y');
  int local = 0;
  EXPECT_LIKE_SNPRINTF("%p", static_cast<void*>(&local));
  EXPECT_LIKE_SNPRINTF("%s", "");
}

TEST(MicroFormatTest, Floats) {
  const double values[] = {0.0,        -0.0,    1.0,       -1.0,
                           0.5,        0.1,     0.05,      0.0005,
                           1.5,        2.5,     3.14159265358979,
                           123456.789, 1e-5,    1e-7,      6.1e-5,
                           1e10,       1.5e15,  1e20,      3.4e38,
                           -2.75e-3,   100.0,   999999.5,  0.000123456,
                           0.00390625, 127.5,   65504.0,   1e-300,
                           std::numeric_limits<double>::infinity(),
                           -std::numeric_limits<double>::infinity(),
                           std::nan("")};
  for (double v : values) {
    EXPECT_LIKE_SNPRINTF("%g|%G|%.3g|%.10g|%10g|%-10g|%+g", v, v, v, v, v, v,
                         v);
    EXPECT_LIKE_SNPRINTF("%e|%E|%.2e|%.0e|%12.3e", v, v, v, v, v);
    if (std::fabs(v) < 1e18 || std::isinf(v) || std::isnan(v)) {
      EXPECT_LIKE_SNPRINTF("%f|%.2f|%.0f|%10.3f|%-10.1f|%010.2f|%.9f", v, v,
                           v, v, v, v, v);
    }
    if (std::fabs(v) < 1e18 || std::isinf(v) || std::isnan(v)) {
      EXPECT_LIKE_SNPRINTF("%#.0f|%#.0e|%#.3g", v, v, v);
    }
  }
}

TEST(MicroFormatTest, TruncatesLikeSnprintf) {
  char buffer[8];
  std::memset(buffer, 'z', sizeof(buffer));
  EXPECT_EQ(Format(buffer, sizeof(buffer), "%s-%d", "abcdef", 12345), 12);
  EXPECT_STREQ(buffer, "abcdef-");
  EXPECT_EQ(Format(nullptr, 0, "%d", 123), 3);
  buffer[0] = 'q';
  EXPECT_EQ(Format(buffer, 1, "%d", 123), 3);
  EXPECT_EQ(buffer[0], '\0');
}

TEST(MicroFormatTest, OddDirectives) {
  char buffer[64];
  Format(buffer, sizeof(buffer), "100%");
  EXPECT_STREQ(buffer, "100%");
  Format(buffer, sizeof(buffer), "%q|%d", 7);
  EXPECT_STREQ(buffer, "%q|7");
  // Huge widths are capped rather than honoured.
  EXPECT_EQ(Format(buffer, sizeof(buffer), "%999999999d", 1), 4096);
}

}  // namespace
}  // namespace tflite
