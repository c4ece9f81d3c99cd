// Reference QUANTIZE (float to integer) and requantization between integer
// types, and DEQUANTIZE.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_QUANTIZE_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_QUANTIZE_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

// q = clamp(round(x / scale) + zero_point). The division is in float, as in
// TFLite. Out-of-range and NaN inputs saturate instead of overflowing.
template <typename OutputT>
inline void AffineQuantize(const QuantizationParams& op_params,
                           const RuntimeShape& input_shape,
                           const float* input_data,
                           const RuntimeShape& output_shape,
                           OutputT* output_data) {
  const int32_t zero_point = op_params.zero_point;
  const float scale = static_cast<float>(op_params.scale);
  const int size = MatchingFlatSize(input_shape, output_shape);
  constexpr int32_t kMin = std::numeric_limits<OutputT>::min();
  constexpr int32_t kMax = std::numeric_limits<OutputT>::max();
  // Bounds past which the result clamps, so the cast below cannot overflow.
  const double low = static_cast<double>(kMin) - zero_point;
  const double high = static_cast<double>(kMax) - zero_point;
  for (int i = 0; i < size; ++i) {
    const double rounded = std::round(input_data[i] / scale);
    int32_t value;
    if (!(rounded == rounded)) {
      value = zero_point;  // NaN
    } else if (rounded <= low) {
      value = kMin;
    } else if (rounded >= high) {
      value = kMax;
    } else {
      value = static_cast<int32_t>(rounded) + zero_point;
    }
    output_data[i] = static_cast<OutputT>(value);
  }
}

// Integer to integer with a new scale and zero point.
template <typename InputT, typename OutputT>
inline void Requantize(const InputT* input_data, int32_t size,
                       int32_t effective_scale_multiplier,
                       int32_t effective_scale_shift, int32_t input_zeropoint,
                       int32_t output_zeropoint, OutputT* output_data) {
  constexpr int32_t kMin = std::numeric_limits<OutputT>::min();
  constexpr int32_t kMax = std::numeric_limits<OutputT>::max();
  for (int i = 0; i < size; ++i) {
    const int32_t input = static_cast<int32_t>(input_data[i]) - input_zeropoint;
    const int32_t output = SaturatingAddInt32(
        MultiplyByQuantizedMultiplier(input, effective_scale_multiplier,
                                      effective_scale_shift),
        output_zeropoint);
    output_data[i] = static_cast<OutputT>(std::max(std::min(output, kMax), kMin));
  }
}

// x = scale * (q - zero_point), computed in double then rounded to float.
template <typename InputT>
inline void Dequantize(const DequantizationParams& op_params,
                       const RuntimeShape& input_shape,
                       const InputT* input_data,
                       const RuntimeShape& output_shape, float* output_data) {
  const int32_t zero_point = op_params.zero_point;
  const double scale = op_params.scale;
  const int size = MatchingFlatSize(input_shape, output_shape);
  for (int i = 0; i < size; ++i) {
    const int32_t value = input_data[i];
    output_data[i] = static_cast<float>(scale * (value - zero_point));
  }
}

// Per-channel: each slice along quantized_dimension has its own parameters.
template <typename InputT>
inline void PerChannelDequantize(const PerChannelDequantizationParams& op_params,
                                 const RuntimeShape& input_shape,
                                 const InputT* input_data,
                                 const RuntimeShape& output_shape,
                                 float* output_data) {
  const int axis = op_params.quantized_dimension;
  const int size = MatchingFlatSize(input_shape, output_shape);
  int inner = 1;
  for (int d = axis + 1; d < input_shape.DimensionsCount(); ++d) {
    inner *= input_shape.Dims(d);
  }
  const int channels = input_shape.Dims(axis);
  for (int i = 0; i < size; ++i) {
    const int channel = (i / inner) % channels;
    const int32_t value = input_data[i];
    output_data[i] = op_params.scale[channel] *
                     static_cast<float>(value - op_params.zero_point[channel]);
  }
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_QUANTIZE_H_
