// Optimized FULLY_CONNECTED computing exactly what
// reference/fully_connected.h computes (both arithmetic choices). No
// scratch memory.
//   int8: dot products in any order (int32 wrapping sums are exact), then
//         the reference's rescaling, per output.
//   float: lanes across outputs (weights transposed in registers), each
//          output summed in the reference's order with separate multiply and
//          add.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_FULLY_CONNECTED_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_FULLY_CONNECTED_H_

#include <cstdint>

#include "tensorflow/lite/kernels/internal/optimized/cpu.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace optimized_ops {

void FullyConnected(const FullyConnectedParams& params,
                    const RuntimeShape& input_shape, const float* input_data,
                    const RuntimeShape& weights_shape,
                    const float* weights_data, const float* bias_data,
                    const RuntimeShape& output_shape, float* output_data,
                    Isa isa = ActiveIsa());

// out[r] = the sum over d of x[d] * weights[r][d], accumulated from 0.f in
// the order of d with separate multiplies and adds: bit for bit what a
// reference dot-product loop gives (e.g. the float LSTM's gates).
void FloatRowDots(const float* x, const float* weights, int rows, int depth,
                  float* out, Isa isa = ActiveIsa());

}  // namespace optimized_ops

namespace optimized_integer_ops {

// int8 activations and weights (any weights zero point), int32 bias;
// per-channel multipliers when `per_channel_multiplier` is non-null;
// `litert_rescale` as in reference_integer_ops::FullyConnectedImpl.
void FullyConnected(const FullyConnectedParams& params,
                    const int32_t* per_channel_multiplier,
                    const int32_t* per_channel_shift,
                    const RuntimeShape& input_shape, const int8_t* input_data,
                    const RuntimeShape& filter_shape,
                    const int8_t* filter_data, const int32_t* bias_data,
                    const RuntimeShape& output_shape, int8_t* output_data,
                    bool litert_rescale = false,
                    optimized_ops::Isa isa = optimized_ops::ActiveIsa());

}  // namespace optimized_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_FULLY_CONNECTED_H_
