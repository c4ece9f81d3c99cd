// int8 CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED for 32-bit cores
// without SIMD (Cortex-M0/M0+/M3, and any core as a fallback): plain C++
// whose inner loops keep every sum in a register (see cortex_m_common.h).
// The Cortex-M builds call these where the core lacks the DSP extension;
// every build compiles them, so that the tests compare them with the
// reference kernels on any machine.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CORTEX_M_SCALAR_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CORTEX_M_SCALAR_H_

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/kernels/internal/optimized/conv_geometry.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace optimized_ops {
namespace cortex_m {

struct FcInt8Args;

// As ConvInt8 (groups == 1; in_place: output_data == input_data, see
// ConvInPlaceAllowed), with ConvScratchBytes (or ConvInPlaceScratchBytes)
// of scratch.
void ConvInt8Scalar(const ConvGeometry& g, const QuantizedOutput& q,
                    const int8_t* input, const int8_t* filter,
                    const int32_t* bias, int8_t* output, void* scratch,
                    bool in_place);

// Any stride, dilation, padding and depth multiplier; no scratch.
void DepthwiseInt8Scalar(const ConvGeometry& g, const QuantizedOutput& q,
                         const int8_t* input, const int8_t* filter,
                         const int32_t* bias, int8_t* output);

void FullyConnectedInt8Scalar(const FcInt8Args& args, const int8_t* input,
                              const int8_t* weights, const int32_t* bias,
                              int8_t* output);

// int8 ADD of two same-shape tensors (reference_ops::QuantizedAddSub with
// ADD, element by element). From kAddTableMinSize elements on, each
// input's 256 possible rescaled values are computed first (2 KB of
// stack); the Helium path takes this one for its tails and odd
// quantization, the DSP cores take it as it is (the DSP extension has no
// 32-bit multiplies that would do several elements at once).
constexpr int kAddTableMinSize = 512;
void AddInt8Scalar(const ArithmeticParams& p, int size, const int8_t* input1,
                   const int8_t* input2, int8_t* output);

// int8 AVERAGE_POOL_2D (filter_height * filter_width <= kMaxPoolTaps) and
// MAX_POOL_2D, as reference_integer_ops::AveragePool and MaxPool.
void AveragePoolInt8Scalar(const PoolParams& params,
                           const RuntimeShape& input_shape, const int8_t* input,
                           const RuntimeShape& output_shape, int8_t* output);
void MaxPoolInt8Scalar(const PoolParams& params,
                       const RuntimeShape& input_shape, const int8_t* input,
                       const RuntimeShape& output_shape, int8_t* output);

}  // namespace cortex_m
}  // namespace optimized_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CORTEX_M_SCALAR_H_
