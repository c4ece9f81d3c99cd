// Optimized DEPTHWISE_CONV_2D computing exactly what reference/depthwise_conv.h
// computes: per output pixel, the valid filter taps (no padding arithmetic)
// in the reference's order, vectorized across channels. Any stride,
// dilation, padding and depth multiplier; no scratch memory.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_DEPTHWISE_CONV_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_DEPTHWISE_CONV_H_

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/kernels/internal/optimized/cpu.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace optimized_ops {

// Whether DepthwiseConv/DepthwiseConvPerChannel (and the reference kernels)
// compute correctly with output_data == input_data: depth multiplier 1 and
// every output pixel's filter window starting at or after the input pixel
// of the same index (outputs are written in pixel order, each after its
// window was read), e.g. stride 2 without top/left padding.
bool DepthwiseInPlaceAllowed(const DepthwiseParams& params,
                             const RuntimeShape& input_shape,
                             const RuntimeShape& filter_shape,
                             const RuntimeShape& output_shape);

void DepthwiseConv(const DepthwiseParams& params,
                   const RuntimeShape& input_shape, const float* input_data,
                   const RuntimeShape& filter_shape, const float* filter_data,
                   const float* bias_data, const RuntimeShape& output_shape,
                   float* output_data, Isa isa = ActiveIsa());

}  // namespace optimized_ops

namespace optimized_integer_ops {

// int8 activations and weights, int32 bias, per-channel multipliers.
void DepthwiseConvPerChannel(
    const DepthwiseParams& params, const int32_t* output_multiplier,
    const int32_t* output_shift, const RuntimeShape& input_shape,
    const int8_t* input_data, const RuntimeShape& filter_shape,
    const int8_t* filter_data, const int32_t* bias_data,
    const RuntimeShape& output_shape, int8_t* output_data,
    optimized_ops::Isa isa = optimized_ops::ActiveIsa());

}  // namespace optimized_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_DEPTHWISE_CONV_H_
