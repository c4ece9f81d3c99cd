// TFLM's pooling.h: typed variants are the one kernel per op (pooling.cc).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_POOLING_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_POOLING_H_

#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_common.h"

namespace tflite {

inline TFLMRegistration Register_AVERAGE_POOL_2D_INT8() { return Register_AVERAGE_POOL_2D(); }
inline TFLMRegistration Register_AVERAGE_POOL_2D_INT16() { return Register_AVERAGE_POOL_2D(); }
inline TFLMRegistration Register_MAX_POOL_2D_INT8() { return Register_MAX_POOL_2D(); }
inline TFLMRegistration Register_MAX_POOL_2D_INT16() { return Register_MAX_POOL_2D(); }

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_POOLING_H_
