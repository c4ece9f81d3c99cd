// TFLM's newer path (micro/kernels/op_macros.h) for
// tensorflow/lite/kernels/op_macros.h.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_OP_MACROS_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_OP_MACROS_H_
#include "tensorflow/lite/kernels/op_macros.h"
#endif  // TENSORFLOW_LITE_MICRO_KERNELS_OP_MACROS_H_
