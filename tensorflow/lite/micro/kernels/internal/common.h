// TFLM's newer path (micro/kernels/internal/common.h) for
// tensorflow/lite/kernels/internal/common.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_COMMON_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_COMMON_H_
#include "tensorflow/lite/kernels/internal/common.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_COMMON_H_
