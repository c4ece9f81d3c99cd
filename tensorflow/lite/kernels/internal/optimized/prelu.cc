#include "tensorflow/lite/kernels/internal/optimized/prelu.h"

#include "tensorflow/lite/kernels/internal/reference/activations.h"

namespace tflite {
namespace optimized_ops {

bool PreluAlphaRepeats(const int32_t* input_dims, int input_rank,
                       const int32_t* alpha_dims, int alpha_rank,
                       int* alpha_size) {
  if (alpha_rank > input_rank) return false;
  bool leading_ones = true;
  int size = 1;
  for (int i = 0; i < alpha_rank; ++i) {
    const int32_t a = alpha_dims[i];
    const int32_t x = input_dims[input_rank - alpha_rank + i];
    if (leading_ones && a == 1) continue;
    leading_ones = false;
    if (a != x) return false;
    size *= a;
  }
  *alpha_size = size;
  return true;
}

void PreluRepeating(const float* input, int size, const float* alpha,
                    int alpha_size, float* output) {
  if (alpha_size == 1) {
    const float a = alpha[0];
    for (int i = 0; i < size; ++i) {
      output[i] = reference_ops::Prelu(input[i], a);
    }
    return;
  }
  for (int row = 0; row < size; row += alpha_size) {
    const float* in = input + row;
    float* out = output + row;
    for (int c = 0; c < alpha_size; ++c) {
      out[c] = reference_ops::Prelu(in[c], alpha[c]);
    }
  }
}

void PreluRepeating(const PreluParams& params, const int8_t* input, int size,
                    const int8_t* alpha, int alpha_size, int8_t* output) {
  // Non-negative x = input - zero point: the result depends on the input
  // alone, a table of the 256 values (alpha unused there).
  int8_t positive[256];
  for (int v = -128; v < 128; ++v) {
    positive[v + 128] = reference_ops::QuantizedPrelu<int8_t>(
        params, static_cast<int8_t>(v), 0);
  }
  for (int row = 0; row < size; row += alpha_size) {
    const int8_t* in = input + row;
    int8_t* out = output + row;
    for (int c = 0; c < alpha_size; ++c) {
      const int32_t x = params.input_offset + static_cast<int32_t>(in[c]);
      out[c] = x >= 0 ? positive[in[c] + 128]
                      : reference_ops::QuantizedPrelu(params, in[c], alpha[c]);
    }
  }
}

}  // namespace optimized_ops
}  // namespace tflite
