// Reference SOFTMAX for float, for int8 input (int8 or int16 output) in the
// fixed-point formulation of TFLite's reference kernel, and for int16 in its
// table-driven formulation.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SOFTMAX_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SOFTMAX_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/fixedpoint.h"
#include "tensorflow/lite/kernels/internal/reference/lut.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

// Float softmax with beta as a float (the kernel's parameter as the model
// gives it): no double operation.
inline void Softmax(float beta, const RuntimeShape& input_shape,
                    const float* input_data, const RuntimeShape& output_shape,
                    float* output_data) {
  const int last = input_shape.DimensionsCount() - 1;
  const int outer = MatchingFlatSizeSkipDim(input_shape, last, output_shape);
  const int depth = MatchingDim(input_shape, last, output_shape, last);
  // Rows of no elements: nothing to write (however many rows there are).
  if (depth == 0) return;
  for (int i = 0; i < outer; ++i) {
    const float* in = input_data + i * depth;
    float* out = output_data + i * depth;
    // Subtracting the row maximum keeps exp() in range without changing
    // the result.
    float max_value = std::numeric_limits<float>::lowest();
    for (int c = 0; c < depth; ++c) max_value = std::max(max_value, in[c]);
    float sum = 0.f;
    for (int c = 0; c < depth; ++c) {
      const float e = std::exp((in[c] - max_value) * beta);
      out[c] = e;
      sum += e;
    }
    for (int c = 0; c < depth; ++c) out[c] = out[c] / sum;
  }
}

// TFLite's signature (its beta is a float's value held in a double).
inline void Softmax(const SoftmaxParams& params,
                    const RuntimeShape& input_shape, const float* input_data,
                    const RuntimeShape& output_shape, float* output_data) {
  Softmax(static_cast<float>(params.beta), input_shape, input_data,
          output_shape, output_data);
}

// exp(beta * input_scale * diff) for a difference to the row maximum
// (diff_min <= diff <= 0): diff scaled into Q5.26, exponentiated in fixed
// point; the raw value of the Q0.31 result.
inline int32_t SoftmaxExpRaw(const SoftmaxParams& params, int32_t diff) {
  constexpr int kScaledDiffIntegerBits = 5;
  using ScaledDiff = fixed_point::FixedPoint<int32_t, kScaledDiffIntegerBits>;
  const int32_t rescaled = MultiplyByQuantizedMultiplierGreaterThanOne(
      diff, params.input_multiplier, params.input_left_shift);
  return fixed_point::exp_on_negative_values(ScaledDiff::FromRaw(rescaled))
      .raw();
}

// The fixed-point softmax with the exponentials from exp_raw(diff), which
// must equal SoftmaxExpRaw(params, diff) (a kernel may look them up in a
// table instead): summed in Q12.19 and normalized by a fixed-point
// reciprocal.
template <typename InputT, typename OutputT, typename ExpRaw>
inline void SoftmaxWithExp(const SoftmaxParams& params,
                           const RuntimeShape& input_shape,
                           const InputT* input_data,
                           const RuntimeShape& output_shape,
                           OutputT* output_data, ExpRaw exp_raw) {
  constexpr int kAccumulationIntegerBits = 12;
  using Accum = fixed_point::FixedPoint<int32_t, kAccumulationIntegerBits>;
  using F0 = fixed_point::FixedPoint<int32_t, 0>;
  const int diff_min = params.diff_min;
  const int last = input_shape.DimensionsCount() - 1;
  const int outer = MatchingFlatSizeSkipDim(input_shape, last, output_shape);
  const int depth = MatchingDim(input_shape, last, output_shape, last);
  // Rows of no elements: nothing to write (however many rows there are).
  if (depth == 0) return;
  constexpr int32_t kOutMin = std::numeric_limits<OutputT>::min();
  constexpr int32_t kOutMax = std::numeric_limits<OutputT>::max();

  for (int i = 0; i < outer; ++i) {
    const InputT* in = input_data + i * depth;
    OutputT* out = output_data + i * depth;
    InputT max_in_row = std::numeric_limits<InputT>::min();
    for (int c = 0; c < depth; ++c) max_in_row = std::max(max_in_row, in[c]);

    Accum sum_of_exps = Accum::Zero();
    for (int c = 0; c < depth; ++c) {
      const int32_t diff = static_cast<int32_t>(in[c]) - max_in_row;
      if (diff >= diff_min) {
        sum_of_exps = sum_of_exps +
                      fixed_point::Rescale<kAccumulationIntegerBits>(
                          F0::FromRaw(exp_raw(diff)));
      }
    }

    int num_bits_over_unit;
    const F0 shifted_scale = F0::FromRaw(GetReciprocal(
        sum_of_exps.raw(), kAccumulationIntegerBits, &num_bits_over_unit));

    for (int c = 0; c < depth; ++c) {
      const int32_t diff = static_cast<int32_t>(in[c]) - max_in_row;
      if (diff >= diff_min) {
        const F0 exp_in_0 = F0::FromRaw(exp_raw(diff));
        const int32_t unsaturated = fixed_point::RoundingDivideByPOT(
            (shifted_scale * exp_in_0).raw(),
            num_bits_over_unit + 31 - static_cast<int>(sizeof(OutputT) * 8));
        const int32_t shifted = unsaturated + kOutMin;
        out[c] = static_cast<OutputT>(
            std::max(std::min(shifted, kOutMax), kOutMin));
      } else {
        out[c] = static_cast<OutputT>(kOutMin);
      }
    }
  }
}

