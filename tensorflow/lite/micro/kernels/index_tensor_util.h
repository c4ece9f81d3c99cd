// Reading small integer "index" tensors (axes, paddings, begin/size, splits)
// that ops such as PAD, SLICE, SPLIT_V and the reductions take as inputs.
// They may be int32 or int64; both are read into int64_t here.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_INDEX_TENSOR_UTIL_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_INDEX_TENSOR_UTIL_H_

#include <cstdint>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace micro {

inline bool IsIndexType(TfLiteType type) {
  return type == kTfLiteInt32 || type == kTfLiteInt64;
}

// The i-th value of an int32 or int64 buffer.
inline int64_t IndexValue(const void* data, TfLiteType type, int i) {
  if (type == kTfLiteInt64) return static_cast<const int64_t*>(data)[i];
  return static_cast<const int32_t*>(data)[i];
}

// `axis` (negative counts from the end) as a dimension of a `rank`-D input;
// fails, naming `op`, when it lies outside [-rank, rank).
inline TfLiteStatus ResolveAxis(const char* op, int64_t axis, int rank,
                                int* resolved) {
  const int64_t value = axis < 0 ? axis + rank : axis;
  if (value < 0 || value >= rank) {
    MicroPrintf("%s: axis %d is out of range for a %d-D input", op,
                static_cast<int>(axis), rank);
    return kTfLiteError;
  }
  *resolved = static_cast<int>(value);
  return kTfLiteOk;
}

// Whether the tensor's data is known while preparing (a model constant).
inline bool IsConstant(const TfLiteTensor* tensor) {
  return tensor->allocation_type == kTfLiteMmapRo &&
         tensor->data.raw != nullptr;
}

}  // namespace micro
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_INDEX_TENSOR_UTIL_H_
