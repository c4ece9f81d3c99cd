// TFLM's memory_helpers.h: alignment arithmetic and tensor byte sizes, over
// this runtime's arena helpers (arena_allocator/) and TfLiteTypeSizeOf
// (kernels/kernel_util.h).
#ifndef TENSORFLOW_LITE_MICRO_MEMORY_HELPERS_H_
#define TENSORFLOW_LITE_MICRO_MEMORY_HELPERS_H_

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/core/c/common.h"
#include "tensorflow/lite/kernels/kernel_util.h"
#include "tensorflow/lite/micro/arena_allocator/single_arena_buffer_allocator.h"
#include "tensorflow/lite/schema/schema_generated.h"

namespace tflite {
namespace micro {

inline uint8_t* AlignPointerUp(uint8_t* data, size_t alignment) {
  return reinterpret_cast<uint8_t*>(
      AlignUp(reinterpret_cast<uintptr_t>(data), alignment));
}

inline uint8_t* AlignPointerDown(uint8_t* data, size_t alignment) {
  return reinterpret_cast<uint8_t*>(
      AlignDown(reinterpret_cast<uintptr_t>(data), alignment));
}

inline size_t AlignSizeUp(size_t size, size_t alignment) {
  return AlignSize(size, alignment);
}

// Bytes for `count` T's, rounded up to T's alignment.
template <typename T>
size_t AlignSizeUp(size_t count = 1) {
  return AlignSizeUp(sizeof(T) * count, alignof(T));
}

using ::tflite::TfLiteTypeSizeOf;

// Bytes of a model tensor's data, and of one element of it.
TfLiteStatus BytesRequiredForTensor(const tflite::Tensor& flatbuffer_tensor,
                                    size_t* bytes, size_t* type_size);

TfLiteStatus TfLiteEvalTensorByteLength(const TfLiteEvalTensor* eval_tensor,
                                        size_t* out_bytes);

// Prepare only: gives `output` the shape of the larger of two inputs (a
// one-element input broadcasts to the other one's shape).
TfLiteStatus AllocateOutputDimensionsFromInput(TfLiteContext* context,
                                               const TfLiteTensor* input1,
                                               const TfLiteTensor* input2,
                                               TfLiteTensor* output);

}  // namespace micro

using micro::AlignPointerDown;
using micro::AlignPointerUp;
using micro::AlignSizeUp;
using micro::AllocateOutputDimensionsFromInput;
using micro::BytesRequiredForTensor;
using micro::TfLiteEvalTensorByteLength;

}  // namespace tflite

#endif  // TENSORFLOW_LITE_MICRO_MEMORY_HELPERS_H_
