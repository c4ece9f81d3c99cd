// Helpers shared by the shape and data-movement kernels (TRANSPOSE, GATHER,
// FILL, SPACE_TO_BATCH_ND, ...): reading small integer vectors such as axes,
// permutations and shapes from tensors, checking a computed result shape
// against the model's output tensor, and running a data-moving loop for any
// element type by its size alone.
#ifndef TENSORFLOW_LITE_MICRO_KERNELS_MOVEMENT_UTIL_H_
#define TENSORFLOW_LITE_MICRO_KERNELS_MOVEMENT_UTIL_H_

#include <cstdint>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#include "tensorflow/lite/micro/micro_log.h"

namespace tflite {
namespace movement {

// Element types that ops which only move data accept.
inline bool IsMovableType(TfLiteType type) {
  switch (type) {
    case kTfLiteFloat32:
    case kTfLiteInt8:
    case kTfLiteUInt8:
    case kTfLiteInt16:
    case kTfLiteInt32:
    case kTfLiteInt64:
    case kTfLiteBool:
      return true;
    default:
      return false;
  }
}

inline TfLiteStatus CheckMovableType(const char* op, const char* what,
                                     TfLiteType type) {
  if (IsMovableType(type)) return kTfLiteOk;
  MicroPrintf("%s: %s type %s is not supported", op, what,
              TfLiteTypeGetName(type));
  return kTfLiteError;
}

// Runs fn(T{}) with T an unsigned integer as wide as one element of `type`:
// moving elements only needs their size. Returns an error for types of no
// fixed size.
template <typename Fn>
TfLiteStatus ForElementSize(TfLiteType type, Fn&& fn) {
  switch (TfLiteTypeGetSize(type)) {
    case 1:
      fn(uint8_t{});
      return kTfLiteOk;
    case 2:
      fn(uint16_t{});
      return kTfLiteOk;
    case 4:
      fn(uint32_t{});
      return kTfLiteOk;
    case 8:
      fn(uint64_t{});
      return kTfLiteOk;
    default:
      return kTfLiteError;
  }
}

// Reads `count` int32 or int64 values into `values` (int64 ones must fit in
// int32). `what` names the input in messages ("perm", "paddings").
inline TfLiteStatus ReadIntValues(const char* op, const char* what,
                                  TfLiteType type, const void* data, int count,
                                  int32_t* values) {
  if (count > 0 && data == nullptr) {
    MicroPrintf("%s: %s has no data", op, what);
    return kTfLiteError;
  }
  if (type == kTfLiteInt32) {
    const int32_t* in = static_cast<const int32_t*>(data);
    for (int i = 0; i < count; ++i) values[i] = in[i];
  } else if (type == kTfLiteInt64) {
    const int64_t* in = static_cast<const int64_t*>(data);
    for (int i = 0; i < count; ++i) {
      if (in[i] < INT32_MIN || in[i] > INT32_MAX) {
        MicroPrintf("%s: %s entry %d does not fit in int32", op, what, i);
        return kTfLiteError;
      }
      values[i] = static_cast<int32_t>(in[i]);
    }
  } else {
    MicroPrintf("%s: %s must be int32 or int64, not %s", op, what,
                TfLiteTypeGetName(type));
    return kTfLiteError;
  }
  return kTfLiteOk;
}

// Reads the values of a scalar or 1-D int32/int64 tensor (axes, a
// permutation, a shape) into `values`, which holds `capacity` entries.
inline TfLiteStatus ReadIntVector(const char* op, const char* what,
                                  TfLiteType type, const TfLiteIntArray* dims,
                                  const void* data, int capacity,
                                  int32_t* values, int* count) {
  const int rank = dims == nullptr ? 0 : dims->size;
  if (rank > 1) {
    MicroPrintf("%s: %s must be a scalar or 1-D, not %d-D", op, what, rank);
    return kTfLiteError;
  }
  const int64_t n = NumElements(dims);
  if (n > capacity) {
    MicroPrintf("%s: %s has %d values, at most %d are supported", op, what,
                static_cast<int>(n), capacity);
    return kTfLiteError;
  }
  TF_LITE_ENSURE_STATUS(
      ReadIntValues(op, what, type, data, static_cast<int>(n), values));
  *count = static_cast<int>(n);
  return kTfLiteOk;
}

inline TfLiteStatus ReadIntVector(const char* op, const char* what,
                                  const TfLiteTensor* tensor, int capacity,
                                  int32_t* values, int* count) {
  return ReadIntVector(op, what, tensor->type, tensor->dims, tensor->data.raw,
                       capacity, values, count);
}

inline TfLiteStatus ReadIntVector(const char* op, const char* what,
                                  const TfLiteEvalTensor* tensor, int capacity,
                                  int32_t* values, int* count) {
  return ReadIntVector(op, what, tensor->type, tensor->dims, tensor->data.raw,
                       capacity, values, count);
}

// When a shape-defining input is computed at run time, the output keeps the
// model's shape; this checks at invoke time that the result has exactly that
// shape, so that nothing is written past the output's buffer.
inline TfLiteStatus CheckResultShape(const char* op,
                                     const TfLiteEvalTensor* output,
                                     const RuntimeShape& result) {
  const RuntimeShape model_shape = micro::GetTensorShape(output);
  if (model_shape == result) return kTfLiteOk;
  char result_text[80];
  char model_text[80];
  MicroPrintf("%s: the result has shape %s but the output tensor has shape %s",
              op,
              micro::FormatShape(result, result_text, sizeof(result_text), ","),
              micro::FormatShape(model_shape, model_text, sizeof(model_text),
                                 ","));
  return kTfLiteError;
}

// True for a tensor whose data is in the model (known while preparing).
inline bool HasConstantData(const TfLiteTensor* tensor) {
  return tensor != nullptr && IsConstantTensor(tensor) &&
         (tensor->data.raw != nullptr || NumElements(tensor) == 0);
}

}  // namespace movement
}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_KERNELS_MOVEMENT_UTIL_H_
