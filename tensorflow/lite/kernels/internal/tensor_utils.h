// TFLite's tensor_utils.h: this runtime has only the portable tensor_utils::
// subset (portable_tensor_utils.h).
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_TENSOR_UTILS_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_TENSOR_UTILS_H_
#include "tensorflow/lite/kernels/internal/portable_tensor_utils.h"
#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_TENSOR_UTILS_H_
