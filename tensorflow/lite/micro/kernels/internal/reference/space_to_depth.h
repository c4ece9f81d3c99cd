// TFLM's newer path (micro/kernels/internal/reference/space_to_depth.h) for
// tensorflow/lite/kernels/internal/reference/space_to_depth.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_SPACE_TO_DEPTH_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_SPACE_TO_DEPTH_H_
#include "tensorflow/lite/kernels/internal/reference/space_to_depth.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_SPACE_TO_DEPTH_H_
