// Optimized element-wise loops of float kernels, compiled where the
// compiler vectorizes them (see BUILD), computing exactly what the
// reference loops compute: DEQUANTIZE from float16 (HalfToFloat of
// quantization_util.h on every element) and float RELU / RELU6 /
// RELU_N1_TO_1 (reference_ops::ReluX). Portable C++, no heap.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_ELEMENTWISE_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_ELEMENTWISE_H_

#include <cstdint>

namespace tflite {
namespace optimized_ops {

void HalfToFloat(const uint16_t* input, int size, float* output);

void ReluX(float lower, float upper, const float* input, int size,
           float* output);

}  // namespace optimized_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_ELEMENTWISE_H_
