// TFLM's micro/kernels/padding.h: ComputePaddingHeightWidth and friends, as in
// tensorflow/lite/kernels/padding.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_PADDING_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_PADDING_H_
#include "tensorflow/lite/kernels/padding.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_PADDING_H_
