// TFLM's newer path (micro/kernels/internal/compatibility.h) for
// tensorflow/lite/kernels/internal/compatibility.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_COMPATIBILITY_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_COMPATIBILITY_H_
#include "tensorflow/lite/kernels/internal/compatibility.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_COMPATIBILITY_H_
