// TFLite's reference/integer_ops/pooling.h path: this runtime keeps the
// reference_integer_ops:: pooling functions next to the float ones.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_POOLING_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_POOLING_H_
#include "tensorflow/lite/kernels/internal/reference/pooling.h"
#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_POOLING_H_
