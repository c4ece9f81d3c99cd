// TFLM's newer path (micro/kernels/internal/quantization_util.h) for
// tensorflow/lite/kernels/internal/quantization_util.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_QUANTIZATION_UTIL_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_QUANTIZATION_UTIL_H_
#include "tensorflow/lite/kernels/internal/quantization_util.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_QUANTIZATION_UTIL_H_
