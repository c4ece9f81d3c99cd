// TFLite's reference/integer_ops/add.h: int8 ADD under TFLM's names. Every
// entry point is this runtime's quantized ADD (reference_ops::QuantizedAddSub
// with the same ArithmeticParams: offsets, left_shift, input and output
// multipliers, activation range), which broadcasts any shapes, so the
// element-wise, 4-D and 6-D broadcasting variants share one loop.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_ADD_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_ADD_H_

#include <cstdint>
#include <functional>
#include <utility>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/compatibility.h"
#include "tensorflow/lite/kernels/internal/reference/add_sub.h"
#include "tensorflow/lite/kernels/internal/reference/broadcast_elementwise.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace reference_integer_ops {

// Debug-build checks of an int8 ADD's parameters.
inline void CheckArithmeticParams(const ArithmeticParams& params) {
  (void)params;  // unused without TFLITE_DCHECK
  TFLITE_DCHECK_LE(params.quantized_activation_min,
                   params.quantized_activation_max);
  TFLITE_DCHECK_GE(params.input1_offset, -127);
  TFLITE_DCHECK_LE(params.input1_offset, 128);
  TFLITE_DCHECK_GE(params.input2_offset, -127);
  TFLITE_DCHECK_LE(params.input2_offset, 128);
}

// One output element: both inputs on the common scale, summed, taken to the
// output's scale, zero point and activation range.
inline int8_t AddFunc(int8_t x, int8_t y, const ArithmeticParams& params) {
  const int32_t a = RescaleToCommonScale(x, params.input1_offset,
                                         params.left_shift,
                                         params.input1_multiplier,
                                         params.input1_shift);
  const int32_t b = RescaleToCommonScale(y, params.input2_offset,
                                         params.left_shift,
                                         params.input2_multiplier,
                                         params.input2_shift);
  return static_cast<int8_t>(
      reference_ops::QuantizedAddSubOutput(params, a + b));
}

// output[i] = binary_func(input1[i], input2[i], params) for i < size.
template <typename T>
void ElementWise(int size, const ArithmeticParams& params,
                 const T* input1_data, const T* input2_data, T* output_data,
                 void (*check_arithmetic_params)(const ArithmeticParams&),
                 T (*binary_func)(T, T, const ArithmeticParams&)) {
  check_arithmetic_params(params);
  for (int i = 0; i < size; ++i) {
    output_data[i] = binary_func(input1_data[i], input2_data[i], params);
  }
}

// The same with broadcasting (inputs of rank up to 6; any rank works here).
template <typename T>
void BroadcastBinaryFunction6DSlow(
    const ArithmeticParams& params, const RuntimeShape& input1_shape,
    const T* input1_data, const RuntimeShape& input2_shape,
    const T* input2_data, const RuntimeShape& output_shape, T* output_data,
    void (*check_arithmetic_params)(const ArithmeticParams&),
    T (*binary_func)(T, T, const ArithmeticParams&)) {
  check_arithmetic_params(params);
  reference_ops::BroadcastBinary(
      input1_shape, input1_data, input2_shape, input2_data, output_shape,
      output_data,
      [&params, binary_func](T a, T b) { return binary_func(a, b, params); });
}

template <typename T>
void BroadcastBinaryFunction4DSlow(
    const ArithmeticParams& params, const RuntimeShape& input1_shape,
    const T* input1_data, const RuntimeShape& input2_shape,
    const T* input2_data, const RuntimeShape& output_shape, T* output_data,
    void (*check_arithmetic_params)(const ArithmeticParams&),
    T (*binary_func)(T, T, const ArithmeticParams&)) {
  BroadcastBinaryFunction6DSlow(params, input1_shape, input1_data,
                                input2_shape, input2_data, output_shape,
                                output_data, check_arithmetic_params,
                                binary_func);
}

inline void AddElementwise(int size, const ArithmeticParams& params,
                           const int8_t* input1_data,
                           const int8_t* input2_data, int8_t* output_data) {
  ElementWise(size, params, input1_data, input2_data, output_data,
              CheckArithmeticParams, AddFunc);
}

// (params, input1_shape, input1, input2_shape, input2, output_shape, output)
inline void Add(const ArithmeticParams& params,
                const RuntimeShape& input1_shape, const int8_t* input1_data,
                const RuntimeShape& input2_shape, const int8_t* input2_data,
                const RuntimeShape& output_shape, int8_t* output_data) {
  CheckArithmeticParams(params);
  reference_ops::QuantizedAddSub<int8_t, std::plus<int32_t>>(
      params, input1_shape, input1_data, input2_shape, input2_data,
      output_shape, output_data);
}

// The broadcasting entry points: Add already broadcasts.
// (params, input1_shape, input1, input2_shape, input2, output_shape, output)
template <typename... Args>
inline void BroadcastAdd4DSlow(Args&&... args) {
  Add(std::forward<Args>(args)...);
}
template <typename... Args>
inline void BroadcastAdd6DSlow(Args&&... args) {
  Add(std::forward<Args>(args)...);
}

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_ADD_H_
