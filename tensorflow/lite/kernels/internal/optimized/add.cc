#include "tensorflow/lite/kernels/internal/optimized/add.h"

#include "tensorflow/lite/kernels/internal/optimized/cortex_m_mve.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_scalar.h"
#include "tensorflow/lite/kernels/internal/optimized/simd.h"
#include "tensorflow/lite/kernels/internal/reference/add_sub.h"

namespace tflite {
namespace optimized_integer_ops {
namespace {

using optimized_ops::Isa;

#if !TFLITE_OPTIMIZED_CORTEX_M
int8_t AddOne(const ArithmeticParams& p, int8_t a, int8_t b) {
  const int32_t a_scaled = RescaleToCommonScale(
      a, p.input1_offset, p.left_shift, p.input1_multiplier, p.input1_shift);
  const int32_t b_scaled = RescaleToCommonScale(
      b, p.input2_offset, p.left_shift, p.input2_multiplier, p.input2_shift);
  return static_cast<int8_t>(
      reference_ops::QuantizedAddSubOutput(p, a_scaled + b_scaled));
}
#endif

#if TFLITE_OPTIMIZED_X86
// 16 elements at a time; returns how many were done.
TFLITE_TARGET_AVX512 int AddAvx512(const ArithmeticParams& p, int size,
                                   const int8_t* a, const int8_t* b,
                                   int8_t* out) {
  const __m512i offset1 = _mm512_set1_epi32(p.input1_offset);
  const __m512i offset2 = _mm512_set1_epi32(p.input2_offset);
  const __m512i mult1 = _mm512_set1_epi32(p.input1_multiplier);
  const __m512i mult2 = _mm512_set1_epi32(p.input2_multiplier);
  const __m512i shift1 = _mm512_set1_epi32(p.input1_shift);
  const __m512i shift2 = _mm512_set1_epi32(p.input2_shift);
  const __m512i out_mult = _mm512_set1_epi32(p.output_multiplier);
  const __m512i out_shift = _mm512_set1_epi32(p.output_shift);
  const __m512i out_offset = _mm512_set1_epi32(p.output_offset);
  const __m512i act_min = _mm512_set1_epi32(p.quantized_activation_min);
  const __m512i act_max = _mm512_set1_epi32(p.quantized_activation_max);
  const __m512i left = _mm512_set1_epi32(p.left_shift);
  for (int i = 0; i < size; i += 16) {
    const int n = size - i < 16 ? size - i : 16;
    const __mmask16 mask = static_cast<__mmask16>((1u << n) - 1);
    const __m512i x = _mm512_sllv_epi32(
        _mm512_add_epi32(
            _mm512_cvtepi8_epi32(_mm_maskz_loadu_epi8(mask, a + i)), offset1),
        left);
    const __m512i y = _mm512_sllv_epi32(
        _mm512_add_epi32(
            _mm512_cvtepi8_epi32(_mm_maskz_loadu_epi8(mask, b + i)), offset2),
        left);
    const __m512i sum =
        _mm512_add_epi32(optimized_ops::Requantize16(x, mult1, shift1),
                         optimized_ops::Requantize16(y, mult2, shift2));
    optimized_ops::RequantizeStore16(sum, out_mult, out_shift, out_offset,
                                     act_min, act_max, n, out + i);
  }
  return size;
}
#endif

}  // namespace

void AddElementwise(const ArithmeticParams& params, int size,
                    const int8_t* input1, const int8_t* input2,
                    int8_t* output, Isa isa) {
  (void)isa;  // Only the x86 paths choose by it.
#if TFLITE_OPTIMIZED_ARM_MVE
  optimized_ops::cortex_m::AddInt8Mve(params, size, input1, input2, output);
#elif TFLITE_OPTIMIZED_CORTEX_M
  optimized_ops::cortex_m::AddInt8Scalar(params, size, input1, input2,
                                         output);
#else
  int done = 0;
#if TFLITE_OPTIMIZED_X86
  const int32_t shifts[3] = {params.input1_shift, params.input2_shift,
                             params.output_shift};
  if (isa == Isa::kAvx512Vnni && params.left_shift >= 0 &&
      params.left_shift <= 24 &&
      optimized_ops::ShiftsFitVectorRequantize(shifts, 3)) {
    done = AddAvx512(params, size, input1, input2, output);
  }
#endif
  for (int i = done; i < size; ++i) {
    output[i] = AddOne(params, input1[i], input2[i]);
  }
#endif
}

}  // namespace optimized_integer_ops
}  // namespace tflite
