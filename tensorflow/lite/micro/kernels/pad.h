// TFLM's pad.h: PAD and PADV2's registrations (pad.cc).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_PAD_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_PAD_H_

#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_common.h"  // TFLMRegistration

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_PAD_H_
