// TFLM's sub.h: SUB's registration (add_sub.cc).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_SUB_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_SUB_H_

#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_common.h"  // TFLMRegistration

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_SUB_H_
