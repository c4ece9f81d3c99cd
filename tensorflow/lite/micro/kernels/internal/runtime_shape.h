// TFLM's newer path (micro/kernels/internal/runtime_shape.h) for
// tensorflow/lite/kernels/internal/runtime_shape.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_RUNTIME_SHAPE_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_RUNTIME_SHAPE_H_
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_RUNTIME_SHAPE_H_
