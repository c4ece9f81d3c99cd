// TFLM's leaky_relu.h: LEAKY_RELU's registration (leaky_relu.cc).
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_LEAKY_RELU_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_LEAKY_RELU_H_

#include "tensorflow/lite/micro/kernels/micro_ops.h"
#include "tensorflow/lite/micro/micro_common.h"  // TFLMRegistration

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_LEAKY_RELU_H_
