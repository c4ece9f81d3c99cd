// TFLM's newer path (micro/kernels/internal/tensor_ctypes.h) for
// tensorflow/lite/kernels/internal/tensor_ctypes.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_TENSOR_CTYPES_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_TENSOR_CTYPES_H_
#include "tensorflow/lite/kernels/internal/tensor_ctypes.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_TENSOR_CTYPES_H_
