// TFLite's reference/logistic.h and reference/tanh.h (which forwards here),
// float32: reference_ops::Logistic and Tanh over a shape, element by element
// with the functions of this runtime's float LOGISTIC and TANH kernels
// (LogisticFloat, std::tanh). The int8/int16 forms are in
// reference/integer_ops/{logistic,tanh}.h.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_LOGISTIC_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_LOGISTIC_H_

#include <cmath>

#include "tensorflow/lite/kernels/internal/reference/elementwise.h"
#include "tensorflow/lite/kernels/internal/reference/logistic_tanh.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"

namespace tflite {
namespace reference_ops {

inline void Logistic(const RuntimeShape& input_shape, const float* input_data,
                     const RuntimeShape& output_shape, float* output_data) {
  Map(input_data, MatchingFlatSize(input_shape, output_shape), output_data,
      LogisticFloat);
}

inline void Tanh(const RuntimeShape& input_shape, const float* input_data,
                 const RuntimeShape& output_shape, float* output_data) {
  Map(input_data, MatchingFlatSize(input_shape, output_shape), output_data,
      [](float x) { return std::tanh(x); });
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_LOGISTIC_H_
