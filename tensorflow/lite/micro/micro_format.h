// printf-style formatting into a caller-given buffer that never touches the
// heap (C libraries' vsnprintf may allocate, e.g. for wide precisions or some
// floating-point conversions). Supports the flags - 0 + space #, width and
// precision (also *), the length modifiers hh h l ll z j t, and the
// conversions d i u x X o c s p f F e E g G %. Floating-point text is
// exact at any precision (up to 4096): the double's binary value correctly
// rounded, exact ties to even, computed with integers only, so it is the
// same on every target and the same as glibc's (micro_format_test compares;
// glibc 2.36 differs only in dropping the zeros %#g keeps when rounding
// carries it into exponent style). Like vsnprintf: returns the length the
// full text has, writes at most size - 1 characters and a NUL.
#ifndef TENSORFLOW_LITE_MICRO_MICRO_FORMAT_H_
#define TENSORFLOW_LITE_MICRO_MICRO_FORMAT_H_

#include <cstdarg>
#include <cstddef>

namespace tflite {

int MicroVsnprintf(char* buffer, size_t size, const char* format,
                   va_list args);

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MICRO_FORMAT_H_
