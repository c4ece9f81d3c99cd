// TFLite's reference/tanh.h: the float reference_ops::Tanh lives with
// Logistic in reference/logistic.h.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_TANH_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_TANH_H_
#include "tensorflow/lite/kernels/internal/reference/logistic.h"
#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_TANH_H_
