#include "tensorflow/lite/kernels/internal/optimized/elementwise.h"

#include <cstring>

#include "tensorflow/lite/kernels/internal/reference/activations.h"

namespace tflite {
namespace optimized_ops {

void HalfToFloat(const uint16_t* input, int size, float* output) {
  // Every case computed, then selected without branches (vectorizable):
  // subnormals and zeros (exponent 0) as mantissa * 2^-24, which float
  // holds exactly; infinities and NaNs (exponent 31) keep their payload;
  // normal numbers rebias the exponent from 15 to 127.
  for (int i = 0; i < size; ++i) {
    const uint32_t half = input[i];
    const uint32_t sign = (half & 0x8000u) << 16;
    const uint32_t exponent = (half >> 10) & 0x1Fu;
    const uint32_t mantissa = half & 0x3FFu;
    const float small =
        static_cast<float>(static_cast<int32_t>(mantissa)) * (1.0f / 16777216.0f);
    uint32_t small_bits;
    std::memcpy(&small_bits, &small, sizeof(small_bits));
    const uint32_t normal_bits = ((exponent + 112u) << 23) | (mantissa << 13);
    const uint32_t special_bits = 0x7F800000u | (mantissa << 13);
    const uint32_t bits =
        sign | (exponent == 0u ? small_bits
                               : (exponent == 31u ? special_bits : normal_bits));
    std::memcpy(&output[i], &bits, sizeof(bits));
  }
}

void ReluX(float lower, float upper, const float* input, int size,
           float* output) {
  reference_ops::ReluX(lower, upper, input, size, output);
}

}  // namespace optimized_ops
}  // namespace tflite
