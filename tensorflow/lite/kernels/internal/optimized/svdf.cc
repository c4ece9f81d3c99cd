#include "tensorflow/lite/kernels/internal/optimized/svdf.h"

#include <cstring>

#include <type_traits>

#include "tensorflow/lite/kernels/internal/optimized/cortex_m_dsp.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_mve.h"
#include "tensorflow/lite/kernels/internal/optimized/simd.h"

namespace tflite {
namespace optimized_ops {
namespace {

using reference_ops::SvdfQuantizedParams;
using reference_ops::SvdfShape;

// The two sums of an SVDF step, per instruction set. Each writes, per row r
// of `a` (rows of `n` values, `a_stride` apart) and the matching row of `b`,
// sum(a * (b - zero_point)) as a wrapping int32 into out[r]:
//   FeatureSums: a = feature weights (one row per filter), b = the input row
//                (the same for every filter: b_stride 0);
//   TimeSums:    a = time weights (row r % filters), b = state row r.
// Every product of two int16 values fits int32 (at most 2^30 in magnitude),
// and int32 sums wrap, so any summation order gives the reference's value.

template <typename A, typename B>
void SumsGeneric(const A* a, int a_rows, const B* b, int b_stride, int rows,
                 int n, int32_t zero_point, int32_t* out) {
  for (int r = 0; r < rows; ++r) {
    const A* x = a + static_cast<size_t>(r % a_rows) * n;
    const B* y = b + static_cast<size_t>(r) * b_stride;
    uint32_t xy = 0;
    uint32_t x_sum = 0;
    for (int i = 0; i < n; ++i) {
      xy += static_cast<uint32_t>(static_cast<int32_t>(x[i]) * y[i]);
      x_sum += static_cast<uint32_t>(x[i]);
    }
    out[r] = static_cast<int32_t>(xy - static_cast<uint32_t>(zero_point) * x_sum);
  }
}

#if TFLITE_OPTIMIZED_X86

// 16 values widened to int16 lanes.
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE __m256i Load16Avx2(const int8_t* p) {
  return _mm256_cvtepi8_epi16(
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
}
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE __m256i Load16Avx2(const int16_t* p) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}

template <typename A, typename B>
TFLITE_TARGET_AVX2 void SumsAvx2(const A* a, int a_rows, const B* b,
                                 int b_stride, int rows, int n,
                                 int32_t zero_point, int32_t* out) {
  const __m256i ones = _mm256_set1_epi16(1);
  for (int r = 0; r < rows; ++r) {
    const A* x = a + static_cast<size_t>(r % a_rows) * n;
    const B* y = b + static_cast<size_t>(r) * b_stride;
    __m256i xy = _mm256_setzero_si256();
    __m256i x_sum = _mm256_setzero_si256();
    int i = 0;
    for (; i + 16 <= n; i += 16) {
      const __m256i x16 = Load16Avx2(x + i);
      xy = _mm256_add_epi32(xy, _mm256_madd_epi16(x16, Load16Avx2(y + i)));
      x_sum = _mm256_add_epi32(x_sum, _mm256_madd_epi16(x16, ones));
    }
    uint32_t total = ReduceAddWrapping256(xy);
    uint32_t total_x = ReduceAddWrapping256(x_sum);
    for (; i < n; ++i) {
      total += static_cast<uint32_t>(static_cast<int32_t>(x[i]) * y[i]);
      total_x += static_cast<uint32_t>(x[i]);
    }
    out[r] =
        static_cast<int32_t>(total - static_cast<uint32_t>(zero_point) * total_x);
  }
}

// Up to 32 values (the first `count`) widened to int16 lanes, zeros beyond.
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE __m512i Load32Avx512(const int8_t* p,
                                                              __mmask32 mask) {
  return _mm512_cvtepi8_epi16(_mm256_maskz_loadu_epi8(mask, p));
}
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE __m512i
Load32Avx512(const int16_t* p, __mmask32 mask) {
  return _mm512_maskz_loadu_epi16(mask, p);
}

template <typename A, typename B>
TFLITE_TARGET_AVX512 void SumsAvx512(const A* a, int a_rows, const B* b,
                                     int b_stride, int rows, int n,
                                     int32_t zero_point, int32_t* out) {
  const __m512i ones = _mm512_set1_epi16(1);
  const int tail = n % 32;
  const __mmask32 tail_mask =
      tail == 0 ? 0 : static_cast<__mmask32>((1u << tail) - 1);
  for (int r = 0; r < rows; ++r) {
    const A* x = a + static_cast<size_t>(r % a_rows) * n;
    const B* y = b + static_cast<size_t>(r) * b_stride;
    __m512i xy = _mm512_setzero_si512();
    __m512i x_sum = _mm512_setzero_si512();
    int i = 0;
    for (; i + 32 <= n; i += 32) {
      const __m512i x16 = Load32Avx512(x + i, ~static_cast<__mmask32>(0));
      xy = _mm512_add_epi32(
          xy, _mm512_madd_epi16(x16,
                                Load32Avx512(y + i, ~static_cast<__mmask32>(0))));
      x_sum = _mm512_add_epi32(x_sum, _mm512_madd_epi16(x16, ones));
    }
    if (tail != 0) {
      const __m512i x16 = Load32Avx512(x + i, tail_mask);
      xy = _mm512_add_epi32(
          xy, _mm512_madd_epi16(x16, Load32Avx512(y + i, tail_mask)));
      x_sum = _mm512_add_epi32(x_sum, _mm512_madd_epi16(x16, ones));
    }
    const uint32_t total = ReduceAddWrapping512(xy);
    const uint32_t total_x =
        ReduceAddWrapping512(x_sum);
    out[r] =
        static_cast<int32_t>(total - static_cast<uint32_t>(zero_point) * total_x);
  }
}

#endif  // TFLITE_OPTIMIZED_X86

template <typename A, typename B>
void Sums(Isa isa, const A* a, int a_rows, const B* b, int b_stride, int rows,
          int n, int32_t zero_point, int32_t* out) {
#if TFLITE_OPTIMIZED_ARM_DSP || TFLITE_OPTIMIZED_ARM_MVE
  // Same-type rows (int8 features and state, int16 time weights and
  // state): the core's multiply-accumulates.
  if constexpr (std::is_same<A, B>::value) {
#if TFLITE_OPTIMIZED_ARM_MVE
    cortex_m::SvdfSumsMve(a, a_rows, b, b_stride, rows, n, zero_point, out);
#else
    cortex_m::SvdfSumsDsp(a, a_rows, b, b_stride, rows, n, zero_point, out);
#endif
    return;
  }
#endif
  switch (isa) {
#if TFLITE_OPTIMIZED_X86
    case Isa::kAvx512Vnni:
      SumsAvx512(a, a_rows, b, b_stride, rows, n, zero_point, out);
      return;
    case Isa::kAvx2:
      SumsAvx2(a, a_rows, b, b_stride, rows, n, zero_point, out);
      return;
#endif
    default:
      SumsGeneric(a, a_rows, b, b_stride, rows, n, zero_point, out);
  }
}

}  // namespace
}  // namespace optimized_ops

namespace optimized_integer_ops {

template <typename StateT>
void SvdfInteger(const reference_ops::SvdfShape& shape,
                 const reference_ops::SvdfQuantizedParams& params,
                 const int8_t* input, const int8_t* weights_feature,
                 const StateT* weights_time, const int32_t* bias,
                 StateT* state, int32_t* scratch, int8_t* output,
                 optimized_ops::Isa isa) {
  const int filters = shape.num_filters;
  const int rows = shape.batches * filters;
  const int memory = shape.memory_size;
  const size_t state_size = static_cast<size_t>(rows) * memory;
  if (state_size == 0) return;
  // Dropping every row's oldest entry is one shift of the whole buffer: each
  // row's last slot receives the next row's oldest entry, which the feature
  // sums overwrite.
  std::memmove(state, state + 1, (state_size - 1) * sizeof(StateT));
  // The feature sums go through `scratch` (free until the time sums).
  for (int b = 0; b < shape.batches; ++b) {
    // sum(w * (x - zero_point)) = sum over w * x, minus zero_point * sum(w).
    optimized_ops::Sums(isa, weights_feature, filters,
                        input + static_cast<size_t>(b) * shape.input_size, 0,
                        filters, shape.input_size, params.input_zero_point,
                        scratch + static_cast<size_t>(b) * filters);
  }
  for (int r = 0; r < rows; ++r) {
    state[static_cast<size_t>(r) * memory + memory - 1] =
        reference_ops::SvdfStateValue<StateT>(scratch[r], params);
  }
  optimized_ops::Sums(isa, weights_time, filters, state, memory, rows, memory,
                      params.state_zero_point, scratch);
  reference_ops::SvdfIntegerOutput(shape, params, bias, scratch, output);
}

template void SvdfInteger<int16_t>(const reference_ops::SvdfShape&,
                                   const reference_ops::SvdfQuantizedParams&,
                                   const int8_t*, const int8_t*,
                                   const int16_t*, const int32_t*, int16_t*,
                                   int32_t*, int8_t*, optimized_ops::Isa);
template void SvdfInteger<int8_t>(const reference_ops::SvdfShape&,
                                  const reference_ops::SvdfQuantizedParams&,
                                  const int8_t*, const int8_t*, const int8_t*,
                                  const int32_t*, int8_t*, int32_t*, int8_t*,
                                  optimized_ops::Isa);

}  // namespace optimized_integer_ops
}  // namespace tflite
