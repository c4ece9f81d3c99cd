// TFLM's newer path (micro/kernels/internal/reference/integer_ops/mul.h) for
// tensorflow/lite/kernels/internal/reference/integer_ops/mul.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_MUL_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_MUL_H_
#include "tensorflow/lite/kernels/internal/reference/integer_ops/mul.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_MUL_H_
