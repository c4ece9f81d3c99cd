// Reference CONV_2D on NHWC data with OHWI filters:
//   out[b, y, x, o] = act(bias[o] + sum_{ky, kx, i} in[b, y', x', g * I + i] *
//                                                  filter[o, ky, kx, i])
// with y' = y * stride_h - pad_h + ky * dilation_h (likewise x'), taps that
// fall into the padding contributing nothing, and g = o / (O / groups) the
// group of output channel o when the input has groups * I channels.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_CONV_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_CONV_H_

#include <algorithm>
#include <cstdint>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/reference/accumulate.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

inline void Conv(const ConvParams& params, const RuntimeShape& input_shape,
                 const float* input_data, const RuntimeShape& filter_shape,
                 const float* filter_data, const RuntimeShape& bias_shape,
                 const float* bias_data, const RuntimeShape& output_shape,
                 float* output_data) {
  (void)bias_shape;
  const int batches = input_shape.Dims(0);
  const int input_height = input_shape.Dims(1);
  const int input_width = input_shape.Dims(2);
  const int input_depth = input_shape.Dims(3);
  const int filter_height = filter_shape.Dims(1);
  const int filter_width = filter_shape.Dims(2);
  const int filter_input_depth = filter_shape.Dims(3);
  const int output_height = output_shape.Dims(1);
  const int output_width = output_shape.Dims(2);
  const int output_depth = output_shape.Dims(3);
  const int groups = input_depth / filter_input_depth;
  const int filters_per_group = output_depth / groups;

  for (int b = 0; b < batches; ++b) {
    for (int out_y = 0; out_y < output_height; ++out_y) {
      const int in_y_origin =
          out_y * params.stride_height - params.padding_values.height;
      for (int out_x = 0; out_x < output_width; ++out_x) {
        const int in_x_origin =
            out_x * params.stride_width - params.padding_values.width;
        for (int out_c = 0; out_c < output_depth; ++out_c) {
          const int in_c_base = (out_c / filters_per_group) * filter_input_depth;
          float total = 0.f;
          for (int ky = 0; ky < filter_height; ++ky) {
            const int in_y = in_y_origin + ky * params.dilation_height_factor;
            if (in_y < 0 || in_y >= input_height) continue;
            for (int kx = 0; kx < filter_width; ++kx) {
              const int in_x = in_x_origin + kx * params.dilation_width_factor;
              if (in_x < 0 || in_x >= input_width) continue;
              const float* in =
                  input_data + Offset(input_shape, b, in_y, in_x, in_c_base);
              const float* w =
                  filter_data + Offset(filter_shape, out_c, ky, kx, 0);
              for (int i = 0; i < filter_input_depth; ++i) {
                total += in[i] * w[i];
              }
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

}  // namespace reference_ops

namespace reference_integer_ops {

// Quantized convolution with one multiplier and shift per output channel.
//   InputT int8_t:  AccT int32_t, BiasT int32_t (weights' zero point ignored;
//                   the kernel checks it is 0).
//   InputT int16_t: AccT int64_t with BiasT int64_t (what TFLite's reference
//                   kernel and the seanet goldens use); or AccT int32_t with
//                   BiasT int32_t (TFLM's result for an int32 bias; see
//                   conv.cc).
// See accumulate.h for how each accumulator is rescaled.
template <typename InputT, typename AccT, typename BiasT>
inline void ConvPerChannelImpl(
    const ConvParams& params, const int32_t* output_multiplier,
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
  const int filter_input_depth = filter_shape.Dims(3);
  const int output_height = output_shape.Dims(1);
  const int output_width = output_shape.Dims(2);
  const int output_depth = output_shape.Dims(3);
  const int groups = input_depth / filter_input_depth;
  const int filters_per_group = output_depth / groups;
  const int32_t input_offset = params.input_offset;

  for (int b = 0; b < batches; ++b) {
    for (int out_y = 0; out_y < output_height; ++out_y) {
      const int in_y_origin =
          out_y * params.stride_height - params.padding_values.height;
      for (int out_x = 0; out_x < output_width; ++out_x) {
        const int in_x_origin =
            out_x * params.stride_width - params.padding_values.width;
        for (int out_c = 0; out_c < output_depth; ++out_c) {
          const int in_c_base = (out_c / filters_per_group) * filter_input_depth;
          AccT acc = 0;
          for (int ky = 0; ky < filter_height; ++ky) {
            const int in_y = in_y_origin + ky * params.dilation_height_factor;
            if (in_y < 0 || in_y >= input_height) continue;
            for (int kx = 0; kx < filter_width; ++kx) {
              const int in_x = in_x_origin + kx * params.dilation_width_factor;
              if (in_x < 0 || in_x >= input_width) continue;
              const InputT* in =
                  input_data + Offset(input_shape, b, in_y, in_x, in_c_base);
              const int8_t* w =
                  filter_data + Offset(filter_shape, out_c, ky, kx, 0);
              for (int i = 0; i < filter_input_depth; ++i) {
                acc = WrappingMultiplyAdd(acc, w[i], in[i] + input_offset);
              }
            }
          }
          if (bias_data != nullptr) acc = WrappingAdd(acc, bias_data[out_c]);
          int32_t scaled = RescaleAccumulator(acc, output_multiplier[out_c],
                                              output_shift[out_c]);
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

inline void ConvPerChannel(
    const ConvParams& params, const int32_t* output_multiplier,
    const int32_t* output_shift, const RuntimeShape& input_shape,
    const int8_t* input_data, const RuntimeShape& filter_shape,
    const int8_t* filter_data, const RuntimeShape& bias_shape,
    const int32_t* bias_data, const RuntimeShape& output_shape,
    int8_t* output_data) {
  ConvPerChannelImpl<int8_t, int32_t, int32_t>(
      params, output_multiplier, output_shift, input_shape, input_data,
      filter_shape, filter_data, bias_shape, bias_data, output_shape,
      output_data);
}

inline void ConvPerChannel(
    const ConvParams& params, const int32_t* output_multiplier,
    const int32_t* output_shift, const RuntimeShape& input_shape,
    const int16_t* input_data, const RuntimeShape& filter_shape,
    const int8_t* filter_data, const RuntimeShape& bias_shape,
    const int64_t* bias_data, const RuntimeShape& output_shape,
    int16_t* output_data) {
  ConvPerChannelImpl<int16_t, int64_t, int64_t>(
      params, output_multiplier, output_shift, input_shape, input_data,
      filter_shape, filter_data, bias_shape, bias_data, output_shape,
      output_data);
}

inline void ConvPerChannel(
    const ConvParams& params, const int32_t* output_multiplier,
    const int32_t* output_shift, const RuntimeShape& input_shape,
    const int16_t* input_data, const RuntimeShape& filter_shape,
    const int8_t* filter_data, const RuntimeShape& bias_shape,
    const int32_t* bias_data, const RuntimeShape& output_shape,
    int16_t* output_data) {
  ConvPerChannelImpl<int16_t, int32_t, int32_t>(
      params, output_multiplier, output_shift, input_shape, input_data,
      filter_shape, filter_data, bias_shape, bias_data, output_shape,
      output_data);
}

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_CONV_H_
