// Reference TRANSPOSE_CONV (the gradient of CONV_2D with respect to its
// input) on NHWC data with OHWI weights. Every input element scatters into
// the outputs its filter window covers:
//   out[b, y * stride_h - pad_h + ky, x * stride_w - pad_w + kx, o] +=
//       in[b, y, x, i] * filter[o, ky, kx, i]
// for each in-range target; then the bias is added and the fused activation
// applied to every output.
//
// The float kernel scatters in that order (TFLite's), accumulating in the
// output. The quantized kernels gather instead: each output element sums the
// input elements that reach it, so no accumulator buffer is needed; integer
// sums do not depend on the order.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_TRANSPOSE_CONV_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_TRANSPOSE_CONV_H_

#include <algorithm>
#include <cstdint>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/reference/accumulate.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

inline void TransposeConv(const ConvParams& params,
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
  const int output_depth = output_shape.Dims(3);
  const int output_size = output_shape.FlatSize();

  for (int i = 0; i < output_size; ++i) output_data[i] = 0.f;
  for (int b = 0; b < batches; ++b) {
    for (int in_y = 0; in_y < input_height; ++in_y) {
      const int out_y_origin =
          in_y * params.stride_height - params.padding_values.height;
      for (int in_x = 0; in_x < input_width; ++in_x) {
        const int out_x_origin =
            in_x * params.stride_width - params.padding_values.width;
        for (int in_c = 0; in_c < input_depth; ++in_c) {
          const float input_value =
              input_data[Offset(input_shape, b, in_y, in_x, in_c)];
          for (int ky = 0; ky < filter_height; ++ky) {
            const int out_y = out_y_origin + ky;
            if (out_y < 0 || out_y >= output_height) continue;
            for (int kx = 0; kx < filter_width; ++kx) {
              const int out_x = out_x_origin + kx;
              if (out_x < 0 || out_x >= output_width) continue;
              for (int out_c = 0; out_c < output_depth; ++out_c) {
                output_data[Offset(output_shape, b, out_y, out_x, out_c)] +=
                    input_value *
                    filter_data[Offset(filter_shape, out_c, ky, kx, in_c)];
              }
            }
          }
        }
      }
    }
  }
  for (int i = 0; i < output_size; ++i) {
    const float bias = bias_data != nullptr ? bias_data[i % output_depth] : 0.f;
    output_data[i] = ActivationFunctionWithMinMax(
        output_data[i] + bias, params.float_activation_min,
        params.float_activation_max);
  }
}

}  // namespace reference_ops

namespace reference_integer_ops {

// The input row (or column) that filter tap k brings to output row `out`,
// or -1 when none does: out = in * stride - pad + k.
inline int TransposeConvSource(int out, int k, int stride, int pad,
                               int input_size) {
  const int scaled = out + pad - k;
  if (scaled < 0 || scaled % stride != 0) return -1;
  const int in = scaled / stride;
  return in < input_size ? in : -1;
}

// Quantized transpose convolution with one multiplier and shift per output
// channel. int8: AccT int32_t, BiasT int32_t. int16: AccT and BiasT int64_t.
template <typename InputT, typename AccT, typename BiasT>
inline void TransposeConvPerChannel(
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
  const int output_height = output_shape.Dims(1);
  const int output_width = output_shape.Dims(2);
  const int output_depth = output_shape.Dims(3);
  const int32_t input_offset = params.input_offset;

  for (int b = 0; b < batches; ++b) {
    for (int out_y = 0; out_y < output_height; ++out_y) {
      for (int out_x = 0; out_x < output_width; ++out_x) {
        for (int out_c = 0; out_c < output_depth; ++out_c) {
          AccT acc = 0;
          for (int ky = 0; ky < filter_height; ++ky) {
            const int in_y =
                TransposeConvSource(out_y, ky, params.stride_height,
                                    params.padding_values.height, input_height);
            if (in_y < 0) continue;
            for (int kx = 0; kx < filter_width; ++kx) {
              const int in_x = TransposeConvSource(
                  out_x, kx, params.stride_width, params.padding_values.width,
                  input_width);
              if (in_x < 0) continue;
              const InputT* in =
                  input_data + Offset(input_shape, b, in_y, in_x, 0);
              const int8_t* w =
                  filter_data + Offset(filter_shape, out_c, ky, kx, 0);
              for (int i = 0; i < input_depth; ++i) {
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

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_TRANSPOSE_CONV_H_
