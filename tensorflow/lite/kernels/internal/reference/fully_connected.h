// Reference FULLY_CONNECTED: output[b, o] = act(sum_d in[b, d] * w[o, d] + bias[o]).
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_FULLY_CONNECTED_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_FULLY_CONNECTED_H_

#include <algorithm>
#include <cstdint>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/reference/wrapping_arithmetic.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

inline void FullyConnected(const FullyConnectedParams& params,
                           const RuntimeShape& input_shape,
                           const float* input_data,
                           const RuntimeShape& weights_shape,
                           const float* weights_data,
                           const RuntimeShape& bias_shape,
                           const float* bias_data,
                           const RuntimeShape& output_shape,
                           float* output_data) {
  (void)input_shape;
  (void)bias_shape;
  const int output_rank = output_shape.DimensionsCount();
  const int batches = FlatSizeSkipDim(output_shape, output_rank - 1);
  const int output_depth = output_shape.Dims(output_rank - 1);
  const int accum_depth = weights_shape.Dims(weights_shape.DimensionsCount() - 1);
  for (int b = 0; b < batches; ++b) {
    const float* in = input_data + b * accum_depth;
    for (int o = 0; o < output_depth; ++o) {
      const float* w = weights_data + o * accum_depth;
      float total = 0.f;
      for (int d = 0; d < accum_depth; ++d) total += in[d] * w[d];
      const float bias = bias_data != nullptr ? bias_data[o] : 0.f;
      output_data[b * output_depth + o] = ActivationFunctionWithMinMax(
          total + bias, params.float_activation_min,
          params.float_activation_max);
    }
  }
}

}  // namespace reference_ops

namespace reference_integer_ops {

// The accumulator rescaled to the output scale. TFLM rescales with two
// roundings (int8) or the 64-bit multiply (16x8); LiteRT rescales it as an
// int32 with one rounding, ties away from zero, for both: `litert_rescale`
// picks LiteRT's arithmetic.
template <typename AccT>
inline int32_t RescaleFullyConnected(AccT acc, int32_t multiplier, int shift,
                                     bool litert_rescale) {
  return litert_rescale ? MultiplyByQuantizedMultiplierSingleRounding(
                              static_cast<int32_t>(acc), multiplier, shift)
                        : MultiplyByQuantizedMultiplier(acc, multiplier, shift);
}

// int8 or int16 activations with int8 weights. Accumulator is int32 for int8
// inputs (int32 bias) and int64 for int16 inputs (int64 bias). Per-channel
// multipliers when `per_channel_multiplier` is non-null.
template <typename InputT, typename AccT, typename BiasT, typename OutputT>
inline void FullyConnectedImpl(
    const FullyConnectedParams& params,
    const int32_t* per_channel_multiplier, const int32_t* per_channel_shift,
    const RuntimeShape& input_shape, const InputT* input_data,
    const RuntimeShape& filter_shape, const int8_t* filter_data,
    const RuntimeShape& bias_shape, const BiasT* bias_data,
    const RuntimeShape& output_shape, OutputT* output_data,
    bool litert_rescale = false) {
  (void)input_shape;
  (void)bias_shape;
  const int32_t input_offset = params.input_offset;
  const int32_t filter_offset = params.weights_offset;
  const int32_t output_offset = params.output_offset;
  const int output_rank = output_shape.DimensionsCount();
  const int batches = FlatSizeSkipDim(output_shape, output_rank - 1);
  const int output_depth = output_shape.Dims(output_rank - 1);
  const int accum_depth = filter_shape.Dims(filter_shape.DimensionsCount() - 1);
  for (int b = 0; b < batches; ++b) {
    const InputT* in = input_data + b * accum_depth;
    for (int o = 0; o < output_depth; ++o) {
      const int8_t* w = filter_data + o * accum_depth;
      AccT acc = 0;
      // A broken model's sums wrap instead of overflowing.
      for (int d = 0; d < accum_depth; ++d) {
        acc = reference_ops::WrappingAdd(
            acc, static_cast<AccT>(w[d] + filter_offset) *
                     static_cast<AccT>(in[d] + input_offset));
      }
      if (bias_data != nullptr) {
        acc = reference_ops::WrappingAdd(acc, static_cast<AccT>(bias_data[o]));
      }
      const int32_t multiplier = per_channel_multiplier != nullptr
                                     ? per_channel_multiplier[o]
                                     : params.output_multiplier;
      const int shift = per_channel_shift != nullptr ? per_channel_shift[o]
                                                     : params.output_shift;
      int32_t scaled =
          RescaleFullyConnected(acc, multiplier, shift, litert_rescale);
      scaled = SaturatingAddInt32(scaled, output_offset);
      scaled = std::max(scaled, params.quantized_activation_min);
      scaled = std::min(scaled, params.quantized_activation_max);
      output_data[b * output_depth + o] = static_cast<OutputT>(scaled);
    }
  }
}

inline void FullyConnected(const FullyConnectedParams& params,
                           const RuntimeShape& input_shape,
                           const int8_t* input_data,
                           const RuntimeShape& filter_shape,
                           const int8_t* filter_data,
                           const RuntimeShape& bias_shape,
                           const int32_t* bias_data,
                           const RuntimeShape& output_shape,
                           int8_t* output_data) {
  FullyConnectedImpl<int8_t, int32_t, int32_t, int8_t>(
      params, nullptr, nullptr, input_shape, input_data, filter_shape,
      filter_data, bias_shape, bias_data, output_shape, output_data);
}

inline void FullyConnected(const FullyConnectedParams& params,
                           const RuntimeShape& input_shape,
                           const int16_t* input_data,
                           const RuntimeShape& filter_shape,
                           const int8_t* filter_data,
                           const RuntimeShape& bias_shape,
                           const int64_t* bias_data,
                           const RuntimeShape& output_shape,
                           int16_t* output_data) {
  FullyConnectedImpl<int16_t, int64_t, int64_t, int16_t>(
      params, nullptr, nullptr, input_shape, input_data, filter_shape,
      filter_data, bias_shape, bias_data, output_shape, output_data);
}

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_FULLY_CONNECTED_H_
