// The shapes and output quantization of a 2-D convolution (CONV_2D,
// DEPTHWISE_CONV_2D, pooling) as the optimized kernels take them; a header
// of its own so that kernels using only these types (the Cortex-M paths,
// which also serve FULLY_CONNECTED) do not pull in conv.cc.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CONV_GEOMETRY_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CONV_GEOMETRY_H_

#include <cstdint>

namespace tflite {
namespace optimized_ops {

// Input, filter and output sizes of a 2-D convolution or pooling.
struct ConvGeometry {
  int batches;
  int input_height;
  int input_width;
  int input_depth;
  int filter_height;
  int filter_width;
  int output_height;
  int output_width;
  int output_depth;
  int stride_height;
  int stride_width;
  int dilation_height;
  int dilation_width;
  int pad_height;
  int pad_width;
  // Depthwise: output channels per input channel (1 for CONV_2D).
  int depth_multiplier;
};

// Requantization of int32 accumulators to int8 outputs, per output channel.
struct QuantizedOutput {
  const int32_t* multiplier;
  const int32_t* shift;
  int32_t input_offset;
  int32_t output_offset;
  int32_t act_min;
  int32_t act_max;
};

template <typename Params>
QuantizedOutput MakeQuantizedOutput(const Params& params,
                                    const int32_t* multiplier,
                                    const int32_t* shift) {
  QuantizedOutput q;
  q.multiplier = multiplier;
  q.shift = shift;
  q.input_offset = params.input_offset;
  q.output_offset = params.output_offset;
  q.act_min = params.quantized_activation_min;
  q.act_max = params.quantized_activation_max;
  return q;
}

}  // namespace optimized_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CONV_GEOMETRY_H_
