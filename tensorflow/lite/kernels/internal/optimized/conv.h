// Optimized CONV_2D (NHWC input, OHWI filter) computing exactly what the
// reference kernels in reference/conv.h compute.
//
// Method: the convolution is a matrix product of the input patches (rows:
// output pixels, columns: filter taps x input channels, gathered 8 pixels at
// a time into scratch, "im2col") with the filter (packed 16 or 32 output
// channels at a time into scratch). Integer sums are exact in any order
// (int32 wrapping, like the reference); float sums keep the reference's
// order for every output (taps in order, lanes across output channels,
// separate multiply and add), so float results are identical too.
//
// Handled: groups == 1, any stride, dilation, padding, batch. Callers use the
// reference kernel where *Supported() is false.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CONV_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CONV_H_

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/kernels/internal/optimized/conv_geometry.h"
#include "tensorflow/lite/kernels/internal/optimized/cpu.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace optimized_ops {

ConvGeometry MakeConvGeometry(const ConvParams& params,
                              const RuntimeShape& input_shape,
                              const RuntimeShape& filter_shape,
                              const RuntimeShape& output_shape);
ConvGeometry MakeConvGeometry(const DepthwiseParams& params,
                              const RuntimeShape& input_shape,
                              const RuntimeShape& filter_shape,
                              const RuntimeShape& output_shape);

bool ConvSupported(const RuntimeShape& input_shape,
                   const RuntimeShape& filter_shape,
                   const RuntimeShape& output_shape);

// Scratch bytes Conv/ConvPerChannel need (the same on every CPU).
size_t ConvScratchBytes(const RuntimeShape& input_shape,
                        const RuntimeShape& filter_shape, bool is_float);

// The convolution of `g` (groups == 1) as a matrix product.
// Whether ConvFloat could differ from the reference (non-finite weights
// next to padding).
bool ConvFloatNeedsReference(const ConvGeometry& g, const float* filter);
void ConvFloat(const ConvGeometry& g, float act_min, float act_max,
               const float* input, const float* filter, const float* bias,
               float* output, void* scratch, Isa isa);
void ConvInt8(const ConvGeometry& g, const QuantizedOutput& q,
              const int8_t* input, const int8_t* filter, const int32_t* bias,
              int8_t* output, void* scratch, Isa isa);

// int8 pointwise (1x1, stride 1, no padding) convolutions with a small
// filter can write their output over their input: ConvPerChannel does so
// when given output_data == input_data (the output may be larger or
// smaller), with ConvInPlaceScratchBytes of scratch.
bool ConvInPlaceAllowed(const ConvParams& params,
                        const RuntimeShape& input_shape,
                        const RuntimeShape& filter_shape);
size_t ConvInPlaceScratchBytes(const RuntimeShape& input_shape,
                               const RuntimeShape& filter_shape);

void Conv(const ConvParams& params, const RuntimeShape& input_shape,
          const float* input_data, const RuntimeShape& filter_shape,
          const float* filter_data, const float* bias_data,
          const RuntimeShape& output_shape, float* output_data, void* scratch,
          Isa isa = ActiveIsa());

}  // namespace optimized_ops

namespace optimized_integer_ops {

// int8 activations and weights, int32 bias, per-channel multipliers.
void ConvPerChannel(const ConvParams& params, const int32_t* output_multiplier,
                    const int32_t* output_shift,
                    const RuntimeShape& input_shape, const int8_t* input_data,
                    const RuntimeShape& filter_shape,
                    const int8_t* filter_data, const int32_t* bias_data,
                    const RuntimeShape& output_shape, int8_t* output_data,
                    void* scratch,
                    optimized_ops::Isa isa = optimized_ops::ActiveIsa());

}  // namespace optimized_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CONV_H_
