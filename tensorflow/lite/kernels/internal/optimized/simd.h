// Helpers shared by the optimized kernels' source files (not a public
// header): target attributes for the run-time dispatched code paths and the
// vectorized requantization of int32 accumulators.
//
// Requantization reproduces MultiplyByQuantizedMultiplier (common.h) exactly,
// lane by lane: x * 2^left, then the saturating rounding doubling high
// multiply, then a rounding divide by 2^right. With a multiplier in
// [0, 2^31) the doubling high multiply never saturates and its
// round-half-away-from-zero division by 2^31 equals floor((a * b + 2^30) /
// 2^31), which SIMD code computes on 64-bit lanes.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_SIMD_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_SIMD_H_

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/optimized/cpu.h"

#if TFLITE_OPTIMIZED_X86
#include <immintrin.h>
#define TFLITE_TARGET_AVX2 __attribute__((target("avx2,fma")))
// GCC auto-vectorizes AVX-512 functions with 256-bit vectors unless told
// otherwise; clang has no such target option (and drops the whole attribute
// on an unknown one).
#if defined(__clang__)
#define TFLITE_AVX512_VECTOR_WIDTH ""
#else
#define TFLITE_AVX512_VECTOR_WIDTH ",prefer-vector-width=512"
#endif
#define TFLITE_TARGET_AVX512                                              \
  __attribute__((target(                                                  \
      "avx2,fma,avx512f,avx512bw,avx512vl,avx512dq,avx512vnni"            \
      TFLITE_AVX512_VECTOR_WIDTH)))
#endif

#define TFLITE_ALWAYS_INLINE inline __attribute__((always_inline))

namespace tflite {
namespace optimized_ops {

#if TFLITE_OPTIMIZED_X86
// Sums of the int32 lanes, wrapping (in vector registers: the compilers'
// _mm512_reduce_add_epi32 adds in C ints, which overflow is undefined).
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE uint32_t
ReduceAddWrapping256(__m256i v) {
  __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v),
                            _mm256_extracti128_si256(v, 1));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4e));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xb1));
  return static_cast<uint32_t>(_mm_cvtsi128_si32(s));
}

TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE uint32_t
ReduceAddWrapping512(__m512i v) {
  return ReduceAddWrapping256(_mm256_add_epi32(
      _mm512_castsi512_si256(v), _mm512_extracti64x4_epi64(v, 1)));
}
#endif  // TFLITE_OPTIMIZED_X86

inline int RoundUp(int value, int multiple) {
  return (value + multiple - 1) / multiple * multiple;
}

// The filter taps k in [*lo, *hi) whose input position origin + k * dilation
// lies in [0, size) (empty when *lo >= *hi).
inline void ValidTaps(int origin, int dilation, int filter, int size, int* lo,
                      int* hi) {
  if (dilation == 1) {
    *lo = std::max(0, -origin);
    *hi = std::min(filter, size - origin);
    return;
  }
  *lo = origin >= 0 ? 0 : (-origin + dilation - 1) / dilation;
  *hi = size - origin <= 0
            ? 0
            : std::min(filter, (size - origin + dilation - 1) / dilation);
}

// Whether every shift can be applied by the vector requantization (the
// rounding shift right at most 31, the left shift at most 30); others take
// the scalar path.
inline bool ShiftsFitVectorRequantize(const int32_t* shift, int count) {
  for (int i = 0; i < count; ++i) {
    if (shift[i] > 30 || shift[i] < -31) return false;
  }
  return true;
}

// The quantized output of one accumulator (scalar, exactly as the reference
// kernels compute it).
TFLITE_ALWAYS_INLINE int32_t RequantizeScalar(int32_t acc, int32_t multiplier,
                                              int32_t shift, int32_t offset,
                                              int32_t act_min,
                                              int32_t act_max) {
  int32_t v = SaturatingAddInt32(
      MultiplyByQuantizedMultiplier(acc, multiplier, shift), offset);
  v = std::max(v, act_min);
  return std::min(v, act_max);
}

#if TFLITE_OPTIMIZED_X86

