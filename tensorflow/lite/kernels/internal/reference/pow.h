// POW with broadcasting: float32 (std::pow) and int32. The int32 power is
// TFLite's double-precision pow converted to int32, computed exactly in
// integer arithmetic (no double operation, which is a library call on cores
// without a double FPU): every result that fits int32 is exact, results
// outside int32 become INT32_MIN (what TFLite's double-to-int conversion
// yields on its targets). Callers reject negative int32 exponents first;
// they give the truncated double result here too.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_POW_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_POW_H_

#include <cmath>
#include <cstdint>
#include <limits>

#include "tensorflow/lite/kernels/internal/reference/broadcast_elementwise.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"

namespace tflite {
namespace reference_ops {

inline float PowElement(float base, float exponent) {
  return std::pow(base, exponent);
}

inline int32_t PowElement(int32_t base, int32_t exponent) {
  constexpr int32_t kOutOfRange = std::numeric_limits<int32_t>::min();
  const bool odd = (exponent & 1) != 0;
  // Bases whose powers never leave [-1, 1].
  if (base == 0) {
    // 0^0 = 1; 0^-n is infinite.
    return exponent == 0 ? 1 : exponent > 0 ? 0 : kOutOfRange;
  }
  if (base == 1) return 1;
  if (base == -1) return odd ? -1 : 1;
  // |base| >= 2: a negative exponent gives a magnitude below 1, which
  // truncates to 0; otherwise the magnitude at least doubles with each
  // factor, so the product leaves int32 within 31 multiplications (a 64-bit
  // product of two values within int32 cannot overflow).
  if (exponent < 0) return 0;
  int64_t result = 1;
  for (int32_t i = 0; i < exponent; ++i) {
    result *= base;
    if (result < std::numeric_limits<int32_t>::min() ||
        result > std::numeric_limits<int32_t>::max()) {
      return kOutOfRange;
    }
  }
  return static_cast<int32_t>(result);
}

template <typename T>
inline void Pow(const RuntimeShape& input1_shape, const T* input1_data,
                const RuntimeShape& input2_shape, const T* input2_data,
                const RuntimeShape& output_shape, T* output_data) {
  BroadcastBinary(input1_shape, input1_data, input2_shape, input2_data,
                  output_shape, output_data,
                  [](T base, T exponent) { return PowElement(base, exponent); });
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_POW_H_
