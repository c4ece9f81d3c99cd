// Optimized TRANSPOSE: the same output as reference_ops::Transpose
// (reference/transpose.h). Dimensions of size 1 are dropped and input
// dimensions that stay neighbours in the output are merged; then rows that
// stay contiguous are copied with memcpy, a two-dimensional swap (e.g. NCHW
// to NHWC, which merges to [C, H*W] -> [H*W, C]) goes tile by tile, and
// anything else walks the output rows with a strided inner loop. Portable
// C++, no heap.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_TRANSPOSE_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_TRANSPOSE_H_

#include <cstdint>

#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace optimized_ops {
namespace transpose_internal {

void TransposeWords(const TransposeParams& params,
                    const RuntimeShape& input_shape, int word_bytes,
                    const void* input, void* output);

}  // namespace transpose_internal

// T is any type of 1, 2, 4 or 8 bytes.
template <typename T>
void Transpose(const TransposeParams& params, const RuntimeShape& input_shape,
               const T* input_data, const RuntimeShape& /*output_shape*/,
               T* output_data) {
  static_assert(sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4 ||
                    sizeof(T) == 8,
                "element size");
  transpose_internal::TransposeWords(params, input_shape, sizeof(T),
                                     input_data, output_data);
}

}  // namespace optimized_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_TRANSPOSE_H_
