// ADD and SUB: float32/int32/int64 (clamped to the fused activation's range;
// integer overflow wraps), the general int8/int16 quantized path and the
// int16 power-of-two-scale path, which combine both inputs on a common scale
// with std::plus<int32_t> (ADD) or std::minus<int32_t> (SUB); and ADD of
// int16 without quantization parameters. All functions broadcast their
// inputs.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_ADD_SUB_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_ADD_SUB_H_

#include <cstdint>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/reference/broadcast_elementwise.h"
#include "tensorflow/lite/kernels/internal/reference/wrapping_arithmetic.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_ops {

template <typename T>
inline void Add(const ArithmeticParams& params,
                const RuntimeShape& input1_shape, const T* input1_data,
                const RuntimeShape& input2_shape, const T* input2_data,
                const RuntimeShape& output_shape, T* output_data) {
  BroadcastBinaryWithActivation(params, input1_shape, input1_data,
                                input2_shape, input2_data, output_shape,
                                output_data,
                                [](T a, T b) { return WrappingAdd(a, b); });
}

template <typename T>
inline void Sub(const ArithmeticParams& params,
                const RuntimeShape& input1_shape, const T* input1_data,
                const RuntimeShape& input2_shape, const T* input2_data,
                const RuntimeShape& output_shape, T* output_data) {
  BroadcastBinaryWithActivation(params, input1_shape, input1_data,
                                input2_shape, input2_data, output_shape,
                                output_data,
                                [](T a, T b) { return WrappingSub(a, b); });
}

// int16 without quantization parameters, as TFLite's ADD treats it: the sum
// wraps to int16, then is clamped to [quantized_activation_min,
// quantized_activation_max].
inline void AddUnquantizedInt16(const ArithmeticParams& params,
                                const RuntimeShape& input1_shape,
                                const int16_t* input1_data,
                                const RuntimeShape& input2_shape,
                                const int16_t* input2_data,
                                const RuntimeShape& output_shape,
                                int16_t* output_data) {
  BroadcastBinary(input1_shape, input1_data, input2_shape, input2_data,
                  output_shape, output_data, [&params](int16_t a, int16_t b) {
                    return static_cast<int16_t>(ClampToQuantizedActivationRange(
                        WrappingAdd(a, b), params));
                  });
}

// The combined value of a quantized ADD/SUB (on the common scale) taken to
// the output's scale, zero point and activation range.
inline int32_t QuantizedAddSubOutput(const ArithmeticParams& params,
                                     int32_t combined) {
  const int32_t result = SaturatingAddInt32(
      MultiplyByQuantizedMultiplier(combined, params.output_multiplier,
                                    params.output_shift),
      params.output_offset);
  return ClampToQuantizedActivationRange(result, params);
}

// int8 (left_shift 20) and int16 (left_shift 15) with arbitrary scales: both
// inputs on the common scale (see RescaleToCommonScale) are combined, and
// the result taken to the output's scale, zero point and activation range.
// (The output multiplier may exceed 1 for very narrow output ranges, where
// TFLite's kernel would misbehave; the positive shift is then applied before
// the multiply.)
template <typename T, typename Combine>
inline void QuantizedAddSub(const ArithmeticParams& params,
                            const RuntimeShape& input1_shape,
                            const T* input1_data,
                            const RuntimeShape& input2_shape,
                            const T* input2_data,
                            const RuntimeShape& output_shape,
                            T* output_data) {
  BroadcastBinary(
      input1_shape, input1_data, input2_shape, input2_data, output_shape,
      output_data, [&params](T a, T b) {
        const int32_t a_scaled = RescaleToCommonScale(
            a, params.input1_offset, params.left_shift,
            params.input1_multiplier, params.input1_shift);
        const int32_t b_scaled = RescaleToCommonScale(
            b, params.input2_offset, params.left_shift,
            params.input2_multiplier, params.input2_shift);
        return static_cast<T>(
            QuantizedAddSubOutput(params, Combine()(a_scaled, b_scaled)));
      });
}

// int16 with power-of-two scales and zero points 0: one input (or none) is
// at a finer scale than the output and is rounded down to it by
// input{1,2}_shift (<= 0) bits; the combined value is clamped to the
// activation range (which lies within int16).
template <typename Combine>
inline void PowerOfTwoAddSub(const ArithmeticParams& params,
                             const RuntimeShape& input1_shape,
                             const int16_t* input1_data,
                             const RuntimeShape& input2_shape,
                             const int16_t* input2_data,
                             const RuntimeShape& output_shape,
                             int16_t* output_data) {
  BroadcastBinary(
      input1_shape, input1_data, input2_shape, input2_data, output_shape,
      output_data, [&params](int16_t a, int16_t b) {
        const int32_t a_scaled = fixed_point::RoundingDivideByPOT<int32_t>(
            a, -params.input1_shift);
        const int32_t b_scaled = fixed_point::RoundingDivideByPOT<int32_t>(
            b, -params.input2_shift);
        return static_cast<int16_t>(ClampToQuantizedActivationRange(
            Combine()(a_scaled, b_scaled), params));
      });
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_ADD_SUB_H_
