// MUL: float32/int32/int64 (clamped to the fused activation's range; integer
// overflow wraps) and quantized int8/int16. All functions broadcast.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_MUL_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_MUL_H_

#include <cstdint>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/reference/broadcast_elementwise.h"
#include "tensorflow/lite/kernels/internal/reference/wrapping_arithmetic.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

template <typename T>
inline void Mul(const ArithmeticParams& params,
                const RuntimeShape& input1_shape, const T* input1_data,
                const RuntimeShape& input2_shape, const T* input2_data,
                const RuntimeShape& output_shape, T* output_data) {
  BroadcastBinaryWithActivation(params, input1_shape, input1_data,
                                input2_shape, input2_data, output_shape,
                                output_data,
                                [](T a, T b) { return WrappingMul(a, b); });
}

}  // namespace reference_ops

namespace reference_integer_ops {

// (a - zero_point_a) * (b - zero_point_b) rescaled by input1_scale *
// input2_scale / output_scale. The product fits int32: at most 255 * 255 for
// int8, and 32768 * 32768 for int16 (whose zero points are 0).
template <typename T>
inline void Mul(const ArithmeticParams& params,
                const RuntimeShape& input1_shape, const T* input1_data,
                const RuntimeShape& input2_shape, const T* input2_data,
                const RuntimeShape& output_shape, T* output_data) {
  reference_ops::BroadcastBinary(
      input1_shape, input1_data, input2_shape, input2_data, output_shape,
      output_data, [&params](T a, T b) {
        const int32_t product = (params.input1_offset + a) *
                                (params.input2_offset + b);
        const int32_t result = SaturatingAddInt32(
            MultiplyByQuantizedMultiplier(product, params.output_multiplier,
                                          params.output_shift),
            params.output_offset);
        return static_cast<T>(ClampToQuantizedActivationRange(result, params));
      });
}

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_MUL_H_
