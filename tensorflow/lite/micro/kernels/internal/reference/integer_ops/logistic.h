// TFLM's newer path (micro/kernels/internal/reference/integer_ops/logistic.h) for
// tensorflow/lite/kernels/internal/reference/integer_ops/logistic.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_LOGISTIC_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_LOGISTIC_H_
#include "tensorflow/lite/kernels/internal/reference/integer_ops/logistic.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_LOGISTIC_H_
