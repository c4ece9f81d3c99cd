// TFLM's add.h: typed variants are the one kernel (add_sub.cc).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_ADD_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_ADD_H_

#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_common.h"

namespace tflite {

inline TFLMRegistration Register_ADD_INT8() { return Register_ADD(); }
inline TFLMRegistration Register_ADD_INT16() { return Register_ADD(); }

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_ADD_H_
