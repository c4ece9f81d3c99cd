// Reference arithmetic of the single-input math ops ABS, NEG, SIN, COS, LOG,
// SQRT, RSQRT, SQUARE, EXP, FLOOR, CEIL and ROUND. Float paths apply the C++
// math function; the quantized paths follow TFLite's reference kernels (LOG,
// EXP and int16 RSQRT go through lookup tables, see lut.h).
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_ELEMENTWISE_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_ELEMENTWISE_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "tensorflow/lite/kernels/internal/common.h"

namespace tflite {

// Quantization of a rescaling element-wise op (ABS, RSQRT, SQRT).
struct ElementwiseQuantParams {
  int32_t input_offset;  // the input zero point
  int32_t output_offset;  // the output zero point
  float input_scale;
  float output_scale;
  int32_t multiplier;
  int shift;
  bool needs_rescale;
};

namespace reference_ops {

template <typename T, typename Fn>
inline void Map(const T* input, int size, T* output, Fn fn) {
  for (int i = 0; i < size; ++i) output[i] = fn(input[i]);
}

// Two's-complement negation and absolute value: the most negative value maps
// to itself, as in the reference kernels.
template <typename T>
inline T WrappingNegate(T x) {
  using U = typename std::make_unsigned<T>::type;
  return static_cast<T>(static_cast<U>(0) - static_cast<U>(x));
}

template <typename T>
inline T WrappingAbs(T x) {
  return x < 0 ? WrappingNegate(x) : x;
}

// ROUND: nearest integer, ties to even.
inline float RoundHalfToEven(float x) {
  const float floor_value = std::floor(x);
  const float fraction = x - floor_value;
  if (fraction < 0.5f) return floor_value;
  if (fraction > 0.5f) return floor_value + 1.0f;
  return std::fmod(floor_value, 2.0f) == 0.0f ? floor_value
                                              : floor_value + 1.0f;
}

}  // namespace reference_ops

namespace reference_integer_ops {

// |x - zp_in| rescaled to the output scale.
template <typename T>
inline void Abs(const ElementwiseQuantParams& params, const T* input,
                int size, T* output) {
  constexpr int32_t kMin = std::numeric_limits<T>::min();
  constexpr int32_t kMax = std::numeric_limits<T>::max();
  for (int i = 0; i < size; ++i) {
    const int32_t magnitude =
        std::abs(static_cast<int32_t>(input[i]) - params.input_offset);
    const int32_t rescaled =
        params.needs_rescale
            ? MultiplyByQuantizedMultiplier(magnitude, params.multiplier,
                                            params.shift)
            : magnitude;
    output[i] = static_cast<T>(
        std::min(std::max(SaturatingAddInt32(rescaled, params.output_offset),
                          kMin),
                 kMax));
  }
}

// int8 RSQRT: 1/sqrt(x - zp_in) as a fixed-point multiplier from a
// Newton-Raphson inverse square root, applied to 1 with 20 extra bits of
// headroom that the output multiplier removes again. Inputs below the zero
// point must have been rejected by the caller; the zero point itself maps to
// the largest output.
inline void Rsqrt(const ElementwiseQuantParams& params, const int8_t* input,
                  int size, int8_t* output) {
  constexpr int32_t kMin = std::numeric_limits<int8_t>::min();
  constexpr int32_t kMax = std::numeric_limits<int8_t>::max();
  constexpr int kHeadroomBits = 20;
  for (int i = 0; i < size; ++i) {
    const int32_t value = static_cast<int32_t>(input[i]) - params.input_offset;
    if (value == 0) {
      output[i] = static_cast<int8_t>(kMax);
      continue;
    }
    int32_t inv_sqrt_multiplier;
    int inv_sqrt_shift;
    GetInvSqrtQuantizedMultiplierExp(value, kReverseShift,
                                     &inv_sqrt_multiplier, &inv_sqrt_shift);
    const int32_t inv_sqrt = MultiplyByQuantizedMultiplier(
        int32_t{1}, inv_sqrt_multiplier, inv_sqrt_shift + kHeadroomBits);
    const int32_t result =
        MultiplyByQuantizedMultiplier(inv_sqrt, params.multiplier,
                                      params.shift - kHeadroomBits) +
        params.output_offset;
    output[i] = static_cast<int8_t>(std::min(std::max(result, kMin), kMax));
  }
}

// Quantized SQRT in float: dequantize, sqrt, then truncate (not round) to
// the output scale. Negative inputs must have been rejected by the caller.
template <typename T>
inline void Sqrt(const ElementwiseQuantParams& params, const T* input,
                 int size, T* output) {
  constexpr int32_t kMin = std::numeric_limits<T>::min();
  constexpr int32_t kMax = std::numeric_limits<T>::max();
  for (int i = 0; i < size; ++i) {
    const float real_input =
        params.input_scale *
        static_cast<float>(static_cast<int32_t>(input[i]) -
                           params.input_offset);
    const float steps = std::sqrt(real_input) / params.output_scale;
    // Saturate before converting: the quotient can exceed int32 for tiny
    // output scales.
    const float limited = std::min(steps, 2147483520.0f);
    const int32_t quantized =
        static_cast<int32_t>(limited) + params.output_offset;
    output[i] = static_cast<T>(std::min(std::max(quantized, kMin), kMax));
  }
}

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_ELEMENTWISE_H_
