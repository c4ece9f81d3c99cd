// TFLite's reference/logistic.h, float32: reference_ops::Logistic over a
// shape, element by element with this runtime's LOGISTIC function
// (LogisticFloat, the float kernel's). The int8/int16 forms are in
// reference/integer_ops/logistic.h.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_LOGISTIC_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_LOGISTIC_H_

#include "tensorflow/lite/kernels/internal/reference/logistic_tanh.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"

namespace tflite {
namespace reference_ops {

inline void Logistic(const RuntimeShape& input_shape, const float* input_data,
                     const RuntimeShape& output_shape, float* output_data) {
  const int size = MatchingFlatSize(input_shape, output_shape);
  for (int i = 0; i < size; ++i) output_data[i] = LogisticFloat(input_data[i]);
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_LOGISTIC_H_
