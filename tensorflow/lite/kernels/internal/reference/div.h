// DIV: float32 (IEEE division, then the fused activation's clamp), int32
// (truncating division) and quantized int8/int16/uint8. All functions
// broadcast. Callers reject zero integer divisors first (the integer
// functions return 0 for them rather than trap).
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_DIV_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_DIV_H_

#include <cstdint>
#include <limits>
#include <type_traits>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/fixedpoint.h"
#include "tensorflow/lite/kernels/internal/reference/broadcast_elementwise.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

// a / b rounded toward zero; the one overflowing case (min / -1) wraps to
// min, and a zero divisor gives 0.
template <typename T>
inline T TruncatingDivide(T a, T b) {
  if (b == 0) return 0;
  if (b == -1) return static_cast<T>(0 - static_cast<
      typename std::make_unsigned<T>::type>(a));
  return a / b;
}

inline float TruncatingDivide(float a, float b) { return a / b; }

template <typename T>
inline void Div(const ArithmeticParams& params,
                const RuntimeShape& input1_shape, const T* input1_data,
                const RuntimeShape& input2_shape, const T* input2_data,
                const RuntimeShape& output_shape, T* output_data) {
  BroadcastBinaryWithActivation(
      params, input1_shape, input1_data, input2_shape, input2_data,
      output_shape, output_data,
      [](T a, T b) { return TruncatingDivide(a, b); });
}

}  // namespace reference_ops

namespace reference_integer_ops {

// x / 2^exponent rounded to nearest (ties away from zero), also for an
// exponent of 32 or more. TFLite's quantized DIV reaches such exponents (for
// a zero numerator, say: its headroom is 31) and then shifts an int32 by the
// full exponent, which x86 reduces modulo 32, while the rounding mask is
// formed in 64 bits. That is reproduced here without undefined behaviour,
// so results equal TFLite's and TFLM's on x86 (0 / 100 at scales 0.1 gives
// 1, not 0, in both).
inline int32_t DivideByPowerOfTwoAsTFLite(int32_t x, int exponent) {
  const int32_t mask = static_cast<int32_t>(static_cast<uint32_t>(
      (static_cast<uint64_t>(1) << (exponent & 63)) - 1));
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> (exponent & 31)) + (remainder > threshold ? 1 : 0);
}

// One quantized quotient: the numerator times a fixed-point reciprocal of
// the denominator, both normalised to use the full int32 range, then
// rescaled by input1_scale / (input2_scale * output_scale).
inline int32_t QuantizedDivide(const ArithmeticParams& params, int32_t a,
                               int32_t b) {
  int32_t numerator = params.input1_offset + a;
  int32_t denominator = params.input2_offset + b;
  if (denominator == 0) return params.output_offset;
  if (denominator < 0) {
    // The reciprocal is computed for a positive denominator.
    numerator = -numerator;
    denominator = -denominator;
  }
  int reciprocal_shift;
  const int32_t reciprocal =
      GetReciprocal(denominator, 31, &reciprocal_shift);
  const int headroom = CountLeadingSignBits(numerator);
  const int32_t normalised = static_cast<int32_t>(
      static_cast<uint32_t>(numerator) << headroom);
  const int32_t quotient =
      fixed_point::SaturatingRoundingDoublingHighMul(normalised, reciprocal);
  const int total_shift = params.output_shift - reciprocal_shift - headroom;
  if (total_shift > 0) {
    return SaturatingAddInt32(
        MultiplyByQuantizedMultiplier(quotient, params.output_multiplier,
                                      total_shift),
        params.output_offset);
  }
  return SaturatingAddInt32(
      DivideByPowerOfTwoAsTFLite(fixed_point::SaturatingRoundingDoublingHighMul(
                                     quotient, params.output_multiplier),
                                 -total_shift),
      params.output_offset);
}

template <typename T>
inline void Div(const ArithmeticParams& params,
                const RuntimeShape& input1_shape, const T* input1_data,
                const RuntimeShape& input2_shape, const T* input2_data,
                const RuntimeShape& output_shape, T* output_data) {
  reference_ops::BroadcastBinary(
      input1_shape, input1_data, input2_shape, input2_data, output_shape,
      output_data, [&params](T a, T b) {
        return static_cast<T>(
            ClampToQuantizedActivationRange(QuantizedDivide(params, a, b),
                                            params));
      });
}

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_DIV_H_
