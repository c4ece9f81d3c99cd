// SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND on NHWC tensors (3-D [N, H, C]
// inputs are treated as [N, H, 1, C] by the caller).
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SPACE_TO_BATCH_ND_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SPACE_TO_BATCH_ND_H_

#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

// The pixel correspondence of both ops. Batch b of the batched tensor holds,
// for space batch n = b % N (N: the space tensor's batches) and block
// position (sh, sw) = divmod(b / N, block_w), at its pixel (y, x) the space
// tensor's pixel (y * block_h + sh - top, x * block_w + sw - left). Calls
// fn(batched_offset, space_offset) with the element offsets of both pixels
// for every pixel of the batched tensor, in order; space_offset is -1 where
// the pixel lies outside the space tensor (padding, or cropped away).
template <typename Fn>
void ForEachBatchedPixel(const RuntimeShape& batched_shape,
                         const RuntimeShape& space_shape, int block_h,
                         int block_w, int top, int left, Fn&& fn) {
  const int space_batches = space_shape.Dims(0);
  const int space_height = space_shape.Dims(1);
  const int space_width = space_shape.Dims(2);
  for (int b = 0; b < batched_shape.Dims(0); ++b) {
    const int n = b % space_batches;
    const int block_index = b / space_batches;
    const int shift_h = block_index / block_w;
    const int shift_w = block_index % block_w;
    for (int by = 0; by < batched_shape.Dims(1); ++by) {
      const int y = by * block_h + shift_h - top;
      for (int bx = 0; bx < batched_shape.Dims(2); ++bx) {
        const int x = bx * block_w + shift_w - left;
        const bool inside =
            y >= 0 && y < space_height && x >= 0 && x < space_width;
        fn(Offset(batched_shape, b, by, bx, 0),
           inside ? Offset(space_shape, n, y, x, 0) : -1);
      }
    }
  }
}

// Pads the input spatially (top/left by pad_top/pad_left, the rest up to the
// output size) with `pad_value`, then splits each block_h x block_w block
// across batches.
template <typename T>
void SpaceToBatchND(const RuntimeShape& input_shape, const T* input_data,
                    int block_h, int block_w, int pad_top, int pad_left,
                    T pad_value, const RuntimeShape& output_shape,
                    T* output_data) {
  const int depth = input_shape.Dims(3);
  ForEachBatchedPixel(output_shape, input_shape, block_h, block_w, pad_top,
                      pad_left, [&](int out, int in) {
                        for (int c = 0; c < depth; ++c) {
                          output_data[out + c] =
                              in < 0 ? pad_value : input_data[in + c];
                        }
                      });
}

// The inverse: the blocks go back into place, shifted up and left by
// crop_top / crop_left; pixels cropped away are dropped.
template <typename T>
void BatchToSpaceND(const RuntimeShape& input_shape, const T* input_data,
                    int block_h, int block_w, int crop_top, int crop_left,
                    const RuntimeShape& output_shape, T* output_data) {
  const int depth = input_shape.Dims(3);
  ForEachBatchedPixel(input_shape, output_shape, block_h, block_w, crop_top,
                      crop_left, [&](int in, int out) {
                        if (out < 0) return;
                        for (int c = 0; c < depth; ++c) {
                          output_data[out + c] = input_data[in + c];
                        }
                      });
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SPACE_TO_BATCH_ND_H_
