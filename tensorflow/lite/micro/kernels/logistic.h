// TFLM's logistic.h: LOGISTIC's registration (logistic_tanh.cc).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_LOGISTIC_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_LOGISTIC_H_

#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_common.h"  // TFLMRegistration

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_LOGISTIC_H_
