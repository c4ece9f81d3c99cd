// Optimized PAD / PADV2 and MIRROR_PAD: the same output as reference_ops::Pad
// and reference_ops::MirrorPad (reference/pad.h), element for element, built
// from whole-row copies and fills. Trailing dimensions without padding are
// one contiguous block, so an NHWC spatial pad copies each input row of W*C
// elements with one memcpy. Portable C++, no heap.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_PAD_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_PAD_H_

#include <cstdint>
#include <cstring>

#include "tensorflow/lite/kernels/internal/reference/pad.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"

namespace tflite {
namespace optimized_ops {
namespace pad_internal {

// Elements are moved as unsigned words of their size: the bit patterns are
// copied unchanged, whatever the element type.
void PadWords(const reference_ops::PadSpec& spec, const int32_t* in_dims,
              const int32_t* out_dims, int word_bytes, const void* input,
              const void* value, void* output);
void MirrorPadWords(const reference_ops::PadSpec& spec, bool reflect,
                    const int32_t* in_dims, const int32_t* out_dims,
                    int word_bytes, const void* input, void* output);

}  // namespace pad_internal

// T is any type of 1, 2, 4 or 8 bytes (float, int8 ... int64, bool).
template <typename T>
void Pad(const reference_ops::PadSpec& spec, const RuntimeShape& input_shape,
         const T* input_data, T value, const RuntimeShape& output_shape,
         T* output_data) {
  static_assert(sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4 ||
                    sizeof(T) == 8,
                "element size");
  pad_internal::PadWords(spec, input_shape.DimsData(),
                         output_shape.DimsData(), sizeof(T), input_data,
                         &value, output_data);
}

template <typename T>
void MirrorPad(const reference_ops::PadSpec& spec, bool reflect,
               const RuntimeShape& input_shape, const T* input_data,
               const RuntimeShape& output_shape, T* output_data) {
  static_assert(sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4 ||
                    sizeof(T) == 8,
                "element size");
  pad_internal::MirrorPadWords(spec, reflect, input_shape.DimsData(),
                               output_shape.DimsData(), sizeof(T), input_data,
                               output_data);
}

}  // namespace optimized_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_PAD_H_
