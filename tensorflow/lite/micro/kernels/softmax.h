// TFLM's softmax.h: typed variants are the one kernel (softmax.cc).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_SOFTMAX_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_SOFTMAX_H_

#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_common.h"

namespace tflite {

inline TFLMRegistration Register_SOFTMAX_INT8() { return Register_SOFTMAX(); }
inline TFLMRegistration Register_SOFTMAX_INT8_INT16() { return Register_SOFTMAX(); }
inline TFLMRegistration Register_SOFTMAX_INT16() { return Register_SOFTMAX(); }
inline TFLMRegistration Register_SOFTMAX_FLOAT32() { return Register_SOFTMAX(); }

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_SOFTMAX_H_
