// Optimized PRELU for an alpha that repeats along the input: element i uses
// alpha[i % alpha_size] (alpha_size divides size), which covers a per-channel
// alpha ([C] or [1, 1, C] against NHWC), a scalar alpha and an alpha of the
// input's shape. The same output as reference_ops::Prelu and
// reference_ops::QuantizedPrelu (reference/activations.h), element for
// element. Portable C++, no heap.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_PRELU_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_PRELU_H_

#include <cstdint>

#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace optimized_ops {

void PreluRepeating(const float* input, int size, const float* alpha,
                    int alpha_size, float* output);

void PreluRepeating(const PreluParams& params, const int8_t* input, int size,
                    const int8_t* alpha, int alpha_size, int8_t* output);

// Whether alpha_dims broadcast against input_dims as a repeating alpha: its
// dimensions (aligned at the right) are 1 up to some point and equal to the
// input's from there on. Sets *alpha_size to alpha's element count.
bool PreluAlphaRepeats(const int32_t* input_dims, int input_rank,
                       const int32_t* alpha_dims, int alpha_rank,
                       int* alpha_size);

}  // namespace optimized_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_PRELU_H_
