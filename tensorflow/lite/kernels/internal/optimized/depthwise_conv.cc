#include "tensorflow/lite/kernels/internal/optimized/depthwise_conv.h"

#include <algorithm>

#include "tensorflow/lite/kernels/internal/optimized/conv.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_dsp.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_mve.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_scalar.h"
#include "tensorflow/lite/kernels/internal/optimized/simd.h"
#include "tensorflow/lite/kernels/internal/reference/depthwise_conv.h"

namespace tflite {
namespace optimized_ops {
namespace {

// Channels accumulated together by the portable loops.
constexpr int kChunk = 64;

// An output pixel's valid taps and the input element of tap (0, 0)
// (possibly outside the input; only valid taps are read).
struct PixelWindow {
  int ky_lo, ky_hi, kx_lo, kx_hi;
  long in_pixel, out_pixel;
};

TFLITE_ALWAYS_INLINE PixelWindow WindowAt(const ConvGeometry& g, int b,
                                          int oy, int ox) {
  PixelWindow w;
  const int y0 = oy * g.stride_height - g.pad_height;
  const int x0 = ox * g.stride_width - g.pad_width;
  ValidTaps(y0, g.dilation_height, g.filter_height, g.input_height, &w.ky_lo,
            &w.ky_hi);
  ValidTaps(x0, g.dilation_width, g.filter_width, g.input_width, &w.kx_lo,
            &w.kx_hi);
  w.in_pixel =
      (static_cast<long>(b) * g.input_height + y0) * g.input_width + x0;
  w.out_pixel =
      (static_cast<long>(b) * g.output_height + oy) * g.output_width + ox;
  return w;
}

#define TFLITE_FOR_EACH_OUTPUT_PIXEL(g, window)      \
  for (int b_ = 0; b_ < (g).batches; ++b_)           \
    for (int oy_ = 0; oy_ < (g).output_height; ++oy_) \
      for (int ox_ = 0; ox_ < (g).output_width; ++ox_) \
        if (const PixelWindow window = WindowAt((g), b_, oy_, ox_); true)

#if !TFLITE_OPTIMIZED_CORTEX_M
TFLITE_ALWAYS_INLINE void DepthwiseInt8Body(Isa isa,
                                            const ConvGeometry& g,
                                            const QuantizedOutput& q,
                                            const int8_t* input,
                                            const int8_t* filter,
                                            const int32_t* bias,
                                            int8_t* output) {
  const int depth = g.output_depth;
  const int in_depth = g.input_depth;
  const int mult = g.depth_multiplier;
  TFLITE_FOR_EACH_OUTPUT_PIXEL(g, pw) {
    const int ky_lo = pw.ky_lo, ky_hi = pw.ky_hi, kx_lo = pw.kx_lo,
              kx_hi = pw.kx_hi;
    const long in_pixel = pw.in_pixel, out_pixel = pw.out_pixel;
    for (int c0 = 0; c0 < depth; c0 += kChunk) {
      const int n = std::min(kChunk, depth - c0);
      uint32_t acc[kChunk];
      for (int j = 0; j < kChunk; ++j) acc[j] = 0;
      for (int ky = ky_lo; ky < ky_hi; ++ky) {
        for (int kx = kx_lo; kx < kx_hi; ++kx) {
          const long in_index =
              (in_pixel + static_cast<long>(ky) * g.dilation_height *
                              g.input_width +
               kx * g.dilation_width) *
              in_depth;
          const int8_t* w =
              filter + (ky * g.filter_width + kx) * depth + c0;
          if (mult == 1) {
            const int8_t* in = input + in_index + c0;
            for (int j = 0; j < n; ++j) {
              acc[j] += static_cast<uint32_t>((in[j] + q.input_offset) * w[j]);
            }
          } else {
            // Output channels [j, end) of the chunk read input channel ic.
            const int8_t* in = input + in_index;
            for (int j = 0; j < n;) {
              const int ic = (c0 + j) / mult;
              const int end = std::min(n, (ic + 1) * mult - c0);
              const int32_t x = in[ic] + q.input_offset;
              for (; j < end; ++j) acc[j] += static_cast<uint32_t>(x * w[j]);
            }
          }
        }
      }
      int32_t values[kChunk];
      for (int j = 0; j < n; ++j) {
        values[j] = static_cast<int32_t>(
            acc[j] + (bias != nullptr ? static_cast<uint32_t>(bias[c0 + j])
                                      : 0u));
      }
      RequantizeRow(isa, values, n, q.multiplier + c0, q.shift + c0,
                    q.output_offset, q.act_min, q.act_max,
                    output + out_pixel * depth + c0);
    }
  }
}

void DepthwiseInt8Generic(const ConvGeometry& g, const QuantizedOutput& q,
                          const int8_t* input, const int8_t* filter,
                          const int32_t* bias, int8_t* output) {
  DepthwiseInt8Body(Isa::kGeneric, g, q, input, filter, bias, output);
}

#endif  // !TFLITE_OPTIMIZED_CORTEX_M

TFLITE_ALWAYS_INLINE void DepthwiseFloatBody(const ConvGeometry& g,
                                             float act_min, float act_max,
                                             const float* input,
                                             const float* filter,
                                             const float* bias,
                                             float* output) {
  const int depth = g.output_depth;
  const int in_depth = g.input_depth;
  const int mult = g.depth_multiplier;
  TFLITE_FOR_EACH_OUTPUT_PIXEL(g, pw) {
    const int ky_lo = pw.ky_lo, ky_hi = pw.ky_hi, kx_lo = pw.kx_lo,
              kx_hi = pw.kx_hi;
    const long in_pixel = pw.in_pixel, out_pixel = pw.out_pixel;
    for (int c0 = 0; c0 < depth; c0 += kChunk) {
      const int n = std::min(kChunk, depth - c0);
      float acc[kChunk];
      for (int j = 0; j < kChunk; ++j) acc[j] = 0.f;
      for (int ky = ky_lo; ky < ky_hi; ++ky) {
        for (int kx = kx_lo; kx < kx_hi; ++kx) {
          const long in_index =
              (in_pixel + static_cast<long>(ky) * g.dilation_height *
                              g.input_width +
               kx * g.dilation_width) *
              in_depth;
          const float* w = filter + (ky * g.filter_width + kx) * depth + c0;
          if (mult == 1) {
            const float* in = input + in_index + c0;
            for (int j = 0; j < n; ++j) {
              const float product = in[j] * w[j];
              acc[j] = acc[j] + product;
            }
          } else {
            const float* in = input + in_index;
            for (int j = 0; j < n;) {
              const int ic = (c0 + j) / mult;
              const int end = std::min(n, (ic + 1) * mult - c0);
              const float x = in[ic];
              for (; j < end; ++j) {
                const float product = x * w[j];
                acc[j] = acc[j] + product;
              }
            }
          }
        }
      }
      float* out = output + out_pixel * depth + c0;
      for (int j = 0; j < n; ++j) {
        const float b = bias != nullptr ? bias[c0 + j] : 0.f;
        out[j] = ActivationFunctionWithMinMax(acc[j] + b, act_min, act_max);
      }
    }
  }
}

void DepthwiseFloatGeneric(const ConvGeometry& g, float act_min,
                           float act_max, const float* input,
                           const float* filter, const float* bias,
                           float* output) {
  DepthwiseFloatBody(g, act_min, act_max, input, filter, bias, output);
}

#if TFLITE_OPTIMIZED_X86

TFLITE_TARGET_AVX2 void DepthwiseInt8Avx2(const ConvGeometry& g,
                                          const QuantizedOutput& q,
                                          const int8_t* input,
                                          const int8_t* filter,
                                          const int32_t* bias,
                                          int8_t* output) {
  DepthwiseInt8Body(Isa::kAvx2, g, q, input, filter, bias, output);
}

TFLITE_TARGET_AVX2 void DepthwiseFloatAvx2(const ConvGeometry& g,
                                           float act_min, float act_max,
                                           const float* input,
                                           const float* filter,
                                           const float* bias, float* output) {
  DepthwiseFloatBody(g, act_min, act_max, input, filter, bias, output);
}

// Depth multiplier 1: float channels [c0, c0 + 16 * kVecs) of one output
// pixel, each summed over the valid taps in order, then the bias.
template <int kVecs>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void DepthwiseFloatAvx512Block(
    const ConvGeometry& g, float act_min, float act_max, const PixelWindow& pw,
    int c0, const float* input, const float* filter, const float* bias,
    float* output) {
  const int depth = g.output_depth;
  __mmask16 masks[kVecs];
#pragma GCC unroll 4
  for (int v = 0; v < kVecs; ++v) {
    const int count = std::max(0, std::min(16, depth - c0 - 16 * v));
    masks[v] = static_cast<__mmask16>((1u << count) - 1);
  }
  __m512 acc[kVecs];
#pragma GCC unroll 4
  for (int v = 0; v < kVecs; ++v) acc[v] = _mm512_setzero_ps();
  for (int ky = pw.ky_lo; ky < pw.ky_hi; ++ky) {
    const long row =
        pw.in_pixel + static_cast<long>(ky) * g.dilation_height * g.input_width;
    for (int kx = pw.kx_lo; kx < pw.kx_hi; ++kx) {
      const long pixel = row + kx * g.dilation_width;
      const float* in = input + pixel * g.input_depth + c0;
      const float* w = filter + (ky * g.filter_width + kx) * depth + c0;
      const bool single = g.input_depth == 1;
      const __m512 broadcast = _mm512_set1_ps(single ? input[pixel] : 0.f);
#pragma GCC unroll 4
      for (int v = 0; v < kVecs; ++v) {
        const __m512 x =
            single ? broadcast : _mm512_maskz_loadu_ps(masks[v], in + 16 * v);
        const __m512 product =
            _mm512_mul_ps(x, _mm512_maskz_loadu_ps(masks[v], w + 16 * v));
        acc[v] = _mm512_add_ps(acc[v], product);
      }
    }
  }
  const __m512 lo = _mm512_set1_ps(act_min);
  const __m512 hi = _mm512_set1_ps(act_max);
#pragma GCC unroll 4
  for (int v = 0; v < kVecs; ++v) {
    const __m512 b = bias != nullptr
                         ? _mm512_maskz_loadu_ps(masks[v], bias + c0 + 16 * v)
                         : _mm512_setzero_ps();
    const __m512 value =
        _mm512_min_ps(hi, _mm512_max_ps(lo, _mm512_add_ps(acc[v], b)));
    _mm512_mask_storeu_ps(output + pw.out_pixel * depth + c0 + 16 * v,
                          masks[v], value);
  }
}

// Depth multiplier 1: the output pixel at x0 (first tap's column) of one
// row, channels [c0, c0 + 16 * C) of the `count` left, over its valid taps.
// C vectors give C independent sums.
template <int C>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void DepthwiseFloatEdgeAvx512(
    const ConvGeometry& g, const float* in_c0, const float* filter_c0,
    const float* bias_c0, int count, int y0, int ky_lo, int ky_hi, int x0,
    __m512 lo, __m512 hi, float* out) {
  const int depth = g.output_depth;
  int kx_lo, kx_hi;
  ValidTaps(x0, g.dilation_width, g.filter_width, g.input_width, &kx_lo,
            &kx_hi);
  __mmask16 masks[C];
  __m512 acc[C];
#pragma GCC unroll 4
  for (int v = 0; v < C; ++v) {
    const int n = std::max(0, std::min(16, count - 16 * v));
    masks[v] = static_cast<__mmask16>((1u << n) - 1);
    acc[v] = _mm512_setzero_ps();
  }
  for (int ky = ky_lo; ky < ky_hi; ++ky) {
    const float* row =
        in_c0 +
        (static_cast<long>(y0 + ky * g.dilation_height) * g.input_width + x0) *
            depth;
    const float* w = filter_c0 + ky * g.filter_width * depth;
    for (int kx = kx_lo; kx < kx_hi; ++kx) {
      const float* tap = row + static_cast<long>(kx) * g.dilation_width * depth;
#pragma GCC unroll 4
      for (int v = 0; v < C; ++v) {
        const __m512 x = _mm512_maskz_loadu_ps(masks[v], tap + 16 * v);
        const __m512 wv =
            _mm512_maskz_loadu_ps(masks[v], w + kx * depth + 16 * v);
        acc[v] = _mm512_add_ps(acc[v], _mm512_mul_ps(x, wv));
      }
    }
  }
#pragma GCC unroll 4
  for (int v = 0; v < C; ++v) {
    const __m512 b = bias_c0 != nullptr
                         ? _mm512_maskz_loadu_ps(masks[v], bias_c0 + 16 * v)
                         : _mm512_setzero_ps();
    const __m512 y =
        _mm512_min_ps(hi, _mm512_max_ps(lo, _mm512_add_ps(acc[v], b)));
    _mm512_mask_storeu_ps(out + 16 * v, masks[v], y);
  }
}

TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void DepthwiseFloatEdgeChunkAvx512(
    const ConvGeometry& g, const float* in_c0, const float* filter_c0,
    const float* bias_c0, int count, int y0, int ky_lo, int ky_hi, int x0,
    __m512 lo, __m512 hi, float* out) {
  switch ((count + 15) / 16) {
    case 1:
      DepthwiseFloatEdgeAvx512<1>(g, in_c0, filter_c0, bias_c0, count, y0,
                                  ky_lo, ky_hi, x0, lo, hi, out);
      return;
    case 2:
      DepthwiseFloatEdgeAvx512<2>(g, in_c0, filter_c0, bias_c0, count, y0,
                                  ky_lo, ky_hi, x0, lo, hi, out);
      return;
    case 3:
      DepthwiseFloatEdgeAvx512<3>(g, in_c0, filter_c0, bias_c0, count, y0,
                                  ky_lo, ky_hi, x0, lo, hi, out);
      return;
    default:
      DepthwiseFloatEdgeAvx512<4>(g, in_c0, filter_c0, bias_c0, count, y0,
                                  ky_lo, ky_hi, x0, lo, hi, out);
  }
}

template <bool kFull>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE __m512 LoadChannels(
    __mmask16 mask, const float* p) {
  return kFull ? _mm512_loadu_ps(p) : _mm512_maskz_loadu_ps(mask, p);
}

// P horizontally adjacent output pixels (windows inside the input
// horizontally) of one row, 16 channels: P independent sums hide the add
// latency. kFull: all 16 channels (unmasked loads the multiply can fold).
template <int P, bool kFull>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void DepthwiseFloatPixelsAvx512(
    const ConvGeometry& g, const float* in_c0, const float* filter_c0,
    __mmask16 mask, int y0, int ky_lo, int ky_hi, int x0, __m512 bias,
    __m512 lo, __m512 hi, float* out) {
  const int depth = g.output_depth;
  const long tap_step = static_cast<long>(g.dilation_width) * depth;
  const long pixel_step = static_cast<long>(g.stride_width) * depth;
  __m512 acc[P];
#pragma GCC unroll 8
  for (int p = 0; p < P; ++p) acc[p] = _mm512_setzero_ps();
  for (int ky = ky_lo; ky < ky_hi; ++ky) {
    const float* row =
        in_c0 +
        (static_cast<long>(y0 + ky * g.dilation_height) * g.input_width + x0) *
            depth;
    const float* w = filter_c0 + ky * g.filter_width * depth;
    for (int kx = 0; kx < g.filter_width; ++kx) {
      const __m512 wv = LoadChannels<kFull>(mask, w + kx * depth);
      const float* tap = row + kx * tap_step;
#pragma GCC unroll 8
      for (int p = 0; p < P; ++p) {
        const __m512 x = LoadChannels<kFull>(mask, tap + p * pixel_step);
        acc[p] = _mm512_add_ps(acc[p], _mm512_mul_ps(x, wv));
      }
    }
  }
#pragma GCC unroll 8
  for (int p = 0; p < P; ++p) {
    const __m512 v =
        _mm512_min_ps(hi, _mm512_max_ps(lo, _mm512_add_ps(acc[p], bias)));
    if (kFull) {
      _mm512_storeu_ps(out + p * depth, v);
    } else {
      _mm512_mask_storeu_ps(out + p * depth, mask, v);
    }
  }
}

// As DepthwiseFloatPixelsAvx512 for 3 taps wide, no horizontal dilation and
// horizontal stride S: each input vector of a filter row is loaded once and
// used by every tap of the P pixels that reads it.
template <int P, int S, bool kFull>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void DepthwiseFloat3WideAvx512(
    const ConvGeometry& g, const float* in_c0, const float* filter_c0,
    __mmask16 mask, int y0, int ky_lo, int ky_hi, int x0, __m512 bias,
    __m512 lo, __m512 hi, float* out) {
  constexpr int kInputs = (P - 1) * S + 3;
  const int depth = g.output_depth;
  __m512 acc[P];
#pragma GCC unroll 8
  for (int p = 0; p < P; ++p) acc[p] = _mm512_setzero_ps();
  for (int ky = ky_lo; ky < ky_hi; ++ky) {
    const float* row =
        in_c0 +
        (static_cast<long>(y0 + ky * g.dilation_height) * g.input_width + x0) *
            depth;
    const float* w = filter_c0 + ky * 3 * depth;
    __m512 x[kInputs];
#pragma GCC unroll 24
    for (int i = 0; i < kInputs; ++i) {
      x[i] = LoadChannels<kFull>(mask, row + static_cast<long>(i) * depth);
    }
#pragma GCC unroll 3
    for (int kx = 0; kx < 3; ++kx) {
      const __m512 wv = LoadChannels<kFull>(mask, w + kx * depth);
#pragma GCC unroll 8
      for (int p = 0; p < P; ++p) {
        acc[p] = _mm512_add_ps(acc[p], _mm512_mul_ps(x[p * S + kx], wv));
      }
    }
  }
#pragma GCC unroll 8
  for (int p = 0; p < P; ++p) {
    const __m512 v =
        _mm512_min_ps(hi, _mm512_max_ps(lo, _mm512_add_ps(acc[p], bias)));
    if (kFull) {
      _mm512_storeu_ps(out + p * depth, v);
    } else {
      _mm512_mask_storeu_ps(out + p * depth, mask, v);
    }
  }
}

// Output columns from ox_lo of one row (windows inside horizontally, up to
// ox_hi), 8 then 4 at a time; returns the first column not done.
template <bool kFull>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE int DepthwiseFloatInteriorAvx512(
    const ConvGeometry& g, const float* in_c0, const float* filter_c0,
    __mmask16 mask, int y0, int ky_lo, int ky_hi, int ox, int ox_hi,
    __m512 bias, __m512 lo, __m512 hi, float* out_c0) {
  const int depth = g.output_depth;
  if (g.filter_width == 3 && g.dilation_width == 1 &&
      (g.stride_width == 1 || g.stride_width == 2)) {
    for (; ox + 8 <= ox_hi; ox += 8) {
      float* out = out_c0 + static_cast<long>(ox) * depth;
      const int x0 = ox * g.stride_width - g.pad_width;
      if (g.stride_width == 1) {
        DepthwiseFloat3WideAvx512<8, 1, kFull>(g, in_c0, filter_c0, mask, y0,
                                               ky_lo, ky_hi, x0, bias, lo, hi,
                                               out);
      } else {
        DepthwiseFloat3WideAvx512<8, 2, kFull>(g, in_c0, filter_c0, mask, y0,
                                               ky_lo, ky_hi, x0, bias, lo, hi,
                                               out);
      }
    }
  }
  for (; ox + 8 <= ox_hi; ox += 8) {
    DepthwiseFloatPixelsAvx512<8, kFull>(
        g, in_c0, filter_c0, mask, y0, ky_lo, ky_hi,
        ox * g.stride_width - g.pad_width, bias, lo, hi,
        out_c0 + static_cast<long>(ox) * depth);
  }
  for (; ox + 4 <= ox_hi; ox += 4) {
    DepthwiseFloatPixelsAvx512<4, kFull>(
        g, in_c0, filter_c0, mask, y0, ky_lo, ky_hi,
        ox * g.stride_width - g.pad_width, bias, lo, hi,
        out_c0 + static_cast<long>(ox) * depth);
  }
  return ox;
}

// Depth multiplier 1: per output row and block of 16 channels; columns at
// the left and right edges sum only their valid taps. Every sum runs over
// the valid taps in (ky, kx) order from +0, then the bias, as in the
// reference.
TFLITE_TARGET_AVX512 void DepthwiseFloatRowsAvx512(
    const ConvGeometry& g, float act_min, float act_max, const float* input,
    const float* filter, const float* bias, float* output) {
  const int depth = g.output_depth;
  const int fw = g.filter_width;
  // Columns [ox_lo, ox_hi) have all filter_width taps inside the input.
  const int ox_lo = std::min(
      g.output_width, (g.pad_width + g.stride_width - 1) / g.stride_width);
  const int right =
      g.input_width - 1 + g.pad_width - (fw - 1) * g.dilation_width;
  const int ox_hi = std::max(
      ox_lo, right < 0 ? 0 : std::min(g.output_width,
                                      right / g.stride_width + 1));
  // Interior columns past the last group of 4 go with the edges.
  const int interior_end = ox_lo + (ox_hi - ox_lo) / 4 * 4;
  // When every pixel starts at the same offset within a 64-byte line
  // (depth a multiple of 16), a first block of `lead` channels makes the
  // other blocks' input loads aligned: loads split across lines cost about
  // 1.5x here (arena tensors are only 16-byte aligned). Worth the extra
  // partial block from 64 channels on.
  const int lead =
      depth % 16 == 0 && depth >= 64
          ? (16 - static_cast<int>(reinterpret_cast<uintptr_t>(input) / 4 %
                                   16)) %
                16
          : 0;
  const __m512 lo = _mm512_set1_ps(act_min);
  const __m512 hi = _mm512_set1_ps(act_max);
  for (int b = 0; b < g.batches; ++b) {
    const float* in_image = input + static_cast<long>(b) * g.input_height *
                                        g.input_width * depth;
    for (int oy = 0; oy < g.output_height; ++oy) {
      const int y0 = oy * g.stride_height - g.pad_height;
      int ky_lo, ky_hi;
      ValidTaps(y0, g.dilation_height, g.filter_height, g.input_height, &ky_lo,
                &ky_hi);
      float* out_row =
          output +
          (static_cast<long>(b) * g.output_height + oy) * g.output_width *
              depth;
      // Edge columns 64 channels at a time, interior columns 16 at a time;
      // per channel, columns stay in order (left edge, interior, right
      // edge), which keeps output-over-input valid.
      for (int c0 = 0; c0 < depth; c0 += 64) {
        for (int ox = 0; ox < ox_lo; ++ox) {
          DepthwiseFloatEdgeChunkAvx512(
              g, in_image + c0, filter + c0,
              bias != nullptr ? bias + c0 : nullptr, std::min(64, depth - c0),
              y0, ky_lo, ky_hi, ox * g.stride_width - g.pad_width, lo, hi,
              out_row + static_cast<long>(ox) * depth + c0);
        }
      }
      for (int c = 0; c < depth;) {
        const int count = c == 0 && lead > 0 ? std::min(lead, depth)
                                             : std::min(16, depth - c);
        const __mmask16 mask = static_cast<__mmask16>((1u << count) - 1);
        const __m512 bv = bias != nullptr
                              ? _mm512_maskz_loadu_ps(mask, bias + c)
                              : _mm512_setzero_ps();
        if (count == 16) {
          DepthwiseFloatInteriorAvx512<true>(g, in_image + c, filter + c, mask,
                                             y0, ky_lo, ky_hi, ox_lo,
                                             interior_end, bv, lo, hi,
                                             out_row + c);
        } else {
          DepthwiseFloatInteriorAvx512<false>(g, in_image + c, filter + c,
                                              mask, y0, ky_lo, ky_hi, ox_lo,
                                              interior_end, bv, lo, hi,
                                              out_row + c);
        }
        c += count;
      }
      for (int c0 = 0; c0 < depth; c0 += 64) {
        for (int ox = interior_end; ox < g.output_width; ++ox) {
          DepthwiseFloatEdgeChunkAvx512(
              g, in_image + c0, filter + c0,
              bias != nullptr ? bias + c0 : nullptr, std::min(64, depth - c0),
              y0, ky_lo, ky_hi, ox * g.stride_width - g.pad_width, lo, hi,
              out_row + static_cast<long>(ox) * depth + c0);
        }
      }
    }
  }
}

TFLITE_TARGET_AVX512 void DepthwiseFloatAvx512(const ConvGeometry& g,
                                               float act_min, float act_max,
                                               const float* input,
                                               const float* filter,
                                               const float* bias,
                                               float* output) {
  if (g.depth_multiplier == 1) {
    DepthwiseFloatRowsAvx512(g, act_min, act_max, input, filter, bias,
                             output);
    return;
  }
  if (g.input_depth != 1) {
    DepthwiseFloatBody(g, act_min, act_max, input, filter, bias, output);
    return;
  }
  const int depth = g.output_depth;
  TFLITE_FOR_EACH_OUTPUT_PIXEL(g, pw) {
    for (int c0 = 0; c0 < depth; c0 += 64) {
      switch ((std::min(64, depth - c0) + 15) / 16) {
        case 1:
          DepthwiseFloatAvx512Block<1>(g, act_min, act_max, pw, c0, input,
                                       filter, bias, output);
          break;
        case 2:
          DepthwiseFloatAvx512Block<2>(g, act_min, act_max, pw, c0, input,
                                       filter, bias, output);
          break;
        case 3:
          DepthwiseFloatAvx512Block<3>(g, act_min, act_max, pw, c0, input,
                                       filter, bias, output);
          break;
        default:
          DepthwiseFloatAvx512Block<4>(g, act_min, act_max, pw, c0, input,
                                       filter, bias, output);
      }
    }
  }
}

// Depth multiplier 1: channels [c0, c0 + 16 * kVecs) of one output pixel
// (the last vector masked to `depth`), taps innermost.
template <int kVecs>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void DepthwiseInt8Avx512Block(
    const ConvGeometry& g, const QuantizedOutput& q, const PixelWindow& pw,
    int c0, const int8_t* input, const int8_t* filter, const int32_t* bias,
    int8_t* output) {
  const int depth = g.output_depth;
  const __m512i input_offset = _mm512_set1_epi32(q.input_offset);
  __mmask16 masks[kVecs];
  int counts[kVecs];
#pragma GCC unroll 4
  for (int v = 0; v < kVecs; ++v) {
    counts[v] = std::max(0, std::min(16, depth - c0 - 16 * v));
    masks[v] = static_cast<__mmask16>((1u << counts[v]) - 1);
  }
  __m512i acc[kVecs];
#pragma GCC unroll 4
  for (int v = 0; v < kVecs; ++v) {
    acc[v] = bias != nullptr
                 ? _mm512_maskz_loadu_epi32(masks[v], bias + c0 + 16 * v)
                 : _mm512_setzero_si512();
  }
  const bool single = g.input_depth == 1;
  for (int ky = pw.ky_lo; ky < pw.ky_hi; ++ky) {
    const long row =
        pw.in_pixel + static_cast<long>(ky) * g.dilation_height * g.input_width;
    for (int kx = pw.kx_lo; kx < pw.kx_hi; ++kx) {
      const long pixel = row + kx * g.dilation_width;
      const int8_t* in = input + pixel * g.input_depth + c0;
      const int8_t* w = filter + (ky * g.filter_width + kx) * depth + c0;
      // One input channel feeding every output channel: broadcast it.
      const __m512i broadcast = _mm512_set1_epi32(
          single ? input[pixel] + q.input_offset : 0);
#pragma GCC unroll 4
      for (int v = 0; v < kVecs; ++v) {
        const __m512i x =
            single ? broadcast
                   : _mm512_add_epi32(_mm512_cvtepi8_epi32(_mm_maskz_loadu_epi8(
                                          masks[v], in + 16 * v)),
                                      input_offset);
        const __m512i f =
            _mm512_cvtepi8_epi32(_mm_maskz_loadu_epi8(masks[v], w + 16 * v));
        acc[v] = _mm512_add_epi32(acc[v], _mm512_mullo_epi32(x, f));
      }
    }
  }
  const __m512i offset = _mm512_set1_epi32(q.output_offset);
  const __m512i act_min = _mm512_set1_epi32(q.act_min);
  const __m512i act_max = _mm512_set1_epi32(q.act_max);
#pragma GCC unroll 4
  for (int v = 0; v < kVecs; ++v) {
    RequantizeStore16(
        acc[v], _mm512_maskz_loadu_epi32(masks[v], q.multiplier + c0 + 16 * v),
        _mm512_maskz_loadu_epi32(masks[v], q.shift + c0 + 16 * v), offset,
        act_min, act_max, counts[v],
        output + pw.out_pixel * depth + c0 + 16 * v);
  }
}

// 16 int8 channels (masked to `mask`) widened to int32, plus `offset`.
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE __m512i LoadInt8Channels(
    __mmask16 mask, const int8_t* p, __m512i offset) {
  return _mm512_add_epi32(_mm512_cvtepi8_epi32(_mm_maskz_loadu_epi8(mask, p)),
                          offset);
}

// int8, depth multiplier 1: P horizontally adjacent output pixels (windows
// inside the input horizontally) of one row, 16 channels, accumulators
// starting at `bias`. Windows 3 wide without horizontal dilation, with
// horizontal stride 1 or 2 (S), widen each input vector of a filter row
// once for all P pixels; S == 0 means any other window.
template <int P, int S>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void DepthwiseInt8PixelsAvx512(
    const ConvGeometry& g, const int8_t* in_c0, const int8_t* filter_c0,
    __mmask16 mask, int count, int y0, int ky_lo, int ky_hi, int x0,
    __m512i bias, __m512i input_offset, __m512i multiplier, __m512i shift,
    __m512i output_offset, __m512i act_min, __m512i act_max, int8_t* out) {
  const int depth = g.output_depth;
  const __m512i zero = _mm512_setzero_si512();
  __m512i acc[P];
#pragma GCC unroll 8
  for (int p = 0; p < P; ++p) acc[p] = bias;
  for (int ky = ky_lo; ky < ky_hi; ++ky) {
    const int8_t* row =
        in_c0 +
        (static_cast<long>(y0 + ky * g.dilation_height) * g.input_width + x0) *
            depth;
    const int8_t* w = filter_c0 + ky * g.filter_width * depth;
    if (S > 0) {
      constexpr int kInputs = (P - 1) * (S > 0 ? S : 1) + 3;
      __m512i x[kInputs];
#pragma GCC unroll 24
      for (int i = 0; i < kInputs; ++i) {
        x[i] = LoadInt8Channels(mask, row + static_cast<long>(i) * depth,
                                input_offset);
      }
#pragma GCC unroll 3
      for (int kx = 0; kx < 3; ++kx) {
        const __m512i wv = LoadInt8Channels(mask, w + kx * depth, zero);
#pragma GCC unroll 8
        for (int p = 0; p < P; ++p) {
          acc[p] = _mm512_add_epi32(acc[p],
                                    _mm512_mullo_epi32(x[p * S + kx], wv));
        }
      }
    } else {
      const long tap_step = static_cast<long>(g.dilation_width) * depth;
      const long pixel_step = static_cast<long>(g.stride_width) * depth;
      for (int kx = 0; kx < g.filter_width; ++kx) {
        const __m512i wv = LoadInt8Channels(mask, w + kx * depth, zero);
        const int8_t* tap = row + kx * tap_step;
#pragma GCC unroll 8
        for (int p = 0; p < P; ++p) {
          const __m512i xv =
              LoadInt8Channels(mask, tap + p * pixel_step, input_offset);
          acc[p] = _mm512_add_epi32(acc[p], _mm512_mullo_epi32(xv, wv));
        }
      }
    }
  }
#pragma GCC unroll 8
  for (int p = 0; p < P; ++p) {
    RequantizeStore16(acc[p], multiplier, shift, output_offset, act_min,
                      act_max, count, out + p * depth);
  }
}

// Columns from ox of one row, 8 then 4 at a time, up to ox_end.
template <int S>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void DepthwiseInt8InteriorAvx512(
    const ConvGeometry& g, const int8_t* in_c0, const int8_t* filter_c0,
    __mmask16 mask, int count, int y0, int ky_lo, int ky_hi, int ox,
    int ox_end, __m512i bias, __m512i input_offset, __m512i multiplier,
    __m512i shift, __m512i output_offset, __m512i act_min, __m512i act_max,
    int8_t* out_c0) {
  const int depth = g.output_depth;
  for (; ox + 8 <= ox_end; ox += 8) {
    DepthwiseInt8PixelsAvx512<8, S>(
        g, in_c0, filter_c0, mask, count, y0, ky_lo, ky_hi,
        ox * g.stride_width - g.pad_width, bias, input_offset, multiplier,
        shift, output_offset, act_min, act_max,
        out_c0 + static_cast<long>(ox) * depth);
  }
  for (; ox + 4 <= ox_end; ox += 4) {
    DepthwiseInt8PixelsAvx512<4, S>(
        g, in_c0, filter_c0, mask, count, y0, ky_lo, ky_hi,
        ox * g.stride_width - g.pad_width, bias, input_offset, multiplier,
        shift, output_offset, act_min, act_max,
        out_c0 + static_cast<long>(ox) * depth);
  }
}

TFLITE_TARGET_AVX512 void DepthwiseInt8EdgeAvx512(const ConvGeometry& g,
                                                  const QuantizedOutput& q,
                                                  const PixelWindow& pw,
                                                  int c0, const int8_t* input,
                                                  const int8_t* filter,
                                                  const int32_t* bias,
                                                  int8_t* output);

// int8, depth multiplier 1: as DepthwiseFloatRowsAvx512 (integer sums are
// exact in any order; the per-channel raster order keeps in-place
// computation valid).
TFLITE_TARGET_AVX512 void DepthwiseInt8RowsAvx512(const ConvGeometry& g,
                                                  const QuantizedOutput& q,
                                                  const int8_t* input,
                                                  const int8_t* filter,
                                                  const int32_t* bias,
                                                  int8_t* output) {
  const int depth = g.output_depth;
  const int fw = g.filter_width;
  const int ox_lo = std::min(
      g.output_width, (g.pad_width + g.stride_width - 1) / g.stride_width);
  const int right =
      g.input_width - 1 + g.pad_width - (fw - 1) * g.dilation_width;
  const int ox_hi = std::max(
      ox_lo, right < 0 ? 0 : std::min(g.output_width,
                                      right / g.stride_width + 1));
  const int interior_end = ox_lo + (ox_hi - ox_lo) / 4 * 4;
  const int stride_kind =
      fw == 3 && g.dilation_width == 1 && g.stride_width <= 2
          ? g.stride_width
          : 0;
  const __m512i input_offset = _mm512_set1_epi32(q.input_offset);
  const __m512i output_offset = _mm512_set1_epi32(q.output_offset);
  const __m512i act_min = _mm512_set1_epi32(q.act_min);
  const __m512i act_max = _mm512_set1_epi32(q.act_max);
  for (int b = 0; b < g.batches; ++b) {
    const int8_t* in_image = input + static_cast<long>(b) * g.input_height *
                                         g.input_width * depth;
    for (int oy = 0; oy < g.output_height; ++oy) {
      const int y0 = oy * g.stride_height - g.pad_height;
      int ky_lo, ky_hi;
      ValidTaps(y0, g.dilation_height, g.filter_height, g.input_height, &ky_lo,
                &ky_hi);
      int8_t* out_row =
          output +
          (static_cast<long>(b) * g.output_height + oy) * g.output_width *
              depth;
      for (int c0 = 0; c0 < depth; c0 += 64) {
        const int chunk = std::min(64, depth - c0);
        for (int ox = 0; ox < ox_lo; ++ox) {
          DepthwiseInt8EdgeAvx512(g, q, WindowAt(g, b, oy, ox), c0, input,
                                  filter, bias, output);
        }
        for (int c = c0; c < c0 + chunk; c += 16) {
          const int count = std::min(16, depth - c);
          const __mmask16 mask = static_cast<__mmask16>((1u << count) - 1);
          const __m512i bv = bias != nullptr
                                 ? _mm512_maskz_loadu_epi32(mask, bias + c)
                                 : _mm512_setzero_si512();
          const __m512i mult = _mm512_maskz_loadu_epi32(mask, q.multiplier + c);
          const __m512i shift = _mm512_maskz_loadu_epi32(mask, q.shift + c);
          switch (stride_kind) {
            case 1:
              DepthwiseInt8InteriorAvx512<1>(
                  g, in_image + c, filter + c, mask, count, y0, ky_lo, ky_hi,
                  ox_lo, interior_end, bv, input_offset, mult, shift,
                  output_offset, act_min, act_max, out_row + c);
              break;
            case 2:
              DepthwiseInt8InteriorAvx512<2>(
                  g, in_image + c, filter + c, mask, count, y0, ky_lo, ky_hi,
                  ox_lo, interior_end, bv, input_offset, mult, shift,
                  output_offset, act_min, act_max, out_row + c);
              break;
            default:
              DepthwiseInt8InteriorAvx512<0>(
                  g, in_image + c, filter + c, mask, count, y0, ky_lo, ky_hi,
                  ox_lo, interior_end, bv, input_offset, mult, shift,
                  output_offset, act_min, act_max, out_row + c);
          }
        }
        for (int ox = interior_end; ox < g.output_width; ++ox) {
          DepthwiseInt8EdgeAvx512(g, q, WindowAt(g, b, oy, ox), c0, input,
                                  filter, bias, output);
        }
      }
    }
  }
}

// One output pixel, channels [c0, c0 + 64) (fewer at the end).
TFLITE_TARGET_AVX512 void DepthwiseInt8EdgeAvx512(const ConvGeometry& g,
                                                  const QuantizedOutput& q,
                                                  const PixelWindow& pw,
                                                  int c0, const int8_t* input,
                                                  const int8_t* filter,
                                                  const int32_t* bias,
                                                  int8_t* output) {
  switch ((std::min(64, g.output_depth - c0) + 15) / 16) {
    case 1:
      DepthwiseInt8Avx512Block<1>(g, q, pw, c0, input, filter, bias, output);
      return;
    case 2:
      DepthwiseInt8Avx512Block<2>(g, q, pw, c0, input, filter, bias, output);
      return;
    case 3:
      DepthwiseInt8Avx512Block<3>(g, q, pw, c0, input, filter, bias, output);
      return;
    default:
      DepthwiseInt8Avx512Block<4>(g, q, pw, c0, input, filter, bias, output);
  }
}

TFLITE_TARGET_AVX512 void DepthwiseInt8Avx512(const ConvGeometry& g,
                                              const QuantizedOutput& q,
                                              const int8_t* input,
                                              const int8_t* filter,
                                              const int32_t* bias,
                                              int8_t* output) {
  if (g.depth_multiplier == 1) {
    DepthwiseInt8RowsAvx512(g, q, input, filter, bias, output);
    return;
  }
  const int depth = g.output_depth;
  TFLITE_FOR_EACH_OUTPUT_PIXEL(g, pw) {
    for (int c0 = 0; c0 < depth; c0 += 64) {
      switch ((std::min(64, depth - c0) + 15) / 16) {
        case 1:
          DepthwiseInt8Avx512Block<1>(g, q, pw, c0, input, filter, bias,
                                      output);
          break;
        case 2:
          DepthwiseInt8Avx512Block<2>(g, q, pw, c0, input, filter, bias,
                                      output);
          break;
        case 3:
          DepthwiseInt8Avx512Block<3>(g, q, pw, c0, input, filter, bias,
                                      output);
          break;
        default:
          DepthwiseInt8Avx512Block<4>(g, q, pw, c0, input, filter, bias,
                                      output);
      }
    }
  }
}

#endif  // TFLITE_OPTIMIZED_X86

}  // namespace

bool DepthwiseInPlaceAllowed(const DepthwiseParams& params,
                             const RuntimeShape& input_shape,
                             const RuntimeShape& filter_shape,
                             const RuntimeShape& output_shape) {
  const ConvGeometry g =
      MakeConvGeometry(params, input_shape, filter_shape, output_shape);
  if (g.depth_multiplier != 1 || g.output_depth != g.input_depth) return false;
  if (g.batches > 1 && static_cast<long>(g.input_height) * g.input_width <
                           static_cast<long>(g.output_height) * g.output_width) {
    return false;
  }
  for (int oy = 0; oy < g.output_height; ++oy) {
    const long y = std::max(0, oy * g.stride_height - g.pad_height);
    for (int ox = 0; ox < g.output_width; ++ox) {
      const long x = std::max(0, ox * g.stride_width - g.pad_width);
      if (y * g.input_width + x <
          static_cast<long>(oy) * g.output_width + ox) {
        return false;
      }
    }
  }
  return true;
}

void DepthwiseConv(const DepthwiseParams& params,
                   const RuntimeShape& input_shape, const float* input_data,
                   const RuntimeShape& filter_shape, const float* filter_data,
                   const float* bias_data, const RuntimeShape& output_shape,
                   float* output_data, Isa isa) {
  const ConvGeometry g =
      MakeConvGeometry(params, input_shape, filter_shape, output_shape);
  const float lo = params.float_activation_min;
  const float hi = params.float_activation_max;
  switch (isa) {
#if TFLITE_OPTIMIZED_X86
    case Isa::kAvx512Vnni:
      DepthwiseFloatAvx512(g, lo, hi, input_data, filter_data, bias_data,
                           output_data);
      return;
    case Isa::kAvx2:
      DepthwiseFloatAvx2(g, lo, hi, input_data, filter_data, bias_data,
                         output_data);
      return;
#endif
    default:
      DepthwiseFloatGeneric(g, lo, hi, input_data, filter_data, bias_data,
                            output_data);
  }
}

}  // namespace optimized_ops

namespace optimized_integer_ops {

void DepthwiseConvPerChannel(
    const DepthwiseParams& params, const int32_t* output_multiplier,
    const int32_t* output_shift, const RuntimeShape& input_shape,
    const int8_t* input_data, const RuntimeShape& filter_shape,
    const int8_t* filter_data, const int32_t* bias_data,
    const RuntimeShape& output_shape, int8_t* output_data,
    optimized_ops::Isa isa) {
  using optimized_ops::Isa;
  const optimized_ops::ConvGeometry g = optimized_ops::MakeConvGeometry(
      params, input_shape, filter_shape, output_shape);
  const optimized_ops::QuantizedOutput q = optimized_ops::MakeQuantizedOutput(
      params, output_multiplier, output_shift);
  switch (isa) {
#if TFLITE_OPTIMIZED_X86
    case Isa::kAvx512Vnni:
      if ((g.depth_multiplier == 1 || g.input_depth == 1) &&
          optimized_ops::ShiftsFitVectorRequantize(
                                         output_shift, g.output_depth)) {
        optimized_ops::DepthwiseInt8Avx512(g, q, input_data, filter_data,
                                           bias_data, output_data);
        return;
      }
      optimized_ops::DepthwiseInt8Avx2(g, q, input_data, filter_data,
                                       bias_data, output_data);
      return;
    case Isa::kAvx2:
      optimized_ops::DepthwiseInt8Avx2(g, q, input_data, filter_data,
                                       bias_data, output_data);
      return;
#endif
    default:
#if TFLITE_OPTIMIZED_ARM_MVE
      optimized_ops::cortex_m::DepthwiseInt8Mve(g, q, input_data, filter_data,
                                                bias_data, output_data);
#elif TFLITE_OPTIMIZED_ARM_DSP
      optimized_ops::cortex_m::DepthwiseInt8Dsp(g, q, input_data, filter_data,
                                                bias_data, output_data);
#elif TFLITE_OPTIMIZED_CORTEX_M
      optimized_ops::cortex_m::DepthwiseInt8Scalar(
          g, q, input_data, filter_data, bias_data, output_data);
#else
      optimized_ops::DepthwiseInt8Generic(g, q, input_data, filter_data,
                                          bias_data, output_data);
#endif
  }
}

}  // namespace optimized_integer_ops
}  // namespace tflite