// 16 lanes of MultiplyByQuantizedMultiplier(acc, multiplier, shift).
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE __m512i
Requantize16(__m512i acc, __m512i multiplier, __m512i shift) {
  const __m512i zero = _mm512_setzero_si512();
  const __m512i one = _mm512_set1_epi32(1);
  const __m512i left = _mm512_max_epi32(shift, zero);
  const __m512i right = _mm512_max_epi32(_mm512_sub_epi32(zero, shift), zero);
  const __m512i x = _mm512_sllv_epi32(acc, left);
  const __m512i nudge = _mm512_set1_epi64(static_cast<int64_t>(1) << 30);
  __m512i even = _mm512_mul_epi32(x, multiplier);
  __m512i odd = _mm512_mul_epi32(_mm512_srli_epi64(x, 32),
                                 _mm512_srli_epi64(multiplier, 32));
  even = _mm512_srli_epi64(_mm512_add_epi64(even, nudge), 31);
  odd = _mm512_slli_epi64(
      _mm512_srli_epi64(_mm512_add_epi64(odd, nudge), 31), 32);
  const __m512i high = _mm512_mask_blend_epi32(0xAAAA, even, odd);
  const __m512i mask = _mm512_sub_epi32(_mm512_sllv_epi32(one, right), one);
  const __m512i remainder = _mm512_and_si512(high, mask);
  const __m512i threshold = _mm512_add_epi32(_mm512_srli_epi32(mask, 1),
                                             _mm512_srli_epi32(high, 31));
  const __m512i shifted = _mm512_srav_epi32(high, right);
  const __mmask16 round_up = _mm512_cmpgt_epi32_mask(remainder, threshold);
  return _mm512_mask_add_epi32(shifted, round_up, shifted, one);
}

// Requantizes 16 accumulators and stores `count` (<= 16) int8 results.
// Clamping to [act_min - offset, act_max - offset] before adding the offset
// equals the reference's saturating add then clamp, without a saturating
// 32-bit add (AVX-512 has none).
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void RequantizeStore16(
    __m512i acc, __m512i multiplier, __m512i shift, __m512i offset,
    __m512i act_min, __m512i act_max, int count, int8_t* out) {
  __m512i v = Requantize16(acc, multiplier, shift);
  v = _mm512_min_epi32(_mm512_max_epi32(v, _mm512_sub_epi32(act_min, offset)),
                       _mm512_sub_epi32(act_max, offset));
  v = _mm512_add_epi32(v, offset);
  const __m128i bytes = _mm512_cvtepi32_epi8(v);
  if (count >= 16) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), bytes);
  } else {
    _mm_mask_storeu_epi8(out, static_cast<__mmask16>((1u << count) - 1),
                         bytes);
  }
}

// 8 lanes of MultiplyByQuantizedMultiplier(acc, multiplier, shift).
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE __m256i
Requantize8(__m256i acc, __m256i multiplier, __m256i shift) {
  const __m256i zero = _mm256_setzero_si256();
  const __m256i one = _mm256_set1_epi32(1);
  const __m256i left = _mm256_max_epi32(shift, zero);
  const __m256i right = _mm256_max_epi32(_mm256_sub_epi32(zero, shift), zero);
  const __m256i x = _mm256_sllv_epi32(acc, left);
  const __m256i nudge = _mm256_set1_epi64x(static_cast<int64_t>(1) << 30);
  __m256i even = _mm256_mul_epi32(x, multiplier);
  __m256i odd = _mm256_mul_epi32(_mm256_srli_epi64(x, 32),
                                 _mm256_srli_epi64(multiplier, 32));
  even = _mm256_srli_epi64(_mm256_add_epi64(even, nudge), 31);
  odd = _mm256_slli_epi64(
      _mm256_srli_epi64(_mm256_add_epi64(odd, nudge), 31), 32);
  const __m256i high = _mm256_blend_epi32(even, odd, 0xAA);
  const __m256i mask = _mm256_sub_epi32(_mm256_sllv_epi32(one, right), one);
  const __m256i remainder = _mm256_and_si256(high, mask);
  const __m256i threshold = _mm256_add_epi32(_mm256_srli_epi32(mask, 1),
                                             _mm256_srli_epi32(high, 31));
  const __m256i shifted = _mm256_srav_epi32(high, right);
  const __m256i round_up = _mm256_cmpgt_epi32(remainder, threshold);
  return _mm256_sub_epi32(shifted, round_up);
}

#endif  // TFLITE_OPTIMIZED_X86

// Requantizes `count` accumulators of consecutive channels to int8 with the
// best available instructions.
void RequantizeRow(Isa isa, const int32_t* acc, int count,
                   const int32_t* multiplier, const int32_t* shift,
                   int32_t offset, int32_t act_min, int32_t act_max,
                   int8_t* out);

}  // namespace optimized_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_SIMD_H_
