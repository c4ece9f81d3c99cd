// TFLM's quantize.h: QUANTIZE's registration (quantize.cc).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_QUANTIZE_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_QUANTIZE_H_

#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_common.h"  // TFLMRegistration

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_QUANTIZE_H_
