// Reference LOG_SOFTMAX over the last dimension: float, and int8 in the
// fixed-point formulation of TFLite's reference kernel (exp of Q5.26
// differences summed in Q12.19, its log evaluated in fixed point).
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_LOG_SOFTMAX_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_LOG_SOFTMAX_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/fixedpoint.h"

namespace tflite {

struct LogSoftmaxQuantParams {
  int32_t input_multiplier;
  int input_left_shift;
  int32_t reverse_multiplier;
  int reverse_left_shift;
  int diff_min;
};

namespace log_softmax_internal {

// x * 2^exponent for 0 <= exponent < 32, saturating.
inline int32_t SaturatingShiftLeft(int32_t x, int exponent) {
  if (exponent == 0) return x;
  const int32_t threshold = (1 << (31 - exponent)) - 1;
  if (x > threshold) return std::numeric_limits<int32_t>::max();
  if (x < -threshold) return std::numeric_limits<int32_t>::min();
  return fixed_point::ShiftLeft(x, exponent);
}

inline int32_t SaturatingAdd32(int32_t a, int32_t b) {
  const int64_t sum = static_cast<int64_t>(a) + b;
  return static_cast<int32_t>(std::min<int64_t>(
      std::max<int64_t>(sum, std::numeric_limits<int32_t>::min()),
      std::numeric_limits<int32_t>::max()));
}

inline int32_t SaturatingSub32(int32_t a, int32_t b) {
  const int64_t difference = static_cast<int64_t>(a) - b;
  return static_cast<int32_t>(std::min<int64_t>(
      std::max<int64_t>(difference, std::numeric_limits<int32_t>::min()),
      std::numeric_limits<int32_t>::max()));
}

// ln(x) for x >= 1 in fixed point. x = 2^k * r with r normalized to
// [sqrt(1/2), sqrt(2)) (of two candidate normalizations, the one whose
// exponent adjustment is larger); ln(r) comes from a rational approximation
// in q = 2 * (r - 2^-1/4). The result is accumulated with one extra integer
// bit so that k * ln 2 cannot saturate before the correction is added.
template <int kOutputIntegerBits, int kInputIntegerBits>
inline fixed_point::FixedPoint<int32_t, kOutputIntegerBits>
LogXForXGreaterThanOrEqualTo1(
    fixed_point::FixedPoint<int32_t, kInputIntegerBits> input) {
  using F0 = fixed_point::FixedPoint<int32_t, 0>;
  constexpr int kAccumBits = kOutputIntegerBits + 1;
  using FAccum = fixed_point::FixedPoint<int32_t, kAccumBits>;
  // Q0.31 constants: ln 2, 2^-1/4, 2^-1/2, 1/4 and the coefficients of the
  // rational approximation.
  const F0 ln_2 = F0::FromRaw(1488522236);
  const F0 fourth_root_half = F0::FromRaw(1805811301);
  const F0 sqrt_half = F0::FromRaw(1518500250);
  const F0 quarter = F0::FromRaw(536870912);
  const F0 alpha_n = F0::FromRaw(117049297);
  const F0 alpha_d = F0::FromRaw(127690142);
  const F0 alpha_i = F0::FromRaw(1057819769);
  const F0 alpha_f = F0::FromRaw(638450708);
  const FAccum quarter_accum = fixed_point::Rescale<kAccumBits>(quarter);

  // The raw input read as Q0.31; its magnitude is found by counting zeros.
  const F0 z = F0::FromRaw(input.raw());
  const int zeros_a = CountLeadingZeros(static_cast<uint32_t>(z.raw()));
  const F0 normalized_a =
      F0::FromRaw(SaturatingShiftLeft(z.raw(), zeros_a - 1));
  const int32_t r_a = SaturatingShiftLeft((normalized_a * sqrt_half).raw(), 1);
  const FAccum exponent_a = FAccum::FromRaw(SaturatingAdd32(
      SaturatingShiftLeft(kInputIntegerBits - zeros_a, 31 - kAccumBits),
      quarter_accum.raw()));

  const F0 z_b = z * sqrt_half;
  const int headroom_b = CountLeadingZeros(static_cast<uint32_t>(z_b.raw())) - 1;
  const int32_t r_b = SaturatingShiftLeft(z.raw(), headroom_b);
  const FAccum exponent_b = FAccum::FromRaw(SaturatingSub32(
      SaturatingShiftLeft(kInputIntegerBits - headroom_b, 31 - kAccumBits),
      quarter_accum.raw()));

  const F0 r = F0::FromRaw(std::min(r_a, r_b));
  const FAccum exponent =
      FAccum::FromRaw(std::max(exponent_a.raw(), exponent_b.raw()));

  const F0 p = fixed_point::RoundingHalfSum(r, fourth_root_half);
  F0 q = r - fourth_root_half;
  q = q + q;
  const F0 q_squared = q * q;
  const F0 numerator = q * r + q * q_squared * alpha_n;
  const F0 denominator_minus_one =
      p * (alpha_i + q + alpha_d * q_squared) + alpha_f * q;
  const F0 reciprocal =
      fixed_point::one_over_one_plus_x_for_x_in_0_1(denominator_minus_one);
  const FAccum numerator_accum = fixed_point::Rescale<kAccumBits>(numerator);
  return fixed_point::Rescale<kOutputIntegerBits>(
      exponent * ln_2 + numerator_accum * reciprocal);
}

}  // namespace log_softmax_internal

namespace reference_ops {

inline void LogSoftmax(const float* input, int outer, int depth,
                       float* output) {
  if (depth == 0) return;  // rows of no elements
  for (int i = 0; i < outer; ++i) {
    const float* in = input + i * depth;
    float* out = output + i * depth;
    float max_value = std::numeric_limits<float>::lowest();
    for (int c = 0; c < depth; ++c) max_value = std::max(max_value, in[c]);
    float sum = 0.0f;
    for (int c = 0; c < depth; ++c) sum += std::exp(in[c] - max_value);
    const float log_sum = std::log(sum);
    for (int c = 0; c < depth; ++c) out[c] = in[c] - max_value - log_sum;
  }
}

}  // namespace reference_ops

namespace reference_integer_ops {

// int8 LOG_SOFTMAX; the output has scale 16/256 and zero point 127, so it
// covers [-255/16, 0].
inline void LogSoftmax(const LogSoftmaxQuantParams& params, int outer,
                       int depth, const int8_t* input, int8_t* output) {
  constexpr int kInputIntegerBits = 5;
  constexpr int kAccumulationIntegerBits = 12;
  constexpr int kOutputIntegerBits = 4;
  constexpr int32_t kOutputZeroPoint = 127;
  constexpr int32_t kMin = std::numeric_limits<int8_t>::min();
  constexpr int32_t kMax = std::numeric_limits<int8_t>::max();
  using F5 = fixed_point::FixedPoint<int32_t, kInputIntegerBits>;
  using F12 = fixed_point::FixedPoint<int32_t, kAccumulationIntegerBits>;
  if (depth == 0) return;

  for (int i = 0; i < outer; ++i) {
    const int8_t* in = input + i * depth;
    int8_t* out = output + i * depth;
    int8_t max_in_row = std::numeric_limits<int8_t>::min();
    for (int c = 0; c < depth; ++c) max_in_row = std::max(max_in_row, in[c]);

    F12 sum_of_exps = F12::Zero();
    for (int c = 0; c < depth; ++c) {
      const int32_t diff = static_cast<int32_t>(in[c]) - max_in_row;
      if (diff >= params.diff_min) {
        const int32_t diff_q5 = MultiplyByQuantizedMultiplier(
            diff, params.input_multiplier, params.input_left_shift);
        sum_of_exps =
            sum_of_exps + fixed_point::Rescale<kAccumulationIntegerBits>(
                              fixed_point::exp_on_negative_values(
                                  F5::FromRaw(diff_q5)));
      }
    }
    const int32_t log_sum_q5 =
        log_softmax_internal::LogXForXGreaterThanOrEqualTo1<
            kInputIntegerBits>(sum_of_exps)
            .raw();

    // Differences at or below this would underflow the output once the log
    // of the sum is subtracted.
    const int32_t shifted_log_sum =
        fixed_point::Add(log_sum_q5, std::numeric_limits<int32_t>::min());
    const int32_t adjusted_diff_min = std::max<int32_t>(
        params.diff_min - 1,
        MultiplyByQuantizedMultiplier(shifted_log_sum,
                                      params.reverse_multiplier,
                                      params.reverse_left_shift));

    for (int c = 0; c < depth; ++c) {
      const int32_t diff = static_cast<int32_t>(in[c]) - max_in_row;
      if (diff > adjusted_diff_min) {
        const int32_t diff_q5 = MultiplyByQuantizedMultiplier(
            diff, params.input_multiplier, params.input_left_shift);
        const int32_t value =
            fixed_point::RoundingDivideByPOT(
                fixed_point::Sub(diff_q5, log_sum_q5),
                31 - kInputIntegerBits - kOutputIntegerBits) +
            kOutputZeroPoint;
        out[c] = static_cast<int8_t>(std::min(std::max(value, kMin), kMax));
      } else {
        out[c] = static_cast<int8_t>(kMin);
      }
    }
  }
}

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_LOG_SOFTMAX_H_
