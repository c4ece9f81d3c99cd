// TFLite's reference/integer_ops/mean.h: the quantized mean of a 4-D
// [batch, height, width, depth] tensor over height and width (axes 1 and 2,
// as TFLite's entry point requires), for int8 or int16. The arithmetic is
// this runtime's quantized MEAN (reference_ops::FoldMeanCount and
// QuantizedReduceOutput, TFLite's kernel arithmetic): `multiplier`/`shift`
// are input scale / output scale, and 1 / count is folded into them. TFLite's
// older integer_ops::Mean rescales first and then divides by the count
// rounding half away from zero; its results can differ by one.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_MEAN_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_MEAN_H_

#include <cstdint>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/compatibility.h"
#include "tensorflow/lite/kernels/internal/reference/reduce.h"
#include "tensorflow/lite/kernels/internal/reference/wrapping_arithmetic.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_integer_ops {

template <typename integer_type>
inline void Mean(const MeanParams& op_params, int32_t multiplier,
                 int32_t shift, const RuntimeShape& unextended_input_shape,
                 const integer_type* input_data, int32_t input_zero_point,
                 const RuntimeShape& unextended_output_shape,
                 integer_type* output_data, int32_t output_zero_point) {
  TFLITE_DCHECK_EQ(unextended_input_shape.DimensionsCount(), 4);
  TFLITE_DCHECK_LE(unextended_output_shape.DimensionsCount(), 4);
  TFLITE_DCHECK_EQ(op_params.axis_count, 2);
  TFLITE_DCHECK((op_params.axis[0] == 1 && op_params.axis[1] == 2) ||
                (op_params.axis[0] == 2 && op_params.axis[1] == 1));
  (void)op_params;
  (void)unextended_output_shape;
  const RuntimeShape input_shape =
      RuntimeShape::ExtendedShape(4, unextended_input_shape);
  const int batches = input_shape.Dims(0);
  const int height = input_shape.Dims(1);
  const int width = input_shape.Dims(2);
  const int depth = input_shape.Dims(3);
  const int64_t count = static_cast<int64_t>(height) * width;
  int folded_shift = shift;
  if (count > 0) reference_ops::FoldMeanCount(count, &multiplier, &folded_shift);
  for (int b = 0; b < batches; ++b) {
    for (int d = 0; d < depth; ++d) {
      int32_t sum = 0;
      for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
          sum = reference_ops::WrappingAdd(sum, static_cast<int32_t>(
                                     input_data[Offset(input_shape, b, y, x,
                                                       d)]));
        }
      }
      output_data[b * depth + d] =
          count == 0 ? integer_type(0)
                     : reference_ops::QuantizedReduceOutput<integer_type>(
                           static_cast<int32_t>(sum - input_zero_point * count),
                           multiplier, folded_shift, output_zero_point,
                           /*single_rounding=*/false);
    }
  }
}

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_MEAN_H_
