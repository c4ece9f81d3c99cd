// TFLM's newer path (micro/c/builtin_op_data.h) for tensorflow/lite/c/builtin_op_data.h.
#ifndef TENSORFLOW_LITE_MICRO_C_BUILTIN_OP_DATA_H_
#define TENSORFLOW_LITE_MICRO_C_BUILTIN_OP_DATA_H_
#include "tensorflow/lite/c/builtin_op_data.h"
#endif  // TENSORFLOW_LITE_MICRO_C_BUILTIN_OP_DATA_H_
