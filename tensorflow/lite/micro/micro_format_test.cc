// MicroVsnprintf against the C library's snprintf on the formats messages
// use: the same text, the same returned length, the same truncation.
// Floats are checked against texts glibc printed (micro_format_test_table.inc,
// checked against glibc again on hosts that have it), since bare-metal C
// libraries may not be exact; on glibc hosts also on random directives.
#include "tensorflow/lite/micro/micro_format.h"

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>

#include "gtest/gtest.h"
#include "tensorflow/lite/micro/micro_format_test_reference.h"

namespace tflite {
namespace {

// A double (by its bits), '|'-separated directives that all print it, and
// the text glibc prints for them.
struct FloatCase {
  uint64_t bits;
  const char* format;
  const char* text;
};

#include "tensorflow/lite/micro/micro_format_test_table.inc"

double FromBits(uint64_t bits) {
  double value;
  std::memcpy(&value, &bits, sizeof(value));
  return value;
}

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

// Formats `value` once for each directive of `format` (at most 24).
template <typename Function>
int FormatRepeated(Function function, char* buffer, size_t size,
                   const char* format, double v) {
  return function(buffer, size, format, v, v, v, v, v, v, v, v, v, v, v, v, v,
                  v, v, v, v, v, v, v, v, v, v, v);
}

std::string Text(const char* format, double value) {
  static char buffer[1200];
  FormatRepeated(Format, buffer, sizeof(buffer), format, value);
  return buffer;
}

// Cases whose digits decide by the exact binary value, read without any C
// library.
TEST(MicroFormatTest, FloatsRoundTheExactValue) {
  // Exact ties round to even.
  EXPECT_EQ(Text("%.2f", 0.125), "0.12");
  EXPECT_EQ(Text("%.2f", 0.375), "0.38");
  EXPECT_EQ(Text("%.0f|%.0f|%.0f|%.0f", 0.5), "0|0|0|0");
  EXPECT_EQ(Text("%.0f", 1.5), "2");
  EXPECT_EQ(Text("%.0f", 2.5), "2");
  EXPECT_EQ(Text("%.0f", 3.5), "4");
  EXPECT_EQ(Text("%.0e", 2.5), "2e+00");
  EXPECT_EQ(Text("%.1g", 0.25), "0.2");
  // The double nearest 0.05 is above it, 0.15's below.
  EXPECT_EQ(Text("%-10.1f|", 0.05), "0.1       |");
  EXPECT_EQ(Text("%.1f", 0.15), "0.1");
  EXPECT_EQ(Text("%10.3f", 0.0005), "     0.001");
  EXPECT_EQ(Text("%.10g", 1e-300), "1e-300");
  EXPECT_EQ(Text("%.17g", 0.1), "0.10000000000000001");
  EXPECT_EQ(Text("%.0f", 1e23), "99999999999999991611392");
  EXPECT_EQ(Text("%.25e", 1e23), "9.9999999999999991611392000e+22");
  // Rounding carries into a new leading digit.
  EXPECT_EQ(Text("%.1f", 9.96), "10.0");
  EXPECT_EQ(Text("%.1e", 9.96), "1.0e+01");
  EXPECT_EQ(Text("%g", 999999.5), "1e+06");
  EXPECT_EQ(Text("%#g", 999999.5), "1.00000e+06");  // glibc: "1.e+06"
  EXPECT_EQ(Text("%#.3g", 99.96), "100.");
  EXPECT_EQ(Text("%g", 0.00009999996), "0.0001");
  // The extremes, in full.
  EXPECT_EQ(Text("%g", DBL_MAX), "1.79769e+308");
  EXPECT_EQ(Text("%.3e", 4.9406564584124654e-324), "4.941e-324");
  EXPECT_EQ(Text("%.0e", 4.9406564584124654e-324), "5e-324");
  EXPECT_EQ(Text("%g", 2.2250738585072014e-308), "2.22507e-308");
  EXPECT_EQ(Text("%.0f", 18446744073709551616.0), "18446744073709551616");
  EXPECT_EQ(Text("%.3f", -0.0), "-0.000");
  EXPECT_EQ(Text("%+g|% g|%05g|%-5g|", std::numeric_limits<double>::infinity()),
            "+inf| inf|  inf|inf  |");
  EXPECT_EQ(Text("%F|%E", -std::numeric_limits<double>::infinity()),
            "-INF|-INF");
  EXPECT_EQ(Text("%f|%G", std::numeric_limits<double>::quiet_NaN()), "nan|NAN");
  EXPECT_EQ(Text("%f", -std::numeric_limits<double>::quiet_NaN()), "-nan");
  // Precisions past the expansion's end print zeros.
  EXPECT_EQ(Text("%.30f", 0.5), "0.500000000000000000000000000000");
  // 2^-1074 = 5^1074 / 10^1074: 751 digits after 323 zeros.
  const std::string smallest = Text("%.1074f", 4.9406564584124654e-324);
  EXPECT_EQ(smallest.size(), 1076u);
  EXPECT_EQ(smallest.substr(320, 15), "000004940656458");
  EXPECT_EQ(smallest.substr(1066), "3447265625");
}

#ifndef __GLIBC__
// How many directives of `format` the C library prints other than `text`
// says, listing the first few. Debian's newlib has no %F: not counted.
int CountLibraryDifferences(const char* format, double value,
                            const char* text) {
  static int listed = 0;
  int differences = 0;
  while (*format != '\0') {
    char directive[64];
    char expected[1200];
    char theirs[1200];
    size_t length = std::strcspn(format, "|");
    std::snprintf(directive, sizeof(directive), "%.*s",
                  static_cast<int>(length), format);
    format += length + (format[length] == '|');
    length = std::strcspn(text, "|");
    std::snprintf(expected, sizeof(expected), "%.*s", static_cast<int>(length),
                  text);
    text += length + (text[length] == '|');
#ifdef __NEWLIB__
    if (directive[std::strlen(directive) - 1] == 'F') continue;
#endif
    std::snprintf(theirs, sizeof(theirs), directive, value);
    if (std::strcmp(theirs, expected) != 0) {
      ++differences;
      if (++listed <= 12) {
        std::printf("C library: %s of %.17g: %.80s (glibc: %.80s)\n", directive,
                    value, theirs, expected);
      }
    }
  }
  return differences;
}
#endif

// Every case of the table, on every target.
TEST(MicroFormatTest, FloatsPrintWhatGlibcPrints) {
  static char ours[4096];
  static char theirs[4096];
  const int count =
      static_cast<int>(sizeof(kFloatCases) / sizeof(kFloatCases[0]));
  int library_differs = 0;
  for (const FloatCase& c : kFloatCases) {
    const double value = FromBits(c.bits);
    const int length =
        FormatRepeated(Format, ours, sizeof(ours), c.format, value);
    EXPECT_STREQ(ours, c.text) << "format " << c.format << " of " << value;
    EXPECT_EQ(length, static_cast<int>(std::strlen(c.text)))
        << "format " << c.format;
#ifdef __GLIBC__
    // The table still says what this glibc prints.
    testing::ReferenceFormat(theirs, sizeof(theirs), c.format, value);
    EXPECT_STREQ(theirs, c.text) << "format " << c.format;
#else
    // Whether this C library prints the same: reported, not required.
    library_differs += CountLibraryDifferences(c.format, value, c.text);
#endif
  }
  std::printf(
      "%d table cases; this C library's snprintf prints %d of their "
      "directives otherwise\n",
      count, library_differs);
}

// splitmix64: a fixed sequence of 64-bit values.
uint64_t Random(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15u);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return z ^ (z >> 31);
}

// Random doubles over the whole exponent range, halves and quarters (ties)
// and subnormals, in random directives, against glibc or, on bare metal,
// newlib, which prints all of the table's directives as glibc does (but
// has no %F).
TEST(MicroFormatTest, RandomFloatsPrintWhatTheCLibraryPrints) {
  static char ours[2048];
  static char theirs[2048];
  uint64_t state = 42;
  int failures = 0;
#ifdef __GLIBC__
  const int count = 100000;
  const char* const conversions = "fFeEgG";
#else
  const int count = 20000;  // under QEMU
  const char* const conversions = "ffeEgG";
#endif
  for (int i = 0; i < count && failures < 20; ++i) {
    const uint64_t bits = Random(state);
    const uint64_t choice = Random(state);
    double value = FromBits(bits);
    switch (choice % 4) {
      case 1:  // subnormal or nearly
        value = FromBits(bits & 0x801fffffffffffffu);
        break;
      case 2:  // a tie at some decimal position
        value = static_cast<double>(static_cast<int64_t>(bits % 2000001) -
                                    1000000) /
                static_cast<double>(1 << ((choice >> 2) % 12));
        break;
      default:
        break;
    }
    std::string format = "%";
    for (int flag = 0; flag < 5; ++flag) {
      if ((choice >> (8 + 2 * flag)) % 4 == 0) format += "-+ #0"[flag];
    }
    if ((choice >> 20) % 3 == 0) format += std::to_string((choice >> 24) % 30);
    const int precision_kind = static_cast<int>((choice >> 32) % 8);
    if (precision_kind < 5) {
      format += "." + std::to_string((choice >> 36) % 18);
    } else if (precision_kind == 5) {
      format += "." + std::to_string((choice >> 36) % 1100);
    }
    format += conversions[(choice >> 48) % 6];
    const int ours_length = Format(ours, sizeof(ours), format.c_str(), value);
#ifdef __GLIBC__
    const int theirs_length =
        testing::ReferenceFormat(theirs, sizeof(theirs), format.c_str(), value);
#else
    const int theirs_length =
        std::snprintf(theirs, sizeof(theirs), format.c_str(), value);
#endif
    if (std::strcmp(ours, theirs) != 0 || ours_length != theirs_length) {
      ++failures;
      uint64_t value_bits;
      std::memcpy(&value_bits, &value, sizeof(value_bits));
      char hex[24];
      std::snprintf(hex, sizeof(hex), "%016llx",
                    static_cast<unsigned long long>(value_bits));
      ADD_FAILURE() << "format " << format << " of bits " << hex
                    << ":\n  ours     " << ours << "\n  C library " << theirs;
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
  // Floats are measured, then written: truncated alike.
  std::memset(buffer, 'z', sizeof(buffer));
  EXPECT_EQ(Format(buffer, 6, "%-9.3e|", -1234.5678), 11);
  EXPECT_STREQ(buffer, "-1.23");
  EXPECT_EQ(Format(nullptr, 0, "%.2f", 1e300), 304);
  EXPECT_EQ(Format(buffer, sizeof(buffer), "%08.2f", 3.14159), 8);
  EXPECT_STREQ(buffer, "00003.1");
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