template <typename InputT, typename OutputT>
inline void Softmax(const SoftmaxParams& params,
                    const RuntimeShape& input_shape, const InputT* input_data,
                    const RuntimeShape& output_shape, OutputT* output_data) {
  SoftmaxWithExp(params, input_shape, input_data, output_shape, output_data,
                 [&params](int32_t diff) {
                   return SoftmaxExpRaw(params, diff);
                 });
}

// int16 input and output, both symmetric, output scale 2^-15. Differences
// to the row maximum are rescaled so that [-10, 0] spans the int16 range and
// exponentiated through an interpolated table (params.exp_lut); the sum is
// normalized to [1, 2) and inverted through a second table of 1 / (1 + x)
// (params.one_over_one_plus_x_lut). The exponentials are kept in the output
// row until the reciprocal is known. Each row must have fewer than 65537
// elements so that the Q16.15 sum fits in int32.
inline void SoftmaxInt16(const SoftmaxParams& params,
                         const RuntimeShape& input_shape,
                         const int16_t* input_data,
                         const RuntimeShape& output_shape,
                         int16_t* output_data) {
  const int last = input_shape.DimensionsCount() - 1;
  const int outer = MatchingFlatSizeSkipDim(input_shape, last, output_shape);
  const int depth = MatchingDim(input_shape, last, output_shape, last);
  // Rows of no elements: nothing to write (however many rows there are).
  if (depth == 0) return;
  if (depth == 0) return;  // empty rows have no sum to normalize by
  for (int i = 0; i < outer; ++i) {
    const int16_t* in = input_data + i * depth;
    int16_t* out = output_data + i * depth;
    int16_t max_in_row = std::numeric_limits<int16_t>::min();
    for (int c = 0; c < depth; ++c) max_in_row = std::max(max_in_row, in[c]);

    int32_t sum_of_exps = 0;  // Q16.15
    for (int c = 0; c < depth; ++c) {
      const int32_t diff = static_cast<int32_t>(in[c]) - max_in_row;
      const int32_t scaled = MultiplyByQuantizedMultiplier(
          diff, params.input_multiplier, params.input_left_shift);
      // [-65535, 0] -> [-32768, 32767], the table's input range.
      const int32_t centered =
          std::min(std::max(scaled + 32767, static_cast<int32_t>(-32768)),
                   static_cast<int32_t>(32767));
      out[c] = LutLookup(static_cast<int16_t>(centered), params.exp_lut);
      sum_of_exps += out[c];
    }

    // sum = 2^k * (1 + x) with x in [0, 1); look up 1 / (1 + x) with x
    // recentered onto the table's int16 input range.
    const int headroom_plus_one =
        CountLeadingZeros(static_cast<uint32_t>(sum_of_exps));
    const int32_t normalized = static_cast<int32_t>(
        ((static_cast<int64_t>(sum_of_exps) << (headroom_plus_one - 1)) +
         (1 << 13)) >>
        14);
    const int32_t centered_x = normalized - ((1 << 15) + (1 << 16));
    const int16_t reciprocal = LutLookup(
        static_cast<int16_t>(
            std::min(std::max(centered_x, static_cast<int32_t>(-32768)),
                     static_cast<int32_t>(32767))),
        params.one_over_one_plus_x_lut);

    const int right_shift = 31 - headroom_plus_one;
    const int64_t rounding = int64_t{1} << (right_shift - 1);
    for (int c = 0; c < depth; ++c) {
      const int64_t product =
          static_cast<int64_t>(out[c]) * static_cast<int64_t>(reciprocal);
      const int32_t result =
          static_cast<int32_t>((product + rounding) >> right_shift);
      out[c] = static_cast<int16_t>(
          std::min(std::max(result, static_cast<int32_t>(0)),
                   static_cast<int32_t>(32767)));
    }
  }
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SOFTMAX_H_
