// Reference arithmetic of the clamping and piecewise-linear activations:
// RELU, RELU6, RELU_N1_TO_1, LEAKY_RELU, PRELU and HARD_SWISH, in float and
// in the integer formulations of TFLite's reference kernels.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_ACTIVATIONS_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_ACTIVATIONS_H_

#include <algorithm>
#include <cstdint>
#include <limits>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/fixedpoint.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {

// Requantizing clamp of RELU / RELU6 / RELU_N1_TO_1.
struct ReluQuantParams {
  int32_t input_offset;   // input zero point
  int32_t output_offset;  // output zero point
  int32_t output_multiplier;
  int output_shift;
  int32_t quantized_activation_min;
  int32_t quantized_activation_max;
};

namespace reference_ops {

inline void ReluX(float lower, float upper, const float* input, int size,
                  float* output) {
  for (int i = 0; i < size; ++i) {
    output[i] = std::min(std::max(input[i], lower), upper);
  }
}

// Rescales x - zp_in to the output scale, then clamps to the activation
// bounds (already in output units).
template <typename T>
inline void ReluX(const ReluQuantParams& params, const T* input, int size,
                  T* output) {
  for (int i = 0; i < size; ++i) {
    int32_t value = SaturatingAddInt32(
        params.output_offset,
        MultiplyByQuantizedMultiplier(
            static_cast<int32_t>(input[i]) - params.input_offset,
            params.output_multiplier, params.output_shift));
    value = std::max(value, params.quantized_activation_min);
    value = std::min(value, params.quantized_activation_max);
    output[i] = static_cast<T>(value);
  }
}

inline void LeakyRelu(float alpha, const float* input, int size,
                      float* output) {
  for (int i = 0; i < size; ++i) {
    const float x = input[i];
    // alpha may exceed 1 or be negative: no max() here.
    output[i] = x > 0 ? x : x * alpha;
  }
}

// x * multiplier * 2^shift for a possibly negative multiplier (LEAKY_RELU
// with negative alpha): applied as -(x * |multiplier|). That is what LiteRT's
// reference LEAKY_RELU computes (checked exhaustively against it); it differs
// from applying the negative multiplier directly by one on exact ties.
inline int32_t MultiplyBySignedQuantizedMultiplier(int32_t x,
                                                   int32_t multiplier,
                                                   int shift) {
  if (multiplier >= 0) return MultiplyByQuantizedMultiplier(x, multiplier, shift);
  const int64_t magnitude = -static_cast<int64_t>(multiplier);
  const int32_t positive = static_cast<int32_t>(
      std::min<int64_t>(magnitude, std::numeric_limits<int32_t>::max()));
  return -MultiplyByQuantizedMultiplier(x, positive, shift);
}

// Non-negative inputs take the identity multiplier, negative ones the alpha
// multiplier (alpha * input_scale / output_scale, negative for alpha < 0).
template <typename T>
inline void QuantizeLeakyRelu(const LeakyReluParams& params, const T* input,
                              int size, T* output) {
  constexpr int32_t kMin = std::numeric_limits<T>::min();
  constexpr int32_t kMax = std::numeric_limits<T>::max();
  for (int i = 0; i < size; ++i) {
    const int32_t x = static_cast<int32_t>(input[i]) - params.input_offset;
    const int32_t scaled =
        x >= 0 ? MultiplyByQuantizedMultiplier(
                     x, params.output_multiplier_identity,
                     params.output_shift_identity)
               : MultiplyBySignedQuantizedMultiplier(
                     x, params.output_multiplier_alpha,
                     params.output_shift_alpha);
    output[i] = static_cast<T>(
        std::min(kMax, std::max(kMin, SaturatingAddInt32(params.output_offset,
                                                         scaled))));
  }
}

// PRELU for one element, float.
inline float Prelu(float x, float alpha) { return x >= 0.0f ? x : x * alpha; }

// PRELU for one quantized element. Offsets are the negated zero points of
// input and alpha and the output zero point.
template <typename T>
inline T QuantizedPrelu(const PreluParams& params, T input, T alpha) {
  const int32_t x = params.input_offset + static_cast<int32_t>(input);
  int32_t result;
  if (x >= 0) {
    result = MultiplyByQuantizedMultiplier(x, params.output_multiplier_1,
                                           params.output_shift_1);
  } else {
    const int32_t a = params.alpha_offset + static_cast<int32_t>(alpha);
    result = MultiplyByQuantizedMultiplier(x * a, params.output_multiplier_2,
                                           params.output_shift_2);
  }
  result = SaturatingAddInt32(result, params.output_offset);
  constexpr int32_t kMin = std::numeric_limits<T>::min();
  constexpr int32_t kMax = std::numeric_limits<T>::max();
  return static_cast<T>(std::min(kMax, std::max(kMin, result)));
}

// x * relu6(x + 3) / 6.
inline void HardSwish(const float* input, int size, float* output) {
  for (int i = 0; i < size; ++i) {
    const float x = input[i];
    output[i] = x * std::min(6.0f, std::max(0.0f, x + 3.0f)) / 6.0f;
  }
}

namespace hard_swish_internal {

inline int16_t SaturatingLeftShift(int16_t value, int amount) {
  const int64_t shifted = static_cast<int64_t>(value) * (int64_t{1} << amount);
  return static_cast<int16_t>(std::min<int64_t>(
      std::max<int64_t>(shifted, std::numeric_limits<int16_t>::min()),
      std::numeric_limits<int16_t>::max()));
}

// High half of 2*a*b truncated toward zero (no rounding), saturating the
// single overflowing case.
inline int16_t SaturatingDoublingHighMul(int16_t a, int16_t b) {
  if (a == b && a == std::numeric_limits<int16_t>::min()) {
    return std::numeric_limits<int16_t>::max();
  }
  const int32_t product = static_cast<int32_t>(a) * static_cast<int32_t>(b);
  return static_cast<int16_t>(product / (1 << 15));
}

}  // namespace hard_swish_internal

// Quantized HARD_SWISH in 16-bit fixed point. The input is moved to a
// 7-bit-finer scale; a "relu-ish" factor maps [-3, 3] onto [0, 1] with
// saturation, and multiplies the input expressed on the output scale.
template <typename T>
inline void HardSwish(const HardSwishParams& params, const T* input, int size,
                      T* output) {
  using hard_swish_internal::SaturatingDoublingHighMul;
  using hard_swish_internal::SaturatingLeftShift;
  for (int i = 0; i < size; ++i) {
    const int16_t x =
        static_cast<int16_t>(input[i] - params.input_zero_point);
    const int16_t x_hires = static_cast<int16_t>(x * (1 << 7));
    const int16_t x_on_output_scale =
        fixed_point::SaturatingRoundingDoublingHighMul(
            x_hires, params.output_multiplier_fixedpoint_int16);

    // Rescale so that 3.0 maps to 32768 (saturating at 32767). Left shifts
    // are split so that only the last bit can saturate.
    int16_t reluish = x_hires;
    const int exponent = params.reluish_multiplier_exponent;
    if (exponent > 0) reluish = SaturatingLeftShift(reluish, exponent - 1);
    reluish = fixed_point::SaturatingRoundingDoublingHighMul(
        reluish, params.reluish_multiplier_fixedpoint_int16);
    if (exponent > 0) reluish = SaturatingLeftShift(reluish, 1);
    if (exponent < 0) {
      reluish = fixed_point::RoundingDivideByPOT<int16_t>(reluish, -exponent);
    }
    // [-1, 1] -> [0, 1].
    reluish = static_cast<int16_t>((static_cast<int32_t>(reluish) + 32768) >> 1);

    const int16_t product =
        SaturatingDoublingHighMul(reluish, x_on_output_scale);
    int16_t result = fixed_point::RoundingDivideByPOT<int16_t>(
        product, -params.output_multiplier_exponent);
    // The zero point is added in 16 bits, as in the reference.
    result = static_cast<int16_t>(result + params.output_zero_point);
    result = std::min<int16_t>(result, std::numeric_limits<T>::max());
    result = std::max<int16_t>(result, std::numeric_limits<T>::min());
    output[i] = static_cast<T>(result);
  }
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_ACTIVATIONS_H_
