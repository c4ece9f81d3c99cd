// TFLM's micro/kernels/internal/cppmath.h: TfLiteRound, which this runtime
// keeps in kernels/internal/common.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_CPPMATH_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_CPPMATH_H_
#include "tensorflow/lite/kernels/internal/common.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_CPPMATH_H_
