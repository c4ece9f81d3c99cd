// TFLM's newer path (micro/kernels/internal/reference/binary_function.h) for
// tensorflow/lite/kernels/internal/reference/binary_function.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_BINARY_FUNCTION_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_BINARY_FUNCTION_H_
#include "tensorflow/lite/kernels/internal/reference/binary_function.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_BINARY_FUNCTION_H_
