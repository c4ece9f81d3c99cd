// TFLM's transpose_conv.h: typed variants are the one kernel (transpose_conv.cc).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_TRANSPOSE_CONV_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_TRANSPOSE_CONV_H_

#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_common.h"

namespace tflite {

inline TFLMRegistration Register_TRANSPOSE_CONV_INT8() { return Register_TRANSPOSE_CONV(); }
inline TFLMRegistration Register_TRANSPOSE_CONV_INT16() { return Register_TRANSPOSE_CONV(); }

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_TRANSPOSE_CONV_H_
