// Optimized quantized ADD of two same-shape int8 tensors, computing exactly
// what reference_ops::QuantizedAddSub (reference/add_sub.h) computes per
// element for ADD.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_ADD_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_ADD_H_

#include <cstdint>

#include "tensorflow/lite/kernels/internal/optimized/cpu.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace optimized_integer_ops {

void AddElementwise(const ArithmeticParams& params, int size,
                    const int8_t* input1, const int8_t* input2,
                    int8_t* output,
                    optimized_ops::Isa isa = optimized_ops::ActiveIsa());

}  // namespace optimized_integer_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_ADD_H_
