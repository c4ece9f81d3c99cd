// TFLM's newer path (micro/kernels/internal/types.h) for
// tensorflow/lite/kernels/internal/types.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_TYPES_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_TYPES_H_
#include "tensorflow/lite/kernels/internal/types.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_TYPES_H_
