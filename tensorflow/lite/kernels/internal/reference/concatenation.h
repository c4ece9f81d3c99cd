// CONCATENATION: each input contributes, for every index of the dimensions
// before the axis, one contiguous row of its elements to the output row.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_CONCATENATION_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_CONCATENATION_H_

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace tflite {
namespace reference_ops {

// Copies one input into the output. `outer_size` rows; the input's rows
// hold `input_row` elements, the output's `output_row`, and this input's
// part of each output row starts at `offset`.
template <typename T>
void ConcatenationCopyInput(int outer_size, int input_row, int output_row,
                            int offset, const T* input_data, T* output_data) {
  for (int o = 0; o < outer_size; ++o) {
    const T* in = input_data + o * input_row;
    T* out = output_data + o * output_row + offset;
    for (int i = 0; i < input_row; ++i) out[i] = in[i];
  }
}

// As ConcatenationCopyInput, converting uint8 values from the input's
// quantization to the output's in float as TFLite's uint8 kernel does:
// round(q * s + b) + output_zero_point with s = input_scale * (1 /
// output_scale) and b = -input_zero_point * s, clamped to [0, 255].
inline void ConcatenationRescaleInput(int outer_size, int input_row,
                                      int output_row, int offset,
                                      const uint8_t* input_data,
                                      float input_scale,
                                      int32_t input_zero_point,
                                      float output_scale,
                                      int32_t output_zero_point,
                                      uint8_t* output_data) {
  const float inverse_output_scale = 1.f / output_scale;
  const float scale = input_scale * inverse_output_scale;
  const float bias = -input_zero_point * scale;
  for (int o = 0; o < outer_size; ++o) {
    const uint8_t* in = input_data + o * input_row;
    uint8_t* out = output_data + o * output_row + offset;
    for (int i = 0; i < input_row; ++i) {
      // Bounded in float before the conversion: a broken model's scales can
      // make it huge or NaN; values beyond +-512 clamp to 0 or 255 anyway.
      const float rounded =
          std::min(512.f, std::max(-512.f, std::round(in[i] * scale + bias)));
      const int32_t value = static_cast<int32_t>(rounded) + output_zero_point;
      out[i] = static_cast<uint8_t>(std::min<int32_t>(255, std::max<int32_t>(0, value)));
    }
  }
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_CONCATENATION_H_
