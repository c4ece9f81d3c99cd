// SQUARED_DIFFERENCE, (a - b)^2 with broadcasting: float32, int32 (integer
// overflow wraps) and quantized int8 and int16.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SQUARED_DIFFERENCE_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SQUARED_DIFFERENCE_H_

#include <cstdint>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/reference/broadcast_elementwise.h"
#include "tensorflow/lite/kernels/internal/reference/wrapping_arithmetic.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

template <typename T>
inline void SquaredDifference(const RuntimeShape& input1_shape,
                              const T* input1_data,
                              const RuntimeShape& input2_shape,
                              const T* input2_data,
                              const RuntimeShape& output_shape,
                              T* output_data) {
  BroadcastBinary(input1_shape, input1_data, input2_shape, input2_data,
                  output_shape, output_data, [](T a, T b) {
                    const T difference = WrappingSub(a, b);
                    return WrappingMul(difference, difference);
                  });
}

}  // namespace reference_ops

namespace reference_integer_ops {

// Both inputs are brought to a common scale as in ADD/SUB (widened by
// 2^left_shift: 7 for int8, 0 for int16, whose zero points are 0), the
// difference is squared and rescaled to the output. Each rescaled input is
// at most half its widened range, so the square stays inside int32:
// (255 << 6)^2 for int8, (2^15)^2 for int16.
template <typename T>
inline void SquaredDifference(const ArithmeticParams& params,
                              const RuntimeShape& input1_shape,
                              const T* input1_data,
                              const RuntimeShape& input2_shape,
                              const T* input2_data,
                              const RuntimeShape& output_shape,
                              T* output_data) {
  reference_ops::BroadcastBinary(
      input1_shape, input1_data, input2_shape, input2_data, output_shape,
      output_data, [&params](T a, T b) {
        const int32_t a_scaled = RescaleToCommonScale(
            a, params.input1_offset, params.left_shift,
            params.input1_multiplier, params.input1_shift);
        const int32_t b_scaled = RescaleToCommonScale(
            b, params.input2_offset, params.left_shift,
            params.input2_multiplier, params.input2_shift);
        const int32_t difference = a_scaled - b_scaled;
        const int32_t result = SaturatingAddInt32(
            MultiplyByQuantizedMultiplier(difference * difference,
                                          params.output_multiplier,
                                          params.output_shift),
            params.output_offset);
        return static_cast<T>(
            ClampToQuantizedActivationRange(result, params));
      });
}

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SQUARED_DIFFERENCE_H_
