// TFLite's reference/integer_ops/tanh.h under TFLM's names.
//
// int8: TFLM's fixed-point form (see logistic.h): Q4.27 input through
// fixed_point::tanh, output with scale 1/128 and zero point 0, saturating at
// input_range_radius. (This runtime's own int8 TANH kernel uses TFLite's
// table of the float function; the two can differ by one.)
// int16: this runtime's TanhInt16 (the same bits as TFLite and TFLM).
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_TANH_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_TANH_H_

#include <cstdint>

#include "tensorflow/lite/kernels/internal/reference/integer_ops/logistic.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"

namespace tflite {
namespace reference_integer_ops {

inline void Tanh(int32_t input_zero_point, int32_t input_range_radius,
                 int32_t input_multiplier, int32_t input_shift,
                 const RuntimeShape& input_shape, const int8_t* input_data,
                 const RuntimeShape& output_shape, int8_t* output_data) {
  fixed_point_activation::Int8(
      input_zero_point, input_range_radius, input_multiplier, input_shift,
      MatchingFlatSize(input_shape, output_shape), input_data, output_data,
      /*output_bits=*/7, /*output_zero_point=*/0,
      [](fixed_point::FixedPoint<int32_t, 4> x) {
        return fixed_point::tanh(x);
      });
}

inline void Tanh(int32_t input_multiplier, int32_t input_left_shift,
                 const RuntimeShape& input_shape,
                 const int16_t* ptr_input_data,
                 const RuntimeShape& output_shape, int16_t* ptr_output_data) {
  reference_ops::TanhInt16(input_multiplier, input_left_shift, ptr_input_data,
                           MatchingFlatSize(input_shape, output_shape),
                           ptr_output_data);
}

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_TANH_H_
