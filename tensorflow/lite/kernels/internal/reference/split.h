// SPLIT, SPLIT_V and UNPACK: each output takes, for every index of the
// dimensions before the axis, one contiguous run of the input's row.
// Elements are copied as raw bytes (rows and offsets in bytes).
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SPLIT_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SPLIT_H_

#include <cstdint>
#include <cstring>

namespace tflite {
namespace reference_ops {

// Copies `output_row` bytes at `offset` of each of the `outer_size` input
// rows (`input_row` bytes long) into consecutive output rows.
inline void SplitCopyOutput(int outer_size, int input_row, int output_row,
                            int offset, const uint8_t* input_data,
                            uint8_t* output_data) {
  // An empty output (a zero dimension after the axis) copies nothing, however
  // many rows a broken model's other dimensions claim.
  if (output_row == 0) return;
  for (int o = 0; o < outer_size; ++o) {
    std::memcpy(output_data + o * output_row,
                input_data + o * input_row + offset, output_row);
  }
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_SPLIT_H_
