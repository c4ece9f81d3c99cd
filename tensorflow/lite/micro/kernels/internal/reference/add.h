// TFLM's newer path (micro/kernels/internal/reference/add.h) for
// tensorflow/lite/kernels/internal/reference/add.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_ADD_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_ADD_H_
#include "tensorflow/lite/kernels/internal/reference/add.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_ADD_H_
