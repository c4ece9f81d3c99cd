// TFLite's reference/integer_ops/mul.h: reference_integer_ops::Mul lives in
// reference/mul.h and broadcasts any operand shapes, so the *Slow
// broadcasting entry points TFLite kernels call are the same function.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_MUL_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_MUL_H_

#include <utility>

#include "tensorflow/lite/kernels/internal/reference/mul.h"

namespace tflite {
namespace reference_integer_ops {

// (params, input1_shape, input1, input2_shape, input2, output_shape, output)
template <typename... Args>
inline void BroadcastMul4DSlow(Args&&... args) {
  Mul(std::forward<Args>(args)...);
}
template <typename... Args>
inline void BroadcastMul6DSlow(Args&&... args) {
  Mul(std::forward<Args>(args)...);
}

}  // namespace reference_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_INTEGER_OPS_MUL_H_
