// EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER and GREATER_EQUAL with
// broadcasting, writing bool. Plain values compare as they are; quantized
// values (CompareWithScaling) are first brought to a common real scale the
// way TFLite does it: value minus zero point, widened by 2^left_shift
// (TFLite uses 8) and multiplied by the input's own scale. `compare` is one
// of std::equal_to<>, std::less<>, ...
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_COMPARISONS_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_COMPARISONS_H_

#include <cstdint>

#include "tensorflow/lite/kernels/internal/reference/broadcast_elementwise.h"
#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

template <typename T, typename Compare>
inline void CompareElements(const RuntimeShape& input1_shape,
                            const T* input1_data,
                            const RuntimeShape& input2_shape,
                            const T* input2_data,
                            const RuntimeShape& output_shape,
                            bool* output_data, Compare compare) {
  BroadcastBinary(input1_shape, input1_data, input2_shape, input2_data,
                  output_shape, output_data, compare);
}

template <typename T, typename Compare>
inline void CompareWithScaling(const ComparisonParams& params,
                               const RuntimeShape& input1_shape,
                               const T* input1_data,
                               const RuntimeShape& input2_shape,
                               const T* input2_data,
                               const RuntimeShape& output_shape,
                               bool* output_data, Compare compare) {
  BroadcastBinary(
      input1_shape, input1_data, input2_shape, input2_data, output_shape,
      output_data, [&](T a, T b) {
        return compare(
            RescaleToCommonScale(a, params.input1_offset, params.left_shift,
                                 params.input1_multiplier,
                                 params.input1_shift),
            RescaleToCommonScale(b, params.input2_offset, params.left_shift,
                                 params.input2_multiplier,
                                 params.input2_shift));
      });
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_COMPARISONS_H_
