// Accumulator arithmetic of the quantized convolution-like reference kernels
// (CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV, BATCH_MATMUL).
//
// Accumulation: an int32 accumulator wraps around on overflow (two's
// complement) instead of being undefined behaviour; the value is then what
// the reference kernels compute on the targets they run on. An int64
// accumulator only overflows with a broken model's int64 bias; it wraps too.
//
// Rescaling to the output: MultiplyByQuantizedMultiplier (two roundings for
// an int32 accumulator, the 64-bit multiply for 16x8) in both arithmetic
// variants: TFLM and LiteRT's reference kernels of these ops agree (checked
// against ai-edge-litert 2.3, whose FULLY_CONNECTED alone rounds once).
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_ACCUMULATE_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_ACCUMULATE_H_

#include <cstdint>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/reference/wrapping_arithmetic.h"

namespace tflite {
namespace reference_integer_ops {

// acc + a * b.
inline int32_t WrappingMultiplyAdd(int32_t acc, int32_t a, int32_t b) {
  return reference_ops::WrappingAdd(acc, reference_ops::WrappingMul(a, b));
}
inline int64_t WrappingMultiplyAdd(int64_t acc, int32_t a, int32_t b) {
  return reference_ops::WrappingAdd(
      acc, static_cast<int64_t>(a) * static_cast<int64_t>(b));
}

// acc + value (a bias); for an int32 accumulator value is an int32 bias.
inline int32_t WrappingAdd(int32_t acc, int64_t value) {
  return reference_ops::WrappingAdd(acc, static_cast<int32_t>(value));
}
inline int64_t WrappingAdd(int64_t acc, int64_t value) {
  return reference_ops::WrappingAdd(acc, value);
}

// acc * multiplier * 2^(shift - 31), multiplier in [2^30, 2^31) (or 0).
inline int32_t RescaleAccumulator(int32_t acc, int32_t multiplier,
                                  int shift) {
  return MultiplyByQuantizedMultiplier(acc, multiplier, shift);
}
inline int32_t RescaleAccumulator(int64_t acc, int32_t multiplier,
                                  int shift) {
  return MultiplyByQuantizedMultiplier(acc, multiplier, shift);
}

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_ACCUMULATE_H_
