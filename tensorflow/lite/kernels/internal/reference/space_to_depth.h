// SPACE_TO_DEPTH and DEPTH_TO_SPACE (NHWC): move block_size x block_size
// spatial blocks into the depth dimension and back.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SPACE_TO_DEPTH_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SPACE_TO_DEPTH_H_

#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

// The element correspondence of both ops. The space tensor is [batch,
// height, width, depth] with height and width multiples of the block size
// b; the depth tensor is [batch, height / b, width / b, depth * b * b].
// Space pixel (y, x) is depth pixel (y / b, x / b) at depth offset
// ((y % b) * b + x % b) * depth. Calls fn(space_offset, depth_offset) for
// every element of the space tensor, in order.
template <typename Fn>
void ForEachSpaceDepthElement(const RuntimeShape& space_shape,
                              const RuntimeShape& depth_shape, int block,
                              Fn&& fn) {
  const int depth = space_shape.Dims(3);
  // Empty: nothing to visit, however large the other dimensions are.
  if (depth == 0) return;
  for (int b = 0; b < space_shape.Dims(0); ++b) {
    for (int y = 0; y < space_shape.Dims(1); ++y) {
      for (int x = 0; x < space_shape.Dims(2); ++x) {
        const int space_base = Offset(space_shape, b, y, x, 0);
        const int depth_base =
            Offset(depth_shape, b, y / block, x / block,
                   ((y % block) * block + x % block) * depth);
        for (int c = 0; c < depth; ++c) fn(space_base + c, depth_base + c);
      }
    }
  }
}

template <typename T>
void SpaceToDepth(const SpaceToDepthParams& params,
                  const RuntimeShape& input_shape, const T* input_data,
                  const RuntimeShape& output_shape, T* output_data) {
  ForEachSpaceDepthElement(input_shape, output_shape, params.block_size,
                           [&](int space, int depth) {
                             output_data[depth] = input_data[space];
                           });
}

// The inverse: input [batch, height, width, depth] with depth a multiple of
// b * b; output [batch, height * b, width * b, depth / (b * b)].
template <typename T>
void DepthToSpace(const DepthToSpaceParams& params,
                  const RuntimeShape& input_shape, const T* input_data,
                  const RuntimeShape& output_shape, T* output_data) {
  ForEachSpaceDepthElement(output_shape, input_shape, params.block_size,
                           [&](int space, int depth) {
                             output_data[space] = input_data[depth];
                           });
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SPACE_TO_DEPTH_H_
