// TFLM's strided_slice.h: STRIDED_SLICE's registration (strided_slice.cc).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_STRIDED_SLICE_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_STRIDED_SLICE_H_

#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_common.h"  // TFLMRegistration

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_STRIDED_SLICE_H_
