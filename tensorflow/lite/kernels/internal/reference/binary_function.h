// reference_ops' element-wise binary functions over a plain function
// pointer, forwarding to this runtime's broadcasting loop.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_BINARY_FUNCTION_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_BINARY_FUNCTION_H_

#include "tensorflow/lite/kernels/internal/reference/broadcast_elementwise.h"
#include "tensorflow/lite/kernels/internal/runtime_shape.h"

namespace tflite {
namespace reference_ops {

// output = func(input1, input2), broadcasting inputs of up to rank 4 (any
// rank works here).
template <typename T1, typename T2, typename R>
inline void BroadcastBinaryFunction4DSlow(
    const RuntimeShape& unextended_input1_shape, const T1* input1_data,
    const RuntimeShape& unextended_input2_shape, const T2* input2_data,
    const RuntimeShape& unextended_output_shape, R* output_data,
    R (*func)(T1, T2)) {
  BroadcastBinary(unextended_input1_shape, input1_data,
                  unextended_input2_shape, input2_data,
                  unextended_output_shape, output_data, func);
}

// The same for inputs of the output's shape.
template <typename T1, typename T2, typename R>
inline void BinaryFunction(const RuntimeShape& input1_shape,
                           const T1* input1_data,
                           const RuntimeShape& input2_shape,
                           const T2* input2_data,
                           const RuntimeShape& output_shape, R* output_data,
                           R (*func)(T1, T2)) {
  BroadcastBinary(input1_shape, input1_data, input2_shape, input2_data,
                  output_shape, output_data, func);
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_BINARY_FUNCTION_H_
