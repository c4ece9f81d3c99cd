// TFLM's newer path (micro/kernels/internal/reference/integer_ops/pooling.h) for
// tensorflow/lite/kernels/internal/reference/integer_ops/pooling.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_POOLING_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_POOLING_H_
#include "tensorflow/lite/kernels/internal/reference/integer_ops/pooling.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_POOLING_H_
