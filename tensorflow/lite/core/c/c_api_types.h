// TFLite's C API types under their core path; see core/c/common.h.
#ifndef TENSORFLOW_LITE_CORE_C_C_API_TYPES_H_
#define TENSORFLOW_LITE_CORE_C_C_API_TYPES_H_
#include "tensorflow/lite/core/c/common.h"
#endif  // TENSORFLOW_LITE_CORE_C_C_API_TYPES_H_
