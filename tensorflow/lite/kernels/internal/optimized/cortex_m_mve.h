// int8 CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED with Helium (the
// M-profile Vector Extension, MVE: Cortex-M55, M85): 16 int8 products summed
// into a general register per instruction (VMLADAVA.S8), the input offset
// folded in once per output as offset * sum(weights) (VADDVA.S8), tails by
// predicated loads. Same results as the reference kernels. Cortex-M builds
// with __ARM_FEATURE_MVE call these; elsewhere the same functions are
// compiled with portable C++ definitions of the instructions, so that the
// tests check them on any machine.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CORTEX_M_MVE_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CORTEX_M_MVE_H_

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/kernels/internal/optimized/conv_geometry.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace optimized_ops {
namespace cortex_m {

struct FcInt8Args;

// As ConvInt8Scalar and friends (cortex_m_scalar.h), for any input offset.
void ConvInt8Mve(const ConvGeometry& g, const QuantizedOutput& q,
                 const int8_t* input, const int8_t* filter,
                 const int32_t* bias, int8_t* output, void* scratch,
                 bool in_place);

void DepthwiseInt8Mve(const ConvGeometry& g, const QuantizedOutput& q,
                      const int8_t* input, const int8_t* filter,
                      const int32_t* bias, int8_t* output);

void FullyConnectedInt8Mve(const FcInt8Args& args, const int8_t* input,
                           const int8_t* weights, const int32_t* bias,
                           int8_t* output);

// As AddInt8Scalar (cortex_m_scalar.h), 4 elements a step.
void AddInt8Mve(const ArithmeticParams& p, int size, const int8_t* input1,
                const int8_t* input2, int8_t* output);

// int8 AVERAGE_POOL_2D (filter_height * filter_width <= kMaxPoolTaps) and
// MAX_POOL_2D, as reference_integer_ops::AveragePool and MaxPool.
void AveragePoolInt8Mve(const PoolParams& params,
                        const RuntimeShape& input_shape, const int8_t* input,
                        const RuntimeShape& output_shape, int8_t* output);
void MaxPoolInt8Mve(const PoolParams& params, const RuntimeShape& input_shape,
                    const int8_t* input, const RuntimeShape& output_shape,
                    int8_t* output);

// SVDF's two sums (svdf.cc): out[r] = sum(a[r % a_rows] * (b[r * b_stride]
// - zero_point)) over n values, wrapping as the reference's int32 sums.
void SvdfSumsMve(const int8_t* a, int a_rows, const int8_t* b, int b_stride,
                 int rows, int n, int32_t zero_point, int32_t* out);
void SvdfSumsMve(const int16_t* a, int a_rows, const int16_t* b, int b_stride,
                 int rows, int n, int32_t zero_point, int32_t* out);

}  // namespace cortex_m
}  // namespace optimized_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CORTEX_M_MVE_H_
