// TFLM's micro/builtin_op_data.h path: the builtin options structs
// (TfLiteConvParams, ...) are core/c/builtin_op_data.h's.
#ifndef TENSORFLOW_LITE_MICRO_BUILTIN_OP_DATA_H_
#define TENSORFLOW_LITE_MICRO_BUILTIN_OP_DATA_H_
#include "tensorflow/lite/core/c/builtin_op_data.h"
#endif  // TENSORFLOW_LITE_MICRO_BUILTIN_OP_DATA_H_
