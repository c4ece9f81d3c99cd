// TFLite's reference/add.h for float, int32 and int64: reference_ops::Add
// (reference/add_sub.h) already broadcasts and applies the fused
// activation's clamp, so the broadcasting entry points are the same
// function. Quantized (int8/int16) ADD is not mapped here: this runtime's
// quantized arithmetic is reference_ops::QuantizedAddSub.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_ADD_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_ADD_H_

#include <cstdint>
#include <type_traits>
#include <utility>

#include "tensorflow/lite/kernels/internal/reference/add_sub.h"

namespace tflite {
namespace reference_ops {

// (params, input1_shape, input1, input2_shape, input2, output_shape, output)
template <typename T, typename... Rest>
inline void BroadcastAdd4DSlow(const ArithmeticParams& params,
                               const RuntimeShape& input1_shape,
                               const T* input1_data, Rest&&... rest) {
  static_assert(std::is_same<T, float>::value ||
                    std::is_same<T, int32_t>::value ||
                    std::is_same<T, int64_t>::value,
                "quantized ADD: use QuantizedAddSub");
  Add(params, input1_shape, input1_data, std::forward<Rest>(rest)...);
}
template <typename... Args>
inline void BroadcastAdd6DSlow(Args&&... args) {
  BroadcastAdd4DSlow(std::forward<Args>(args)...);
}

}  // namespace reference_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_REFERENCE_ADD_H_
