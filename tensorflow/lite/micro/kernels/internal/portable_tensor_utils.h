// TFLM's newer path (micro/kernels/internal/portable_tensor_utils.h) for
// tensorflow/lite/kernels/internal/portable_tensor_utils.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_PORTABLE_TENSOR_UTILS_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_PORTABLE_TENSOR_UTILS_H_
#include "tensorflow/lite/kernels/internal/portable_tensor_utils.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_PORTABLE_TENSOR_UTILS_H_
