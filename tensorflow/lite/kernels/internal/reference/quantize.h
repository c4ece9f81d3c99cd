// Reference QUANTIZE (float to integer) and requantization between integer
// types, and DEQUANTIZE.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_QUANTIZE_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_QUANTIZE_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

namespace quantize_internal {

// Whether every difference q - zero_point, for q of type T, is a whole
// number that float represents exactly (magnitude at most 2^24). True for
// any zero point a real model has (within T's range, or near it).
template <typename T>
inline bool DifferencesExactInFloat(int32_t zero_point) {
  constexpr int64_t kExact = int64_t{1} << 24;
  const int64_t low =
      static_cast<int64_t>(std::numeric_limits<T>::min()) - zero_point;
  const int64_t high =
      static_cast<int64_t>(std::numeric_limits<T>::max()) - zero_point;
  return low >= -kExact && high <= kExact;
}

// Bound: float where DifferencesExactInFloat holds, else double.
template <typename Bound, typename OutputT>
inline void AffineQuantizeWithBounds(float scale, int32_t zero_point, int size,
                                     const float* input_data,
                                     OutputT* output_data) {
  constexpr int32_t kMin = std::numeric_limits<OutputT>::min();
  constexpr int32_t kMax = std::numeric_limits<OutputT>::max();
  // Past these the result clamps, so the cast below cannot overflow. (The
  // float bounds come from int32 values: a 64-bit integer to float
  // conversion is made of double arithmetic on Armv6-M.)
  const int64_t low_value = static_cast<int64_t>(kMin) - zero_point;
  const int64_t high_value = static_cast<int64_t>(kMax) - zero_point;
  Bound low;
  Bound high;
  if constexpr (std::is_same<Bound, float>::value) {
    low = static_cast<float>(static_cast<int32_t>(low_value));
    high = static_cast<float>(static_cast<int32_t>(high_value));
  } else {
    low = static_cast<Bound>(low_value);
    high = static_cast<Bound>(high_value);
  }
  for (int i = 0; i < size; ++i) {
    const float rounded = std::round(input_data[i] / scale);
    int32_t value;
    if (!(rounded == rounded)) {
      value = zero_point;  // NaN
    } else if (static_cast<Bound>(rounded) <= low) {
      value = kMin;
    } else if (static_cast<Bound>(rounded) >= high) {
      value = kMax;
    } else {
      value = static_cast<int32_t>(rounded) + zero_point;
    }
    output_data[i] = static_cast<OutputT>(value);
  }
}

}  // namespace quantize_internal

// q = clamp(round(x / scale) + zero_point). The division is in float, as in
// TFLite. Out-of-range and NaN inputs saturate instead of overflowing.
// The clamping bounds kMin - zero_point and kMax - zero_point are compared
// in float where float holds them exactly (every realistic zero point), in
// double otherwise: the same results either way, and no double operation
// (a library call on cores without a double FPU) in the common case.
template <typename OutputT>
inline void AffineQuantize(float scale, int32_t zero_point, int size,
                           const float* input_data, OutputT* output_data) {
  if (quantize_internal::DifferencesExactInFloat<OutputT>(zero_point)) {
    quantize_internal::AffineQuantizeWithBounds<float>(
        scale, zero_point, size, input_data, output_data);
  } else {
    quantize_internal::AffineQuantizeWithBounds<double>(
        scale, zero_point, size, input_data, output_data);
  }
}

// TFLite's signature.
template <typename OutputT>
inline void AffineQuantize(const QuantizationParams& op_params,
                           const RuntimeShape& input_shape,
                           const float* input_data,
                           const RuntimeShape& output_shape,
                           OutputT* output_data) {
  AffineQuantize(static_cast<float>(op_params.scale), op_params.zero_point,
                 MatchingFlatSize(input_shape, output_shape), input_data,
                 output_data);
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

// x = scale * (q - zero_point), rounded once to float. TFLite multiplies
// the float scale by the integer in double and rounds the product to float;
// that product (24 by at most 25 significant bits) is exact in double, so
// where q - zero_point is exact in float (every realistic zero point) one
// float multiplication, which rounds the same exact product once, gives
// the same float. Other zero points take TFLite's double path.
template <typename InputT>
inline void Dequantize(float scale, int32_t zero_point, int size,
                       const InputT* input_data, float* output_data) {
  if (quantize_internal::DifferencesExactInFloat<InputT>(zero_point)) {
    for (int i = 0; i < size; ++i) {
      const int32_t value = input_data[i];
      output_data[i] = scale * static_cast<float>(value - zero_point);
    }
  } else {
    const double wide_scale = scale;
    for (int i = 0; i < size; ++i) {
      const int32_t value = input_data[i];
      output_data[i] = static_cast<float>(wide_scale * (value - zero_point));
    }
  }
}

// TFLite's signature (its scale is a float's value held in a double).
template <typename InputT>
inline void Dequantize(const DequantizationParams& op_params,
                       const RuntimeShape& input_shape,
                       const InputT* input_data,
                       const RuntimeShape& output_shape, float* output_data) {
  Dequantize(static_cast<float>(op_params.scale), op_params.zero_point,
             MatchingFlatSize(input_shape, output_shape), input_data,
             output_data);
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
