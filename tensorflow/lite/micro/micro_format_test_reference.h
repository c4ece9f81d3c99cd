// The text MicroVsnprintf should print for one float directive, from the
// host C library (glibc), for micro_format_test and the generator of its
// table. Meaningful only where the C library's float conversions are exact.
#ifndef TENSORFLOW_LITE_MICRO_MICRO_FORMAT_TEST_REFERENCE_H_
#define TENSORFLOW_LITE_MICRO_MICRO_FORMAT_TEST_REFERENCE_H_

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace tflite {
namespace testing {

// snprintf(buffer, size, format, value) for a format holding one directive
// "%[flags][width][.precision]conversion", except for one case where glibc
// (2.36) departs from C11 7.21.6.1: %#g whose rounding carries the exponent
// X from P-1 to P (999999.5 with %#g). The standard asks for style e with
// precision P-1 and, under #, its trailing zeros ("1.00000e+06"); glibc
// drops them ("1.e+06"). Python prints "1.00000e+06", and so does
// MicroVsnprintf; here that case is printed through style e instead.
inline int ReferenceDirective(char* buffer, size_t size, const char* format,
                              double value) {
  const int length = std::snprintf(buffer, size, format, value);
  const size_t format_length = std::strlen(format);
  const char conversion = format[format_length - 1];
  if ((conversion != 'g' && conversion != 'G') ||
      std::strchr(format, '#') == nullptr) {
    return length;
  }
  const char* point = std::strchr(format, '.');
  int precision = point == nullptr ? 6 : std::atoi(point + 1);
  if (precision == 0) precision = 1;
  // With # and P > 1, "1." directly followed by the exponent is the quirk.
  if (precision < 2 || (std::strstr(buffer, "1.e") == nullptr &&
                        std::strstr(buffer, "1.E") == nullptr)) {
    return length;
  }
  char fixed[64];
  const size_t head = point == nullptr ? format_length - 1
                                       : static_cast<size_t>(point - format);
  if (head + 16 > sizeof(fixed)) return length;
  std::memcpy(fixed, format, head);
  std::snprintf(fixed + head, sizeof(fixed) - head, ".%d%c", precision - 1,
                conversion == 'g' ? 'e' : 'E');
  return std::snprintf(buffer, size, fixed, value);
}

// The same for directives separated by '|' (all of `value`), the texts
// separated by '|' likewise. `buffer` must hold the whole text.
inline int ReferenceFormat(char* buffer, size_t size, const char* format,
                           double value) {
  size_t length = 0;
  buffer[0] = '\0';
  for (const char* start = format;;) {
    const char* end = std::strchr(start, '|');
    if (end == nullptr) end = start + std::strlen(start);
    char directive[64];
    const size_t directive_length = static_cast<size_t>(end - start);
    if (directive_length >= sizeof(directive) || length >= size) return -1;
    std::memcpy(directive, start, directive_length);
    directive[directive_length] = '\0';
    const int written =
        ReferenceDirective(buffer + length, size - length, directive, value);
    if (written < 0) return -1;
    length += static_cast<size_t>(written);
    if (*end == '\0') return static_cast<int>(length);
    if (length + 1 < size) {
      buffer[length] = '|';
      buffer[length + 1] = '\0';
    }
    ++length;
    start = end + 1;
  }
}

}  // namespace testing
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MICRO_FORMAT_TEST_REFERENCE_H_
