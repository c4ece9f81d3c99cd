// TFLM's newer path (micro/kernels/internal/reference/process_broadcast_shapes.h) for
// tensorflow/lite/kernels/internal/reference/process_broadcast_shapes.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_PROCESS_BROADCAST_SHAPES_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_PROCESS_BROADCAST_SHAPES_H_
#include "tensorflow/lite/kernels/internal/reference/process_broadcast_shapes.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_INTERNAL_REFERENCE_PROCESS_BROADCAST_SHAPES_H_
