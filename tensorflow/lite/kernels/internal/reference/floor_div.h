// FLOOR_DIV, floor(a / b) with broadcasting, for float32, int8, int16 and
// int32 (integer tensors as plain integers, quantized or not, as TFLite
// does). Float quotients are taken in double precision and floored, as in
// TFLite. Integer quotients are computed in integer arithmetic, which gives
// TFLite's double-precision results exactly (see FloorDivElement). The one
// integer quotient that does not fit its type, min / -1, comes out as
// LiteRT's build produces it: saturated to the maximum for int8/int16,
// INT32_MIN for int32. Callers reject zero divisors first (they give 0
// here).
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_FLOOR_DIV_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_FLOOR_DIV_H_

#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "tensorflow/lite/kernels/internal/reference/broadcast_elementwise.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"

namespace tflite {
namespace reference_ops {

inline float FloorDivElement(float a, float b) {
  return static_cast<float>(
      std::floor(static_cast<double>(a) / static_cast<double>(b)));
}

// TFLite floors the double quotient, which is the exact floor of a / b:
// for |a|, |b| < 2^31 the double nearest a / b stays within [n, n + 1),
// n = floor(a / b), because a non-integer a / b lies at least 1/|b| from
// n + 1 while half a unit in the last place of |a / b| is at most
// |a / b| * 2^-53 < 2^-22 / |b|. So integer division, rounded toward minus
// infinity, gives the same values without a double operation (which is a
// library call on cores without a double FPU).
template <typename T>
inline T FloorDivElement(T a, T b) {
  static_assert(std::is_integral<T>::value, "integer types only");
  if (b == 0) return 0;
  if (a == std::numeric_limits<T>::min() && b == -1) {
    // 2^(n-1): out of range (the double path's overflow result).
    return sizeof(T) < sizeof(int32_t) ? std::numeric_limits<T>::max()
                                       : std::numeric_limits<T>::min();
  }
  // C++ division truncates toward zero; a nonzero remainder whose sign
  // differs from the divisor's means the true quotient was negative and
  // not whole, so the floor is one less.
  T quotient = static_cast<T>(a / b);
  const T remainder = static_cast<T>(a % b);
  if (remainder != 0 && ((remainder < 0) != (b < 0))) --quotient;
  return quotient;
}

template <typename T>
inline void FloorDiv(const RuntimeShape& input1_shape, const T* input1_data,
                     const RuntimeShape& input2_shape, const T* input2_data,
                     const RuntimeShape& output_shape, T* output_data) {
  BroadcastBinary(input1_shape, input1_data, input2_shape, input2_data,
                  output_shape, output_data,
                  [](T a, T b) { return FloorDivElement(a, b); });
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_FLOOR_DIV_H_
