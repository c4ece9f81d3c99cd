#include "tensorflow/lite/kernels/internal/optimized/fully_connected.h"

#include <algorithm>

#include "tensorflow/lite/kernels/internal/optimized/cortex_m_common.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_dsp.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_mve.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_scalar.h"
#include "tensorflow/lite/kernels/internal/optimized/simd.h"
#include "tensorflow/lite/kernels/internal/reference/fully_connected.h"

namespace tflite {
namespace optimized_ops {
namespace {

struct FcSizes {
  int batches;
  int outputs;
  int depth;
};

FcSizes Sizes(const RuntimeShape& weights_shape,
              const RuntimeShape& output_shape) {
  const int rank = output_shape.DimensionsCount();
  FcSizes s;
  s.batches = FlatSizeSkipDim(output_shape, rank - 1);
  s.outputs = output_shape.Dims(rank - 1);
  s.depth = weights_shape.Dims(weights_shape.DimensionsCount() - 1);
  return s;
}

// -------------------------------------------------------------------- int8

#if !TFLITE_OPTIMIZED_CORTEX_M
// Sums over one row of weights (`w`) and one input row (`x`): sum(w * x),
// sum(w); wrapping.
struct DotSums {
  uint32_t wx;
  uint32_t w;
};

TFLITE_ALWAYS_INLINE DotSums DotGeneric(const int8_t* w, const int8_t* x,
                                        int depth) {
  int32_t wx = 0;
  int32_t ws = 0;
  // |w * x| <= 2^14: no int32 overflow for depth < 2^17; longer rows are
  // summed in pieces.
  DotSums sums = {0, 0};
  for (int d0 = 0; d0 < depth; d0 += 65536) {
    const int n = std::min(65536, depth - d0);
    wx = 0;
    ws = 0;
    for (int d = 0; d < n; ++d) {
      wx += static_cast<int32_t>(w[d0 + d]) * x[d0 + d];
      ws += w[d0 + d];
    }
    sums.wx += static_cast<uint32_t>(wx);
    sums.w += static_cast<uint32_t>(ws);
  }
  return sums;
}

TFLITE_ALWAYS_INLINE uint32_t SumGeneric(const int8_t* x, int depth) {
  uint32_t sum = 0;
  for (int d = 0; d < depth; ++d) sum += static_cast<uint32_t>(x[d]);
  return sum;
}

#endif  // !TFLITE_OPTIMIZED_CORTEX_M

struct Int8Fc {
  const int32_t* per_channel_multiplier;
  const int32_t* per_channel_shift;
  int32_t multiplier;
  int shift;
  int32_t input_offset;
  int32_t weights_offset;
  int32_t output_offset;
  int32_t act_min;
  int32_t act_max;
  bool litert_rescale;
};

#if !TFLITE_OPTIMIZED_CORTEX_M
// The output from the sums: sum((w + wo) * (x + xo)) = sum(w x) + xo sum(w)
// + wo sum(x) + depth wo xo, all mod 2^32 like the reference's int32.
TFLITE_ALWAYS_INLINE int8_t FinishInt8(const Int8Fc& p, DotSums sums,
                                       uint32_t x_sum, int depth,
                                       const int32_t* bias, int o) {
  const uint32_t xo = static_cast<uint32_t>(p.input_offset);
  const uint32_t wo = static_cast<uint32_t>(p.weights_offset);
  uint32_t acc = sums.wx + xo * sums.w + wo * x_sum +
                 static_cast<uint32_t>(depth) * wo * xo;
  if (bias != nullptr) acc += static_cast<uint32_t>(bias[o]);
  const int32_t multiplier = p.per_channel_multiplier != nullptr
                                 ? p.per_channel_multiplier[o]
                                 : p.multiplier;
  const int shift =
      p.per_channel_shift != nullptr ? p.per_channel_shift[o] : p.shift;
  int32_t scaled = reference_integer_ops::RescaleFullyConnected(
      static_cast<int32_t>(acc), multiplier, shift, p.litert_rescale);
  scaled = SaturatingAddInt32(scaled, p.output_offset);
  scaled = std::max(scaled, p.act_min);
  scaled = std::min(scaled, p.act_max);
  return static_cast<int8_t>(scaled);
}

TFLITE_ALWAYS_INLINE void FcInt8GenericBody(const Int8Fc& p, const FcSizes& s,
                                            const int8_t* input,
                                            const int8_t* weights,
                                            const int32_t* bias,
                                            int8_t* output) {
  for (int b = 0; b < s.batches; ++b) {
    const int8_t* x = input + static_cast<size_t>(b) * s.depth;
    const uint32_t x_sum = SumGeneric(x, s.depth);
    for (int o = 0; o < s.outputs; ++o) {
      const DotSums sums =
          DotGeneric(weights + static_cast<size_t>(o) * s.depth, x, s.depth);
      output[static_cast<size_t>(b) * s.outputs + o] =
          FinishInt8(p, sums, x_sum, s.depth, bias, o);
    }
  }
}

void FcInt8Generic(const Int8Fc& p, const FcSizes& s, const int8_t* input,
                   const int8_t* weights, const int32_t* bias,
                   int8_t* output) {
  FcInt8GenericBody(p, s, input, weights, bias, output);
}

#endif  // !TFLITE_OPTIMIZED_CORTEX_M

// -------------------------------------------------------------------- float

// With `raw`, the plain sum (FloatRowDots): no bias, no clamp.
TFLITE_ALWAYS_INLINE float FinishFloat(float total, const float* bias, int o,
                                       float lo, float hi, bool raw) {
  if (raw) return total;
  const float b = bias != nullptr ? bias[o] : 0.f;
  return ActivationFunctionWithMinMax(total + b, lo, hi);
}

// Outputs [o0, o1) of one batch row, each summed in order.
TFLITE_ALWAYS_INLINE void FcFloatScalar(const float* x, const float* weights,
                                        int depth, int o0, int o1,
                                        const float* bias, float lo, float hi,
                                        bool raw, float* out) {
  for (int o = o0; o < o1; ++o) {
    const float* w = weights + static_cast<size_t>(o) * depth;
    float total = 0.f;
    for (int d = 0; d < depth; ++d) {
      const float product = x[d] * w[d];
      total = total + product;
    }
    out[o] = FinishFloat(total, bias, o, lo, hi, raw);
  }
}

TFLITE_ALWAYS_INLINE void FcFloatGenericBody(const FcSizes& s, float lo,
                                             float hi, bool raw,
                                             const float* input,
                                             const float* weights,
                                             const float* bias,
                                             float* output) {
  constexpr int kLanes = 8;
  for (int b = 0; b < s.batches; ++b) {
    const float* x = input + static_cast<size_t>(b) * s.depth;
    float* out = output + static_cast<size_t>(b) * s.outputs;
    int o0 = 0;
    for (; o0 + kLanes <= s.outputs; o0 += kLanes) {
      float acc[kLanes] = {0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f};
      const float* w = weights + static_cast<size_t>(o0) * s.depth;
      for (int d = 0; d < s.depth; ++d) {
        for (int j = 0; j < kLanes; ++j) {
          const float product = x[d] * w[static_cast<size_t>(j) * s.depth + d];
          acc[j] = acc[j] + product;
        }
      }
      for (int j = 0; j < kLanes; ++j) {
        out[o0 + j] = FinishFloat(acc[j], bias, o0 + j, lo, hi, raw);
      }
    }
    FcFloatScalar(x, weights, s.depth, o0, s.outputs, bias, lo, hi, raw, out);
  }
}

void FcFloatGeneric(const FcSizes& s, float lo, float hi, bool raw,
                    const float* input,
                    const float* weights, const float* bias, float* output) {
  FcFloatGenericBody(s, lo, hi, raw, input, weights, bias, output);
}

#if TFLITE_OPTIMIZED_X86

TFLITE_TARGET_AVX2 void FcInt8Avx2(const Int8Fc& p, const FcSizes& s,
                                   const int8_t* input, const int8_t* weights,
                                   const int32_t* bias, int8_t* output) {
  FcInt8GenericBody(p, s, input, weights, bias, output);
}

// sum(u * w) and sum(w) of 64 bytes, u = x + 128.
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void VnniDot64(__m512i u, __m512i w,
                                                        __m512i ones,
                                                        __m512i* uw,
                                                        __m512i* ws) {
  *uw = _mm512_dpbusd_epi32(*uw, u, w);
  *ws = _mm512_dpbusd_epi32(*ws, ones, w);
}

TFLITE_TARGET_AVX512 void FcInt8Vnni(const Int8Fc& p, const FcSizes& s,
                                     const int8_t* input,
                                     const int8_t* weights,
                                     const int32_t* bias, int8_t* output) {
  const __m512i flip = _mm512_set1_epi8(static_cast<char>(0x80));
  const __m512i ones = _mm512_set1_epi8(1);
  const int depth = s.depth;
  const int tail = depth % 64;
  const __mmask64 tail_mask =
      tail == 0 ? 0 : (~static_cast<__mmask64>(0)) >> (64 - tail);
  const int full = depth - tail;
  for (int b = 0; b < s.batches; ++b) {
    const int8_t* x = input + static_cast<size_t>(b) * depth;
    const uint32_t x_sum = SumGeneric(x, depth);
    int8_t* out = output + static_cast<size_t>(b) * s.outputs;
    int o = 0;
    for (; o + 4 <= s.outputs; o += 4) {
      const int8_t* w = weights + static_cast<size_t>(o) * depth;
      __m512i uw[4], ws[4];
#pragma GCC unroll 4
      for (int r = 0; r < 4; ++r) {
        uw[r] = _mm512_setzero_si512();
        ws[r] = _mm512_setzero_si512();
      }
      for (int d = 0; d < full; d += 64) {
        const __m512i u = _mm512_xor_si512(_mm512_loadu_si512(x + d), flip);
#pragma GCC unroll 4
        for (int r = 0; r < 4; ++r) {
          VnniDot64(u, _mm512_loadu_si512(w + r * depth + d), ones, &uw[r],
                    &ws[r]);
        }
      }
      if (tail != 0) {
        const __m512i u = _mm512_xor_si512(
            _mm512_maskz_loadu_epi8(tail_mask, x + full), flip);
#pragma GCC unroll 4
        for (int r = 0; r < 4; ++r) {
          VnniDot64(u, _mm512_maskz_loadu_epi8(tail_mask, w + r * depth + full),
                    ones, &uw[r], &ws[r]);
        }
      }
#pragma GCC unroll 4
      for (int r = 0; r < 4; ++r) {
        DotSums sums;
        sums.w = ReduceAddWrapping512(ws[r]);
        sums.wx = ReduceAddWrapping512(uw[r]) -
                  128u * sums.w;
        out[o + r] = FinishInt8(p, sums, x_sum, depth, bias, o + r);
      }
    }
    for (; o < s.outputs; ++o) {
      const DotSums sums =
          DotGeneric(weights + static_cast<size_t>(o) * depth, x, depth);
      out[o] = FinishInt8(p, sums, x_sum, depth, bias, o);
    }
  }
}

// 8 rows of 8 floats -> 8 columns.
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE void Transpose8x8(__m256 r[8]) {
  const __m256 t0 = _mm256_unpacklo_ps(r[0], r[1]);
  const __m256 t1 = _mm256_unpackhi_ps(r[0], r[1]);
  const __m256 t2 = _mm256_unpacklo_ps(r[2], r[3]);
  const __m256 t3 = _mm256_unpackhi_ps(r[2], r[3]);
  const __m256 t4 = _mm256_unpacklo_ps(r[4], r[5]);
  const __m256 t5 = _mm256_unpackhi_ps(r[4], r[5]);
  const __m256 t6 = _mm256_unpacklo_ps(r[6], r[7]);
  const __m256 t7 = _mm256_unpackhi_ps(r[6], r[7]);
  const __m256 s0 = _mm256_shuffle_ps(t0, t2, 0x44);
  const __m256 s1 = _mm256_shuffle_ps(t0, t2, 0xEE);
  const __m256 s2 = _mm256_shuffle_ps(t1, t3, 0x44);
  const __m256 s3 = _mm256_shuffle_ps(t1, t3, 0xEE);
  const __m256 s4 = _mm256_shuffle_ps(t4, t6, 0x44);
  const __m256 s5 = _mm256_shuffle_ps(t4, t6, 0xEE);
  const __m256 s6 = _mm256_shuffle_ps(t5, t7, 0x44);
  const __m256 s7 = _mm256_shuffle_ps(t5, t7, 0xEE);
  r[0] = _mm256_permute2f128_ps(s0, s4, 0x20);
  r[1] = _mm256_permute2f128_ps(s1, s5, 0x20);
  r[2] = _mm256_permute2f128_ps(s2, s6, 0x20);
  r[3] = _mm256_permute2f128_ps(s3, s7, 0x20);
  r[4] = _mm256_permute2f128_ps(s0, s4, 0x31);
  r[5] = _mm256_permute2f128_ps(s1, s5, 0x31);
  r[6] = _mm256_permute2f128_ps(s2, s6, 0x31);
  r[7] = _mm256_permute2f128_ps(s3, s7, 0x31);
}

// Lanes are 8 outputs; two blocks of 8 at a time for two independent sums.
TFLITE_TARGET_AVX2 void FcFloatAvx2(const FcSizes& s, float lo, float hi,
                                    bool raw, const float* input, const float* weights,
                                    const float* bias, float* output) {
  const int depth = s.depth;
  const int full = depth - depth % 8;
  for (int b = 0; b < s.batches; ++b) {
    const float* x = input + static_cast<size_t>(b) * depth;
    float* out = output + static_cast<size_t>(b) * s.outputs;
    int o0 = 0;
    for (; o0 + 16 <= s.outputs; o0 += 16) {
      const float* w = weights + static_cast<size_t>(o0) * depth;
      __m256 acc[2] = {_mm256_setzero_ps(), _mm256_setzero_ps()};
      for (int d = 0; d < full; d += 8) {
        __m256 rows[2][8];
#pragma GCC unroll 2
        for (int h = 0; h < 2; ++h) {
#pragma GCC unroll 8
          for (int j = 0; j < 8; ++j) {
            rows[h][j] =
                _mm256_loadu_ps(w + static_cast<size_t>(8 * h + j) * depth + d);
          }
          Transpose8x8(rows[h]);
        }
#pragma GCC unroll 8
        for (int i = 0; i < 8; ++i) {
          const __m256 xi = _mm256_set1_ps(x[d + i]);
#pragma GCC unroll 2
          for (int h = 0; h < 2; ++h) {
            acc[h] = _mm256_add_ps(acc[h], _mm256_mul_ps(xi, rows[h][i]));
          }
        }
      }
      alignas(32) float totals[16];
      _mm256_store_ps(totals, acc[0]);
      _mm256_store_ps(totals + 8, acc[1]);
      for (int j = 0; j < 16; ++j) {
        const float* wj = w + static_cast<size_t>(j) * depth;
        float total = totals[j];
        for (int d = full; d < depth; ++d) {
          const float product = x[d] * wj[d];
          total = total + product;
        }
        out[o0 + j] = FinishFloat(total, bias, o0 + j, lo, hi, raw);
      }
    }
    FcFloatScalar(x, weights, depth, o0, s.outputs, bias, lo, hi, raw, out);
  }
}

#endif  // TFLITE_OPTIMIZED_X86

}  // namespace

void FullyConnected(const FullyConnectedParams& params,
                    const RuntimeShape& input_shape, const float* input_data,
                    const RuntimeShape& weights_shape,
                    const float* weights_data, const float* bias_data,
                    const RuntimeShape& output_shape, float* output_data,
                    Isa isa) {
  (void)input_shape;
  (void)isa;  // Only the x86 paths choose by it.
  const FcSizes s = Sizes(weights_shape, output_shape);
  const float lo = params.float_activation_min;
  const float hi = params.float_activation_max;
#if TFLITE_OPTIMIZED_X86
  if (isa != Isa::kGeneric) {
    FcFloatAvx2(s, lo, hi, /*raw=*/false, input_data, weights_data, bias_data,
                output_data);
    return;
  }
#endif
  FcFloatGeneric(s, lo, hi, /*raw=*/false, input_data, weights_data, bias_data,
                 output_data);
}

void FloatRowDots(const float* x, const float* weights, int rows, int depth,
                  float* out, Isa isa) {
  (void)isa;  // Only the x86 paths choose by it.
  const FcSizes s = {1, rows, depth};
#if TFLITE_OPTIMIZED_X86
  if (isa != Isa::kGeneric) {
    FcFloatAvx2(s, 0.f, 0.f, /*raw=*/true, x, weights, nullptr, out);
    return;
  }
#endif
  FcFloatGeneric(s, 0.f, 0.f, /*raw=*/true, x, weights, nullptr, out);
}

}  // namespace optimized_ops

namespace optimized_integer_ops {

void FullyConnected(const FullyConnectedParams& params,
                    const int32_t* per_channel_multiplier,
                    const int32_t* per_channel_shift,
                    const RuntimeShape& input_shape, const int8_t* input_data,
                    const RuntimeShape& filter_shape,
                    const int8_t* filter_data, const int32_t* bias_data,
                    const RuntimeShape& output_shape, int8_t* output_data,
                    bool litert_rescale, optimized_ops::Isa isa) {
  using optimized_ops::Isa;
  (void)input_shape;
  const optimized_ops::FcSizes s = optimized_ops::Sizes(filter_shape, output_shape);
  optimized_ops::Int8Fc p;
  p.per_channel_multiplier = per_channel_multiplier;
  p.per_channel_shift = per_channel_shift;
  p.multiplier = params.output_multiplier;
  p.shift = params.output_shift;
  p.input_offset = params.input_offset;
  p.weights_offset = params.weights_offset;
  p.output_offset = params.output_offset;
  p.act_min = params.quantized_activation_min;
  p.act_max = params.quantized_activation_max;
  p.litert_rescale = litert_rescale;
  switch (isa) {
#if TFLITE_OPTIMIZED_X86
    case Isa::kAvx512Vnni:
      optimized_ops::FcInt8Vnni(p, s, input_data, filter_data, bias_data,
                                output_data);
      return;
    case Isa::kAvx2:
      optimized_ops::FcInt8Avx2(p, s, input_data, filter_data, bias_data,
                                output_data);
      return;
#endif
    default: {
#if TFLITE_OPTIMIZED_CORTEX_M
      optimized_ops::cortex_m::FcInt8Args a;
      a.batches = s.batches;
      a.outputs = s.outputs;
      a.depth = s.depth;
      a.per_channel_multiplier = per_channel_multiplier;
      a.per_channel_shift = per_channel_shift;
      a.multiplier = p.multiplier;
      a.shift = p.shift;
      a.input_offset = p.input_offset;
      a.weights_offset = p.weights_offset;
      a.output_offset = p.output_offset;
      a.act_min = p.act_min;
      a.act_max = p.act_max;
      a.litert_rescale = p.litert_rescale;
#if TFLITE_OPTIMIZED_ARM_MVE
      optimized_ops::cortex_m::FullyConnectedInt8Mve(a, input_data, filter_data,
                                                     bias_data, output_data);
#elif TFLITE_OPTIMIZED_ARM_DSP
      optimized_ops::cortex_m::FullyConnectedInt8Dsp(a, input_data, filter_data,
                                                     bias_data, output_data);
#else
      optimized_ops::cortex_m::FullyConnectedInt8Scalar(
          a, input_data, filter_data, bias_data, output_data);
#endif
#else
      optimized_ops::FcInt8Generic(p, s, input_data, filter_data, bias_data,
                                   output_data);
#endif
    }
  }
}

}  // namespace optimized_integer_ops
}  // namespace tflite
