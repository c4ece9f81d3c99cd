// TFLM's batch_matmul.h: typed variants are the one kernel (batch_matmul.cc).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_BATCH_MATMUL_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_BATCH_MATMUL_H_

#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_common.h"

namespace tflite {

inline TFLMRegistration Register_BATCH_MATMUL_INT8() { return Register_BATCH_MATMUL(); }
inline TFLMRegistration Register_BATCH_MATMUL_INT16() { return Register_BATCH_MATMUL(); }

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_BATCH_MATMUL_H_
