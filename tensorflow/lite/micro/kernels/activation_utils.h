// TFLM's micro/kernels/activation_utils.h: a fused activation applied to one
// float, over this runtime's LSTM activation (reference_ops::LstmActivation,
// the function its float LSTM applies), plus kTfLiteActSignBit (1 for a
// negative input, else 0), which that has no use for.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_ACTIVATION_UTILS_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_ACTIVATION_UTILS_H_

#include <cmath>

#include "tensorflow/lite/c/builtin_op_data.h"
#include "tensorflow/lite/kernels/internal/reference/lstm.h"

namespace tflite {
namespace ops {
namespace micro {

inline float ActivationValFloat(TfLiteFusedActivation act, float a) {
  if (act == kTfLiteActSignBit) return std::signbit(a) ? 1.0f : 0.0f;
  return reference_ops::LstmActivation(act, a);
}

}  // namespace micro
}  // namespace ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_ACTIVATION_UTILS_H_
