// TFLite's C API types (TfLiteStatus, TfLiteType, ...) under the path kernels
// include; this runtime keeps them with the rest of the C API in common.h.
#ifndef TENSORFLOW_LITE_C_C_API_TYPES_H_
#define TENSORFLOW_LITE_C_C_API_TYPES_H_
#include "tensorflow/lite/core/c/common.h"
#endif  // TENSORFLOW_LITE_C_C_API_TYPES_H_
