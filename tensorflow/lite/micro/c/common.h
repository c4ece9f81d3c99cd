// TFLM's newer path (micro/c/common.h) for tensorflow/lite/c/common.h.
#ifndef TENSORFLOW_LITE_MICRO_C_COMMON_H_
#define TENSORFLOW_LITE_MICRO_C_COMMON_H_
#include "tensorflow/lite/c/common.h"
#endif  // TENSORFLOW_LITE_MICRO_C_COMMON_H_
