// TFLite's reference/integer_ops/logistic.h under TFLM's names.
//
// int8: TFLM's fixed-point form. An input within input_range_radius of its
// zero point is taken to Q4.27 by input_multiplier/input_left_shift and
// through fixed_point::logistic; the result is output with scale 1/256 and
// zero point -128 (the quantization TFLM's LOGISTIC requires). Inputs at or
// beyond the radius saturate. (This runtime's own int8 LOGISTIC kernel uses
// TFLite's table of the float function; the two can differ by one.)
// int16: this runtime's LogisticInt16 (TFLite's and TFLM's table
// interpolation, the same bits).
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_LOGISTIC_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_LOGISTIC_H_

#include <algorithm>
#include <cstdint>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/fixedpoint.h"
#include "tensorflow/lite/kernels/internal/reference/logistic_tanh.h"

namespace tflite {
namespace reference_integer_ops {
namespace fixed_point_activation {

// Applies `fn` (fixed_point::logistic or tanh on Q4.27, giving Q0.31) to
// each int8 input; the Q0.31 result is rounded to `output_bits` fractional
// bits, offset by `output_zero_point` and saturated to int8.
template <typename Fn>
inline void Int8(int32_t input_zero_point, int32_t input_range_radius,
                 int32_t input_multiplier, int32_t input_shift, int size,
                 const int8_t* input, int8_t* output, int output_bits,
                 int32_t output_zero_point, Fn fn) {
  using Q4 = fixed_point::FixedPoint<int32_t, 4>;
  for (int i = 0; i < size; ++i) {
    const int32_t centered = static_cast<int32_t>(input[i]) - input_zero_point;
    if (centered <= -input_range_radius) {
      output[i] = INT8_MIN;
    } else if (centered >= input_range_radius) {
      output[i] = INT8_MAX;
    } else {
      const int32_t q4 =
          MultiplyByQuantizedMultiplier(centered, input_multiplier,
                                        input_shift);
      const int32_t q31 = fn(Q4::FromRaw(q4)).raw();
      const int32_t value =
          fixed_point::RoundingDivideByPOT(q31, 31 - output_bits) +
          output_zero_point;
      output[i] = static_cast<int8_t>(
          std::min<int32_t>(INT8_MAX, std::max<int32_t>(INT8_MIN, value)));
    }
  }
}

}  // namespace fixed_point_activation

inline void Logistic(int32_t input_zero_point, int32_t input_range_radius,
                     int32_t input_multiplier, int32_t input_left_shift,
                     int32_t input_size, const int8_t* input_data,
                     int8_t* output_data) {
  fixed_point_activation::Int8(
      input_zero_point, input_range_radius, input_multiplier,
      input_left_shift, input_size, input_data, output_data,
      /*output_bits=*/8, /*output_zero_point=*/-128,
      [](fixed_point::FixedPoint<int32_t, 4> x) {
        return fixed_point::logistic(x);
      });
}

// input_multiplier 0: a power-of-two input scale (input_left_shift says how
// much finer than Q3.12 it is); otherwise the rescaling multiplier.
inline void Logistic(int32_t input_multiplier, int32_t input_left_shift,
                     int32_t input_size, const int16_t* ptr_input_data,
                     int16_t* ptr_output_data) {
  reference_ops::LogisticInt16(input_multiplier, input_left_shift,
                               ptr_input_data, input_size, ptr_output_data);
}

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_LOGISTIC_H_
