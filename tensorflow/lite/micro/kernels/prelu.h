// TFLM's prelu.h: PRELU's registration (prelu.cc).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_PRELU_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_PRELU_H_

#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_common.h"  // TFLMRegistration

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_PRELU_H_
