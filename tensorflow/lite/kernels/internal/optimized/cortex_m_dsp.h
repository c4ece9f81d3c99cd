// int8 CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED with the Arm DSP
// extension (Cortex-M4, M7, M33, M35P, M55): two 16-bit multiply-accumulates
// per instruction (SMLAD) on bytes sign-extended in pairs (SXTB16, and
// SXTAB16 adding the input offset on the way). Same results as the
// reference kernels. Cortex-M builds with __ARM_FEATURE_DSP call these;
// elsewhere the same functions are compiled with portable C++ definitions
// of the four instructions, so that the tests check them on any machine.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CORTEX_M_DSP_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CORTEX_M_DSP_H_

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/kernels/internal/optimized/conv_geometry.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace optimized_ops {
namespace cortex_m {

struct FcInt8Args;

// As ConvInt8Scalar and friends (cortex_m_scalar.h). Input offsets whose
// sum with an int8 does not fit 16 bits (zero points outside int8, broken
// models only) take slow plain loops (or the reference CONV_2D).
void ConvInt8Dsp(const ConvGeometry& g, const QuantizedOutput& q,
                 const int8_t* input, const int8_t* filter,
                 const int32_t* bias, int8_t* output, void* scratch,
                 bool in_place);

void DepthwiseInt8Dsp(const ConvGeometry& g, const QuantizedOutput& q,
                      const int8_t* input, const int8_t* filter,
                      const int32_t* bias, int8_t* output);

void FullyConnectedInt8Dsp(const FcInt8Args& args, const int8_t* input,
                           const int8_t* weights, const int32_t* bias,
                           int8_t* output);

// int8 AVERAGE_POOL_2D (filter_height * filter_width <= kMaxPoolTaps) and
// MAX_POOL_2D, as reference_integer_ops::AveragePool and MaxPool.
void AveragePoolInt8Dsp(const PoolParams& params,
                        const RuntimeShape& input_shape, const int8_t* input,
                        const RuntimeShape& output_shape, int8_t* output);
void MaxPoolInt8Dsp(const PoolParams& params, const RuntimeShape& input_shape,
                    const int8_t* input, const RuntimeShape& output_shape,
                    int8_t* output);

// SVDF's two sums (svdf.cc): out[r] = sum(a[r % a_rows] * (b[r * b_stride]
// - zero_point)) over n values, wrapping as the reference's int32 sums.
void SvdfSumsDsp(const int8_t* a, int a_rows, const int8_t* b, int b_stride,
                 int rows, int n, int32_t zero_point, int32_t* out);
void SvdfSumsDsp(const int16_t* a, int a_rows, const int16_t* b, int b_stride,
                 int rows, int n, int32_t zero_point, int32_t* out);

}  // namespace cortex_m
}  // namespace optimized_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CORTEX_M_DSP_H_
