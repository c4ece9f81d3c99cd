// Reference DEPTHWISE_CONV_2D on NHWC data with a [1, H, W, C * M] filter:
// each input channel c feeds its own M output channels c * M + m,
//   out[b, y, x, c * M + m] = act(bias[c * M + m] +
//       sum_{ky, kx} in[b, y', x', c] * filter[0, ky, kx, c * M + m])
// with y' = y * stride_h - pad_h + ky * dilation_h (likewise x') and taps in
// the padding contributing nothing.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_DEPTHWISE_CONV_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_DEPTHWISE_CONV_H_

#include <algorithm>
#include <cstdint>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/reference/accumulate.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

inline void DepthwiseConv(const DepthwiseParams& params,
                          const RuntimeShape& input_shape,
                          const float* input_data,
                          const RuntimeShape& filter_shape,
                          const float* filter_data,
                          const RuntimeShape& bias_shape,
                          const float* bias_data,
                          const RuntimeShape& output_shape,
                          float* output_data) {
  (void)bias_shape;
  const int batches = input_shape.Dims(0);
  const int input_height = input_shape.Dims(1);
  const int input_width = input_shape.Dims(2);
  const int input_depth = input_shape.Dims(3);
  const int filter_height = filter_shape.Dims(1);
  const int filter_width = filter_shape.Dims(2);
  const int output_height = output_shape.Dims(1);
  const int output_width = output_shape.Dims(2);
  const int depth_multiplier = params.depth_multiplier;

  for (int b = 0; b < batches; ++b) {
    for (int out_y = 0; out_y < output_height; ++out_y) {
      const int in_y_origin =
          out_y * params.stride_height - params.padding_values.height;
      for (int out_x = 0; out_x < output_width; ++out_x) {
        const int in_x_origin =
            out_x * params.stride_width - params.padding_values.width;
        for (int in_c = 0; in_c < input_depth; ++in_c) {
          for (int m = 0; m < depth_multiplier; ++m) {
            const int out_c = in_c * depth_multiplier + m;
            float total = 0.f;
            for (int ky = 0; ky < filter_height; ++ky) {
              const int in_y =
                  in_y_origin + ky * params.dilation_height_factor;
              if (in_y < 0 || in_y >= input_height) continue;
              for (int kx = 0; kx < filter_width; ++kx) {
                const int in_x =
                    in_x_origin + kx * params.dilation_width_factor;
                if (in_x < 0 || in_x >= input_width) continue;
                total +=
                    input_data[Offset(input_shape, b, in_y, in_x, in_c)] *
                    filter_data[Offset(filter_shape, 0, ky, kx, out_c)];
              }
            }
            const float bias = bias_data != nullptr ? bias_data[out_c] : 0.f;
            output_data[Offset(output_shape, b, out_y, out_x, out_c)] =
                ActivationFunctionWithMinMax(total + bias,
                                             params.float_activation_min,
                                             params.float_activation_max);
          }
        }
      }
    }
  }
}

}  // namespace reference_ops

namespace reference_integer_ops {

// Quantized depthwise convolution with one multiplier and shift per output
// channel. int8: AccT int32_t, BiasT int32_t. int16: AccT and BiasT int64_t.
template <typename InputT, typename AccT, typename BiasT>
inline void DepthwiseConvPerChannelImpl(
    const DepthwiseParams& params, const int32_t* output_multiplier,
    const int32_t* output_shift, const RuntimeShape& input_shape,
    const InputT* input_data, const RuntimeShape& filter_shape,
    const int8_t* filter_data, const RuntimeShape& bias_shape,
    const BiasT* bias_data, const RuntimeShape& output_shape,
    InputT* output_data) {
  (void)bias_shape;
  const int batches = input_shape.Dims(0);
  const int input_height = input_shape.Dims(1);
  const int input_width = input_shape.Dims(2);
  const int input_depth = input_shape.Dims(3);
  const int filter_height = filter_shape.Dims(1);
  const int filter_width = filter_shape.Dims(2);
  const int output_height = output_shape.Dims(1);
  const int output_width = output_shape.Dims(2);
  const int depth_multiplier = params.depth_multiplier;
  const int32_t input_offset = params.input_offset;

  for (int b = 0; b < batches; ++b) {
    for (int out_y = 0; out_y < output_height; ++out_y) {
      const int in_y_origin =
          out_y * params.stride_height - params.padding_values.height;
      for (int out_x = 0; out_x < output_width; ++out_x) {
        const int in_x_origin =
            out_x * params.stride_width - params.padding_values.width;
        for (int in_c = 0; in_c < input_depth; ++in_c) {
          for (int m = 0; m < depth_multiplier; ++m) {
            const int out_c = in_c * depth_multiplier + m;
            AccT acc = 0;
            for (int ky = 0; ky < filter_height; ++ky) {
              const int in_y =
                  in_y_origin + ky * params.dilation_height_factor;
              if (in_y < 0 || in_y >= input_height) continue;
              for (int kx = 0; kx < filter_width; ++kx) {
                const int in_x =
                    in_x_origin + kx * params.dilation_width_factor;
                if (in_x < 0 || in_x >= input_width) continue;
                const int32_t input_value =
                    input_data[Offset(input_shape, b, in_y, in_x, in_c)];
                const int32_t filter_value =
                    filter_data[Offset(filter_shape, 0, ky, kx, out_c)];
                acc = WrappingMultiplyAdd(acc, filter_value,
                                          input_value + input_offset);
              }
            }
            if (bias_data != nullptr) acc = WrappingAdd(acc, bias_data[out_c]);
            int32_t scaled = RescaleAccumulator(
                acc, output_multiplier[out_c], output_shift[out_c]);
            scaled = SaturatingAddInt32(scaled, params.output_offset);
            scaled = std::max(scaled, params.quantized_activation_min);
            scaled = std::min(scaled, params.quantized_activation_max);
            output_data[Offset(output_shape, b, out_y, out_x, out_c)] =
                static_cast<InputT>(scaled);
          }
        }
      }
    }
  }
}

inline void DepthwiseConvPerChannel(
    const DepthwiseParams& params, const int32_t* output_multiplier,
    const int32_t* output_shift, const RuntimeShape& input_shape,
    const int8_t* input_data, const RuntimeShape& filter_shape,
    const int8_t* filter_data, const RuntimeShape& bias_shape,
    const int32_t* bias_data, const RuntimeShape& output_shape,
    int8_t* output_data) {
  DepthwiseConvPerChannelImpl<int8_t, int32_t, int32_t>(
      params, output_multiplier, output_shift, input_shape, input_data,
      filter_shape, filter_data, bias_shape, bias_data, output_shape,
      output_data);
}

inline void DepthwiseConvPerChannel(
    const DepthwiseParams& params, const int32_t* output_multiplier,
    const int32_t* output_shift, const RuntimeShape& input_shape,
    const int16_t* input_data, const RuntimeShape& filter_shape,
    const int8_t* filter_data, const RuntimeShape& bias_shape,
    const int64_t* bias_data, const RuntimeShape& output_shape,
    int16_t* output_data) {
  DepthwiseConvPerChannelImpl<int16_t, int64_t, int64_t>(
      params, output_multiplier, output_shift, input_shape, input_data,
      filter_shape, filter_data, bias_shape, bias_data, output_shape,
      output_data);
}

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_DEPTHWISE_CONV_H_
