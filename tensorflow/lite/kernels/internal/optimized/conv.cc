#include "tensorflow/lite/kernels/internal/optimized/conv.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "tensorflow/lite/kernels/internal/optimized/cortex_m_dsp.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_mve.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_scalar.h"
#include "tensorflow/lite/kernels/internal/optimized/simd.h"
#include "tensorflow/lite/kernels/internal/reference/conv.h"

namespace tflite {
namespace optimized_ops {
namespace {

// Output pixels gathered and computed together.
constexpr int kRows = 8;
// Output channels packed together: int8 and float.
constexpr int kInt8Channels = 32;
constexpr int kFloatChannels = 16;

// Float filters of at most this many packed bytes are packed whole, once
// per invoke (then every tile of rows is gathered once); larger ones 32
// output channels at a time.
constexpr int kFloatPackAllBytes = 16384;

// Output channels of packed float filter held in scratch.
int FloatPackedLanes(int output_depth, int taps) {
  const int all = (output_depth + kFloatChannels - 1) / kFloatChannels *
                  kFloatChannels;
  if (static_cast<long>(all) * taps * sizeof(float) <= kFloatPackAllBytes) {
    return all;
  }
  return std::min(all, 2 * kFloatChannels);
}

// In-place pointwise convolutions pack all their filter at once: only when
// that is at most this many bytes.
constexpr int kInPlaceMaxPackedBytes = 4096;

// Output channels per packed int8 filter block: 16 when there are at most
// 16, else 32.
int PackedLanes(int output_depth) {
  return output_depth > 16 ? kInt8Channels : 16;
}

template <typename T>
T* AlignedScratch(void* base, size_t offset) {
  const uintptr_t address = reinterpret_cast<uintptr_t>(base) + offset;
  return reinterpret_cast<T*>((address + 63) & ~static_cast<uintptr_t>(63));
}

// Copies the filter window of output pixel `m` (taps in (ky, kx, channel)
// order, `pad` where the window leaves the input) to dst[0, K).
// Output pixel position; tiles step through it without divisions.
struct PixelPosition {
  int b, oy, ox;
};

inline PixelPosition PositionOf(const ConvGeometry& g, int m) {
  const int pixels = g.output_height * g.output_width;
  PixelPosition p;
  p.b = m / pixels;
  const int rest = m - p.b * pixels;
  p.oy = rest / g.output_width;
  p.ox = rest - p.oy * g.output_width;
  return p;
}

inline void NextPosition(const ConvGeometry& g, PixelPosition* p) {
  if (++p->ox < g.output_width) return;
  p->ox = 0;
  if (++p->oy < g.output_height) return;
  p->oy = 0;
  ++p->b;
}

template <typename T>
TFLITE_ALWAYS_INLINE void GatherPatch(const ConvGeometry& g, const T* input,
                                      const PixelPosition& pos, T pad,
                                      T* dst) {
  const int b = pos.b;
  const int oy = pos.oy;
  const int ox = pos.ox;
  const int depth = g.input_depth;
  const int row_taps = g.filter_width * depth;
  const int y0 = oy * g.stride_height - g.pad_height;
  const int x0 = ox * g.stride_width - g.pad_width;
  const T* image =
      input + static_cast<size_t>(b) * g.input_height * g.input_width * depth;
  for (int ky = 0; ky < g.filter_height; ++ky) {
    const int y = y0 + ky * g.dilation_height;
    T* row = dst + ky * row_taps;
    if (y < 0 || y >= g.input_height) {
      std::fill(row, row + row_taps, pad);
      continue;
    }
    const T* in_row = image + static_cast<size_t>(y) * g.input_width * depth;
    if (g.dilation_width == 1 && x0 >= 0 &&
        x0 + g.filter_width <= g.input_width) {
      std::memcpy(row, in_row + x0 * depth, sizeof(T) * row_taps);
      continue;
    }
    for (int kx = 0; kx < g.filter_width; ++kx) {
      const int x = x0 + kx * g.dilation_width;
      T* tap = row + kx * depth;
      if (x < 0 || x >= g.input_width) {
        std::fill(tap, tap + depth, pad);
      } else {
        std::memcpy(tap, in_row + x * depth, sizeof(T) * depth);
      }
    }
  }
}

// Patches of output pixels [m0, m0 + rows) into rows of `stride` elements;
// elements [K, stride) of each row are zero. Rows past `rows` repeat the
// first (computed, never stored).
template <typename T>
TFLITE_ALWAYS_INLINE void GatherTile(const ConvGeometry& g, const T* input,
                                     int m0, int rows, T pad, int stride,
                                     T* tile) {
  const int k = g.filter_height * g.filter_width * g.input_depth;
  const bool pointwise = g.filter_height == 1 && g.filter_width == 1 &&
                         g.stride_height == 1 && g.stride_width == 1 &&
                         g.pad_height == 0 && g.pad_width == 0;
  if (pointwise && stride == k) {
    std::memcpy(tile, input + static_cast<size_t>(m0) * k,
                sizeof(T) * rows * k);
    return;
  }
  PixelPosition pos = PositionOf(g, m0);
  for (int r = 0; r < rows; ++r) {
    T* dst = tile + r * stride;
    if (pointwise) {
      std::memcpy(dst, input + static_cast<size_t>(m0 + r) * k, sizeof(T) * k);
    } else {
      GatherPatch(g, input, pos, pad, dst);
      NextPosition(g, &pos);
    }
    std::fill(dst + k, dst + stride, T(0));
  }
}

// Whether any output's filter window reaches into the padding.
bool TouchesPadding(const ConvGeometry& g) {
  if (g.pad_height > 0 || g.pad_width > 0) return true;
  const int last_y = (g.output_height - 1) * g.stride_height - g.pad_height +
                     (g.filter_height - 1) * g.dilation_height;
  const int last_x = (g.output_width - 1) * g.stride_width - g.pad_width +
                     (g.filter_width - 1) * g.dilation_width;
  return last_y >= g.input_height || last_x >= g.input_width;
}

#if !TFLITE_OPTIMIZED_CORTEX_M
// ------------------------------------------------------------ int8 generic

// Filter element (output channel n, tap k).
template <typename T>
TFLITE_ALWAYS_INLINE T FilterAt(const ConvGeometry& g, const T* filter, int n,
                                int k, int k_size) {
  (void)g;
  return filter[static_cast<size_t>(n) * k_size + k];
}

// Portable int8 convolution: packed filter blocks [K][16 or 32] int8, tile
// [8][K] int8.
TFLITE_ALWAYS_INLINE void GenericPackBlock(const ConvGeometry& g,
                                           const int8_t* filter, int k_size,
                                           int n0, int nb, int lanes,
                                           int8_t* packed) {
  for (int k = 0; k < k_size; ++k) {
    int8_t* dst = packed + k * lanes;
    for (int j = 0; j < lanes; ++j) {
      dst[j] = j < nb ? FilterAt(g, filter, n0 + j, k, k_size) : 0;
    }
  }
}

TFLITE_ALWAYS_INLINE void GenericTile(Isa isa, const QuantizedOutput& q,
                                      const int8_t* tile, int k_size, int rows,
                                      const int8_t* packed, int lanes, int n0,
                                      int nb, const int32_t* bias,
                                      int out_stride, int8_t* out) {
  uint32_t acc[kRows][kInt8Channels];
  for (int r = 0; r < kRows; ++r) {
    for (int j = 0; j < kInt8Channels; ++j) {
      acc[r][j] =
          (bias != nullptr && j < nb) ? static_cast<uint32_t>(bias[n0 + j]) : 0u;
    }
  }
  for (int k = 0; k < k_size; ++k) {
    const int8_t* w = packed + k * lanes;
    for (int r = 0; r < kRows; ++r) {
      const int32_t a =
          tile[std::min(r, rows - 1) * k_size + k] + q.input_offset;
      for (int j = 0; j < lanes; ++j) {
        acc[r][j] += static_cast<uint32_t>(a * static_cast<int32_t>(w[j]));
      }
    }
  }
  for (int r = 0; r < rows; ++r) {
    int32_t values[kInt8Channels];
    for (int j = 0; j < nb; ++j) values[j] = static_cast<int32_t>(acc[r][j]);
    RequantizeRow(isa, values, nb, q.multiplier + n0, q.shift + n0,
                  q.output_offset, q.act_min, q.act_max, out + r * out_stride);
  }
}

TFLITE_ALWAYS_INLINE void ConvInt8GenericBody(
    Isa isa, const ConvGeometry& g, const QuantizedOutput& q,
    const int8_t* input, const int8_t* filter, const int32_t* bias,
    int8_t* output, void* scratch, bool in_place) {
  const int k_size = g.filter_height * g.filter_width * g.input_depth;
  const int k4 = RoundUp(k_size, 4);
  const int n_size = g.output_depth;
  const int m_size = g.batches * g.output_height * g.output_width;
  const int8_t pad = static_cast<int8_t>(-q.input_offset);
  int8_t* packed = AlignedScratch<int8_t>(scratch, 0);
  if (!in_place) {
    const int lanes = PackedLanes(n_size);
    int8_t* tile = packed + lanes * k4;
    for (int n0 = 0; n0 < n_size; n0 += kInt8Channels) {
      const int nb = std::min(kInt8Channels, n_size - n0);
      GenericPackBlock(g, filter, k_size, n0, nb, lanes, packed);
      for (int m0 = 0; m0 < m_size; m0 += kRows) {
        const int rows = std::min(kRows, m_size - m0);
        GatherTile<int8_t>(g, input, m0, rows, pad, k_size, tile);
        GenericTile(isa, q, tile, k_size, rows, packed, lanes, n0, nb, bias,
                    n_size, output + static_cast<size_t>(m0) * n_size + n0);
      }
    }
    return;
  }
  // Output over input: as in ConvInt8Vnni.
  int8_t* tile = packed + RoundUp(n_size, 16) * k4;
  for (int n0 = 0; n0 < n_size; n0 += kInt8Channels) {
    const int nb = std::min(kInt8Channels, n_size - n0);
    GenericPackBlock(g, filter, k_size, n0, nb, PackedLanes(nb),
                     packed + n0 * k4);
  }
  const int tiles = (m_size + kRows - 1) / kRows;
  const bool descending = n_size >= k_size;
  for (int i = 0; i < tiles; ++i) {
    const int m0 = (descending ? tiles - 1 - i : i) * kRows;
    const int rows = std::min(kRows, m_size - m0);
    GatherTile<int8_t>(g, input, m0, rows, pad, k_size, tile);
    for (int n0 = 0; n0 < n_size; n0 += kInt8Channels) {
      const int nb = std::min(kInt8Channels, n_size - n0);
      GenericTile(isa, q, tile, k_size, rows, packed + n0 * k4,
                  PackedLanes(nb), n0, nb, bias, n_size,
                  output + static_cast<size_t>(m0) * n_size + n0);
    }
  }
}

void ConvInt8Generic(const ConvGeometry& g, const QuantizedOutput& q,
                     const int8_t* input, const int8_t* filter,
                     const int32_t* bias, int8_t* output, void* scratch,
                     bool in_place) {
  ConvInt8GenericBody(Isa::kGeneric, g, q, input, filter, bias, output,
                      scratch, in_place);
}

#endif  // !TFLITE_OPTIMIZED_CORTEX_M

// ------------------------------------------------------------------ float
//
// Per block of 16 output channels: the filter block is packed [K][16], then
// tiles of up to 8 rows (pointwise convolutions read their input rows in
// place, others gather patches) are multiplied by it. Every output is summed
// over k in order from +0, then the bias is added and the result clamped, as
// in the reference.

bool IsPointwise(const ConvGeometry& g) {
  return g.filter_height == 1 && g.filter_width == 1 &&
         g.stride_height == 1 && g.stride_width == 1 && g.pad_height == 0 &&
         g.pad_width == 0;
}

// Rows [0, rows) of `a` (rows `a_stride` apart) times one packed block of 16
// output channels, nb of them stored.
TFLITE_ALWAYS_INLINE void FloatPackedTilePortable(
    const float* a, int a_stride, int rows, int k_size, const float* w16,
    const float* bias, int nb, float lo, float hi, float* out,
    int out_stride) {
  float acc[kRows][kFloatChannels];
  for (int r = 0; r < kRows; ++r) {
    for (int j = 0; j < kFloatChannels; ++j) acc[r][j] = 0.f;
  }
  for (int k = 0; k < k_size; ++k) {
    const float* w = w16 + k * kFloatChannels;
    for (int r = 0; r < rows; ++r) {
      const float x = a[r * a_stride + k];
      for (int j = 0; j < kFloatChannels; ++j) {
        const float product = x * w[j];
        acc[r][j] = acc[r][j] + product;
      }
    }
  }
  for (int r = 0; r < rows; ++r) {
    for (int j = 0; j < nb; ++j) {
      const float b = bias != nullptr ? bias[j] : 0.f;
      out[r * out_stride + j] =
          ActivationFunctionWithMinMax(acc[r][j] + b, lo, hi);
    }
  }
}

// Packs output channels [n0, n0 + nb) as [K][16], zero lanes past nb.
TFLITE_ALWAYS_INLINE void PackFloatBlockPortable(const float* filter,
                                                 int k_size, int n0, int nb,
                                                 float* dst) {
  for (int j = 0; j < kFloatChannels; ++j) {
    const float* src = filter + static_cast<size_t>(n0 + j) * k_size;
    for (int k = 0; k < k_size; ++k) {
      dst[k * kFloatChannels + j] = j < nb ? src[k] : 0.f;
    }
  }
}

TFLITE_ALWAYS_INLINE void ConvFloatPortableBody(
    const ConvGeometry& g, float lo, float hi, const float* input,
    const float* filter, const float* bias, float* output, void* scratch) {
  const int k_size = g.filter_height * g.filter_width * g.input_depth;
  const int n_size = g.output_depth;
  const int m_size = g.batches * g.output_height * g.output_width;
  float* packed = AlignedScratch<float>(scratch, 0);
  float* tile = packed + kFloatChannels * k_size;
  const bool pointwise = IsPointwise(g);
  for (int n0 = 0; n0 < n_size; n0 += kFloatChannels) {
    const int nb = std::min(kFloatChannels, n_size - n0);
    PackFloatBlockPortable(filter, k_size, n0, nb, packed);
    for (int m0 = 0; m0 < m_size; m0 += kRows) {
      const int rows = std::min(kRows, m_size - m0);
      const float* a = input + static_cast<size_t>(m0) * k_size;
      if (!pointwise) {
        GatherTile<float>(g, input, m0, rows, 0.f, k_size, tile);
        a = tile;
      }
      FloatPackedTilePortable(a, k_size, rows, k_size, packed,
                              bias != nullptr ? bias + n0 : nullptr, nb, lo,
                              hi, output + static_cast<size_t>(m0) * n_size + n0,
                              n_size);
    }
  }
}

void ConvFloatGeneric(const ConvGeometry& g, float lo, float hi,
                      const float* input, const float* filter,
                      const float* bias, float* output, void* scratch) {
  ConvFloatPortableBody(g, lo, hi, input, filter, bias, output, scratch);
}

#if TFLITE_OPTIMIZED_X86
TFLITE_TARGET_AVX2 void ConvFloatAvx2(const ConvGeometry& g, float lo,
                                      float hi, const float* input,
                                      const float* filter, const float* bias,
                                      float* output, void* scratch) {
  ConvFloatPortableBody(g, lo, hi, input, filter, bias, output, scratch);
}
#endif  // TFLITE_OPTIMIZED_X86

#if TFLITE_OPTIMIZED_X86

TFLITE_TARGET_AVX2 void ConvInt8Avx2(const ConvGeometry& g,
                                     const QuantizedOutput& q,
                                     const int8_t* input, const int8_t* filter,
                                     const int32_t* bias, int8_t* output,
                                     void* scratch, bool in_place) {
  ConvInt8GenericBody(Isa::kAvx2, g, q, input, filter, bias, output, scratch,
                      in_place);
}

// Transposes the 16 x 16 floats in r (r[i][j] becomes r[j][i]).
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void Transpose16x16(__m512 r[16]) {
  // Within 128-bit lanes: pairs of rows, then 4 x 4 blocks, so that u[4g+q]
  // lane l holds rows 4g..4g+3 of column 4l+q.
  __m512 t[16];
  __m512 u[16];
#pragma GCC unroll 8
  for (int i = 0; i < 8; ++i) {
    t[2 * i] = _mm512_unpacklo_ps(r[2 * i], r[2 * i + 1]);
    t[2 * i + 1] = _mm512_unpackhi_ps(r[2 * i], r[2 * i + 1]);
  }
#pragma GCC unroll 4
  for (int g = 0; g < 4; ++g) {
    const __m512d a = _mm512_castps_pd(t[4 * g]);
    const __m512d b = _mm512_castps_pd(t[4 * g + 1]);
    const __m512d c = _mm512_castps_pd(t[4 * g + 2]);
    const __m512d d = _mm512_castps_pd(t[4 * g + 3]);
    u[4 * g] = _mm512_castpd_ps(_mm512_unpacklo_pd(a, c));
    u[4 * g + 1] = _mm512_castpd_ps(_mm512_unpackhi_pd(a, c));
    u[4 * g + 2] = _mm512_castpd_ps(_mm512_unpacklo_pd(b, d));
    u[4 * g + 3] = _mm512_castpd_ps(_mm512_unpackhi_pd(b, d));
  }
  // Across lanes: column 4l+q takes lane l of u[q], u[4+q], u[8+q], u[12+q].
#pragma GCC unroll 4
  for (int q = 0; q < 4; ++q) {
    const __m512 v0 = _mm512_shuffle_f32x4(u[q], u[4 + q], 0x88);
    const __m512 v1 = _mm512_shuffle_f32x4(u[q], u[4 + q], 0xDD);
    const __m512 w0 = _mm512_shuffle_f32x4(u[8 + q], u[12 + q], 0x88);
    const __m512 w1 = _mm512_shuffle_f32x4(u[8 + q], u[12 + q], 0xDD);
    r[q] = _mm512_shuffle_f32x4(v0, w0, 0x88);
    r[8 + q] = _mm512_shuffle_f32x4(v0, w0, 0xDD);
    r[4 + q] = _mm512_shuffle_f32x4(v1, w1, 0x88);
    r[12 + q] = _mm512_shuffle_f32x4(v1, w1, 0xDD);
  }
}

// ------------------------------------------------------ int8 AVX-512 VNNI
//
// u8 x s8 dot products of 4 taps (vpdpbusd). Inputs are stored as
// u = x + 128, so sum((x + offset) * w) = sum(u * w) + (offset - 128) *
// sum(w); padding taps hold x = -offset (they add nothing). The packed filter
// holds, for each group of 4 taps, 16 * kCols channels x 4 bytes.

template <int kCols>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void VnniTile(
    const uint8_t* tile, int k4, int rows, const int8_t* packed,
    const int32_t* correction, const int32_t* multiplier,
    const int32_t* shift, const QuantizedOutput& q, int nb, int out_stride,
    int8_t* out) {
  __m512i acc[kRows][kCols];
  __m512i start[kCols];
#pragma GCC unroll 2
  for (int c = 0; c < kCols; ++c) start[c] = _mm512_loadu_si512(correction + 16 * c);
#pragma GCC unroll 8
  for (int r = 0; r < kRows; ++r) {
#pragma GCC unroll 2
    for (int c = 0; c < kCols; ++c) acc[r][c] = start[c];
  }
  const uint8_t* a[kRows];
#pragma GCC unroll 8
  for (int r = 0; r < kRows; ++r) a[r] = tile + (r < rows ? r : 0) * k4;
  for (int k = 0; k < k4; k += 4) {
    __m512i w[kCols];
#pragma GCC unroll 2
    for (int c = 0; c < kCols; ++c) {
      w[c] = _mm512_loadu_si512(packed + k * 16 * kCols + 64 * c);
    }
#pragma GCC unroll 8
    for (int r = 0; r < kRows; ++r) {
      int32_t four;
      std::memcpy(&four, a[r] + k, 4);
      const __m512i x = _mm512_set1_epi32(four);
#pragma GCC unroll 2
      for (int c = 0; c < kCols; ++c) {
        acc[r][c] = _mm512_dpbusd_epi32(acc[r][c], x, w[c]);
      }
    }
  }
  const __m512i offset = _mm512_set1_epi32(q.output_offset);
  const __m512i act_min = _mm512_set1_epi32(q.act_min);
  const __m512i act_max = _mm512_set1_epi32(q.act_max);
  __m512i mult[kCols];
  __m512i shf[kCols];
#pragma GCC unroll 2
  for (int c = 0; c < kCols; ++c) {
    mult[c] = _mm512_loadu_si512(multiplier + 16 * c);
    shf[c] = _mm512_loadu_si512(shift + 16 * c);
  }
#pragma GCC unroll 8
  for (int r = 0; r < kRows; ++r) {
    if (r >= rows) break;
#pragma GCC unroll 2
    for (int c = 0; c < kCols; ++c) {
      const int count = std::min(16, nb - 16 * c);
      if (count <= 0) continue;
      RequantizeStore16(acc[r][c], mult[c], shf[c], offset, act_min, act_max,
                        count, out + r * out_stride + 16 * c);
    }
  }
}

// Packs output channels [n0, n0 + nb) (16 or 32 lanes) and their
// per-channel terms. Groups of 4 taps are 32-bit words, so packing is a
// 16 x 16 transpose of words (64 taps of 16 channels at a time); lanes past
// nb are zero.
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void VnniPackBlock(
    const ConvGeometry& g, const QuantizedOutput& q, const int8_t* filter,
    const int32_t* bias, int k_size, int k4, int n0, int nb, int8_t* packed,
    int32_t* correction, int32_t* multiplier, int32_t* shift) {
  (void)g;
  const uint32_t offset_minus_128 =
      static_cast<uint32_t>(q.input_offset) - 128u;
  const int lanes = nb > 16 ? 32 : 16;
  const __m512i ones = _mm512_set1_epi8(1);
  for (int j0 = 0; j0 < lanes; j0 += 16) {
    const int count = std::max(0, std::min(16, nb - j0));
    __m512i sums = _mm512_setzero_si512();
    for (int k = 0; k < k4; k += 64) {
      const int bytes = std::min(64, k_size - k);
      const __mmask64 mask =
          bytes >= 64 ? ~static_cast<__mmask64>(0)
                      : (static_cast<__mmask64>(1) << bytes) - 1;
      __m512 r[16];
#pragma GCC unroll 16
      for (int j = 0; j < 16; ++j) {
        r[j] = j < count
                   ? _mm512_castsi512_ps(_mm512_maskz_loadu_epi8(
                         mask, filter +
                                   static_cast<size_t>(n0 + j0 + j) * k_size +
                                   k))
                   : _mm512_setzero_ps();
      }
      Transpose16x16(r);
      const int groups = std::min(16, (k4 - k) / 4);
      for (int i = 0; i < groups; ++i) {
        const __m512i v = _mm512_castps_si512(r[i]);
        _mm512_storeu_si512(packed + ((k / 4 + i) * lanes + j0) * 4, v);
        sums = _mm512_dpbusd_epi32(sums, ones, v);
      }
    }
    alignas(64) int32_t sum[16];
    _mm512_store_si512(sum, sums);
    for (int j = 0; j < 16; ++j) {
      if (j < count) {
        correction[j0 + j] = static_cast<int32_t>(
            (bias != nullptr ? static_cast<uint32_t>(bias[n0 + j0 + j]) : 0u) +
            offset_minus_128 * static_cast<uint32_t>(sum[j]));
        multiplier[j0 + j] = q.multiplier[n0 + j0 + j];
        shift[j0 + j] = q.shift[n0 + j0 + j];
      } else {
        correction[j0 + j] = 0;
        multiplier[j0 + j] = 0;
        shift[j0 + j] = 0;
      }
    }
  }
}

// Copies n bytes (or n copies of `fill` when src is null) made unsigned
// (x + 128), 64 at a time: patch rows are short, where memcpy calls
// dominate.
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void CopyFlipAvx512(
    const int8_t* src, int n, int8_t fill, uint8_t* dst) {
  const __m512i flip = _mm512_set1_epi8(static_cast<char>(0x80));
  const __m512i fill_v = _mm512_set1_epi8(fill);
  int i = 0;
  for (; i + 64 <= n; i += 64) {
    const __m512i v = src != nullptr ? _mm512_loadu_si512(src + i) : fill_v;
    _mm512_storeu_si512(dst + i, _mm512_xor_si512(v, flip));
  }
  if (i < n) {
    const __mmask64 mask = (~static_cast<__mmask64>(0)) >> (64 - (n - i));
    const __m512i v =
        src != nullptr ? _mm512_maskz_loadu_epi8(mask, src + i) : fill_v;
    _mm512_mask_storeu_epi8(dst + i, mask, _mm512_xor_si512(v, flip));
  }
}

// VnniGather for patches that are not input rows: each filter row (or tap)
// copied and made unsigned at once; taps [K, k4) hold 0 (made unsigned).
TFLITE_TARGET_AVX512 void VnniGatherPatches(const ConvGeometry& g,
                                            const QuantizedOutput& q,
                                            const int8_t* input, int m0,
                                            int rows, int k4, uint8_t* tile) {
  const int8_t pad = static_cast<int8_t>(-q.input_offset);
  const int depth = g.input_depth;
  const int row_taps = g.filter_width * depth;
  const int k_size = g.filter_height * row_taps;
  PixelPosition pos = PositionOf(g, m0);
  for (int r = 0; r < rows; ++r, NextPosition(g, &pos)) {
    const int y0 = pos.oy * g.stride_height - g.pad_height;
    const int x0 = pos.ox * g.stride_width - g.pad_width;
    const int8_t* image = input + static_cast<size_t>(pos.b) * g.input_height *
                                      g.input_width * depth;
    uint8_t* dst = tile + static_cast<size_t>(r) * k4;
    const bool inside_x = g.dilation_width == 1 && x0 >= 0 &&
                          x0 + g.filter_width <= g.input_width;
    for (int ky = 0; ky < g.filter_height; ++ky) {
      const int y = y0 + ky * g.dilation_height;
      uint8_t* row = dst + ky * row_taps;
      if (y < 0 || y >= g.input_height) {
        CopyFlipAvx512(nullptr, row_taps, pad, row);
        continue;
      }
      const int8_t* in_row =
          image + static_cast<size_t>(y) * g.input_width * depth;
      if (inside_x) {
        CopyFlipAvx512(in_row + x0 * depth, row_taps, pad, row);
        continue;
      }
      for (int kx = 0; kx < g.filter_width; ++kx) {
        const int x = x0 + kx * g.dilation_width;
        CopyFlipAvx512(x < 0 || x >= g.input_width ? nullptr
                                                   : in_row + x * depth,
                       depth, pad, row + kx * depth);
      }
    }
    if (k4 > k_size) CopyFlipAvx512(nullptr, k4 - k_size, 0, dst + k_size);
  }
}

// Gathers the patches of rows [m0, m0 + rows) and makes them unsigned.
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void VnniGather(
    const ConvGeometry& g, const QuantizedOutput& q, const int8_t* input,
    int m0, int rows, int k4, uint8_t* tile) {
  if (!IsPointwise(g)) {
    VnniGatherPatches(g, q, input, m0, rows, k4, tile);
    return;
  }
  const __m512i flip = _mm512_set1_epi8(static_cast<char>(0x80));
  int8_t* raw = reinterpret_cast<int8_t*>(tile);
  GatherTile<int8_t>(g, input, m0, rows, static_cast<int8_t>(-q.input_offset),
                     k4, raw);
  const int bytes = rows * k4;
  int i = 0;
  for (; i + 64 <= bytes; i += 64) {
    const __m512i v = _mm512_loadu_si512(raw + i);
    _mm512_storeu_si512(raw + i, _mm512_xor_si512(v, flip));
  }
  if (i < bytes) {
    const __mmask64 mask = (~static_cast<__mmask64>(0)) >> (64 - (bytes - i));
    const __m512i v = _mm512_maskz_loadu_epi8(mask, raw + i);
    _mm512_mask_storeu_epi8(raw + i, mask, _mm512_xor_si512(v, flip));
  }
}

TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void VnniBlockTile(
    const uint8_t* tile, int k4, int rows, const int8_t* packed,
    const int32_t* correction, const int32_t* multiplier,
    const int32_t* shift, const QuantizedOutput& q, int nb, int out_stride,
    int8_t* out) {
  if (nb > 16) {
    VnniTile<2>(tile, k4, rows, packed, correction, multiplier, shift, q, nb,
                out_stride, out);
  } else {
    VnniTile<1>(tile, k4, rows, packed, correction, multiplier, shift, q, nb,
                out_stride, out);
  }
}

TFLITE_TARGET_AVX512 void ConvInt8Vnni(const ConvGeometry& g,
                                       const QuantizedOutput& q,
                                       const int8_t* input,
                                       const int8_t* filter,
                                       const int32_t* bias, int8_t* output,
                                       void* scratch, bool in_place) {
  const int k_size = g.filter_height * g.filter_width * g.input_depth;
  const int k4 = RoundUp(k_size, 4);
  const int n_size = g.output_depth;
  const int m_size = g.batches * g.output_height * g.output_width;
  int8_t* packed = AlignedScratch<int8_t>(scratch, 0);
  if (!in_place) {
    uint8_t* tile =
        reinterpret_cast<uint8_t*>(packed + PackedLanes(n_size) * k4);
    alignas(64) int32_t correction[kInt8Channels];
    alignas(64) int32_t multiplier[kInt8Channels];
    alignas(64) int32_t shift[kInt8Channels];
    for (int n0 = 0; n0 < n_size; n0 += kInt8Channels) {
      const int nb = std::min(kInt8Channels, n_size - n0);
      VnniPackBlock(g, q, filter, bias, k_size, k4, n0, nb, packed,
                    correction, multiplier, shift);
      for (int m0 = 0; m0 < m_size; m0 += kRows) {
        const int rows = std::min(kRows, m_size - m0);
        VnniGather(g, q, input, m0, rows, k4, tile);
        VnniBlockTile(tile, k4, rows, packed, correction, multiplier, shift, q,
                      nb, n_size, output + static_cast<size_t>(m0) * n_size + n0);
      }
    }
    return;
  }
  // Output over input (pointwise): every filter block packed first, then
  // each tile of rows is read before its outputs are written, tiles in the
  // order that never overwrites rows still to be read.
  const int lanes_total = RoundUp(n_size, 16);
  uint8_t* tile = reinterpret_cast<uint8_t*>(packed + lanes_total * k4);
  int32_t* correction = reinterpret_cast<int32_t*>(tile + kRows * k4);
  int32_t* multiplier = correction + lanes_total;
  int32_t* shift = multiplier + lanes_total;
  for (int n0 = 0; n0 < n_size; n0 += kInt8Channels) {
    VnniPackBlock(g, q, filter, bias, k_size, k4, n0,
                  std::min(kInt8Channels, n_size - n0), packed + n0 * k4,
                  correction + n0, multiplier + n0, shift + n0);
  }
  const int tiles = (m_size + kRows - 1) / kRows;
  const bool descending = n_size >= k_size;
  for (int i = 0; i < tiles; ++i) {
    const int m0 = (descending ? tiles - 1 - i : i) * kRows;
    const int rows = std::min(kRows, m_size - m0);
    VnniGather(g, q, input, m0, rows, k4, tile);
    for (int n0 = 0; n0 < n_size; n0 += kInt8Channels) {
      VnniBlockTile(tile, k4, rows, packed + n0 * k4, correction + n0,
                    multiplier + n0, shift + n0, q,
                    std::min(kInt8Channels, n_size - n0), n_size,
                    output + static_cast<size_t>(m0) * n_size + n0);
    }
  }
}

// ---------------------------------------------------------- float AVX-512

// R rows x 16 * V output channels (V packed blocks) with R * V
// accumulators: each k loads V weight vectors and broadcasts R inputs.
template <int R, int V>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void FloatPackedTileAvx512(
    const float* a, int a_stride, int k_size, const float* w16,
    const float* bias, int nb, __m512 lo, __m512 hi, float* out,
    int out_stride) {
  const float* w_second = w16 + (V > 1 ? kFloatChannels * k_size : 0);
  __m512 acc[R][V];
#pragma GCC unroll 8
  for (int r = 0; r < R; ++r) {
#pragma GCC unroll 2
    for (int v = 0; v < V; ++v) acc[r][v] = _mm512_setzero_ps();
  }
  for (int k = 0; k < k_size; ++k) {
    __m512 w[V];
    w[0] = _mm512_load_ps(w16 + k * kFloatChannels);
    if (V > 1) w[V - 1] = _mm512_load_ps(w_second + k * kFloatChannels);
#pragma GCC unroll 8
    for (int r = 0; r < R; ++r) {
      const __m512 x = _mm512_set1_ps(a[r * a_stride + k]);
#pragma GCC unroll 2
      for (int v = 0; v < V; ++v) {
        acc[r][v] = _mm512_add_ps(acc[r][v], _mm512_mul_ps(x, w[v]));
      }
    }
  }
  __mmask16 masks[V];
  __m512 b[V];
#pragma GCC unroll 2
  for (int v = 0; v < V; ++v) {
    const int count = std::max(0, std::min(16, nb - 16 * v));
    masks[v] = static_cast<__mmask16>((1u << count) - 1);
    b[v] = bias != nullptr ? _mm512_maskz_loadu_ps(masks[v], bias + 16 * v)
                           : _mm512_setzero_ps();
  }
#pragma GCC unroll 8
  for (int r = 0; r < R; ++r) {
#pragma GCC unroll 2
    for (int v = 0; v < V; ++v) {
      __m512 y = _mm512_add_ps(acc[r][v], b[v]);
      y = _mm512_min_ps(hi, _mm512_max_ps(lo, y));
      _mm512_mask_storeu_ps(out + r * out_stride + 16 * v, masks[v], y);
    }
  }
}

template <int V>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void FloatPackedRowsAvx512(
    const float* a, int a_stride, int rows, int k_size, const float* w16,
    const float* bias, int nb, __m512 lo, __m512 hi, float* out,
    int out_stride) {
  switch (rows) {
#define TFLITE_FLOAT_TILE_CASE(R)                                        \
  case R:                                                                \
    FloatPackedTileAvx512<R, V>(a, a_stride, k_size, w16, bias, nb, lo, \
                                hi, out, out_stride);                    \
    return;
    TFLITE_FLOAT_TILE_CASE(1)
    TFLITE_FLOAT_TILE_CASE(2)
    TFLITE_FLOAT_TILE_CASE(3)
    TFLITE_FLOAT_TILE_CASE(4)
    TFLITE_FLOAT_TILE_CASE(5)
    TFLITE_FLOAT_TILE_CASE(6)
    TFLITE_FLOAT_TILE_CASE(7)
    TFLITE_FLOAT_TILE_CASE(8)
#undef TFLITE_FLOAT_TILE_CASE
    default:
      return;
  }
}

// Packs output channels [n0, n0 + nb) of an OHWI filter as [K][16] with
// 16 x 16 transposes. Lanes past nb repeat the last channel (computed,
// never stored).
TFLITE_TARGET_AVX512 void PackFloatBlockAvx512(const float* filter,
                                               int k_size, int n0, int nb,
                                               float* dst) {
  const float* rows[16];
  for (int j = 0; j < 16; ++j) {
    rows[j] = filter + static_cast<size_t>(n0 + std::min(j, nb - 1)) * k_size;
  }
  __m512 r[16];
  int k = 0;
  for (; k + 16 <= k_size; k += 16) {
#pragma GCC unroll 16
    for (int j = 0; j < 16; ++j) r[j] = _mm512_loadu_ps(rows[j] + k);
    Transpose16x16(r);
#pragma GCC unroll 16
    for (int i = 0; i < 16; ++i) _mm512_store_ps(dst + (k + i) * 16, r[i]);
  }
  if (k < k_size) {
    const int rest = k_size - k;
    const __mmask16 mask = static_cast<__mmask16>((1u << rest) - 1);
#pragma GCC unroll 16
    for (int j = 0; j < 16; ++j) r[j] = _mm512_maskz_loadu_ps(mask, rows[j] + k);
    Transpose16x16(r);
    for (int i = 0; i < rest; ++i) _mm512_store_ps(dst + (k + i) * 16, r[i]);
  }
}

// Copies n floats (or zeros them when src is null) 16 at a time: the gather
// copies are short (a filter row of taps), where a memcpy call dominates.
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void CopyFloatsAvx512(
    const float* src, int n, float* dst) {
  int i = 0;
  for (; i + 16 <= n; i += 16) {
    _mm512_storeu_ps(dst + i,
                     src != nullptr ? _mm512_loadu_ps(src + i)
                                    : _mm512_setzero_ps());
  }
  if (i < n) {
    const __mmask16 mask = static_cast<__mmask16>((1u << (n - i)) - 1);
    _mm512_mask_storeu_ps(dst + i, mask,
                          src != nullptr ? _mm512_maskz_loadu_ps(mask, src + i)
                                         : _mm512_setzero_ps());
  }
}

// GatherTile<float> (rows of exactly K taps, zeros for the padding) with
// CopyFloatsAvx512.
TFLITE_TARGET_AVX512 void GatherFloatTileAvx512(const ConvGeometry& g,
                                                const float* input, int m0,
                                                int rows, float* tile) {
  const int depth = g.input_depth;
  const int row_taps = g.filter_width * depth;
  const int k_size = g.filter_height * row_taps;
  PixelPosition pos = PositionOf(g, m0);
  for (int r = 0; r < rows; ++r, NextPosition(g, &pos)) {
    const int b = pos.b;
    const int oy = pos.oy;
    const int ox = pos.ox;
    const int y0 = oy * g.stride_height - g.pad_height;
    const int x0 = ox * g.stride_width - g.pad_width;
    const float* image =
        input + static_cast<size_t>(b) * g.input_height * g.input_width * depth;
    float* dst = tile + static_cast<size_t>(r) * k_size;
    const bool inside_x = g.dilation_width == 1 && x0 >= 0 &&
                          x0 + g.filter_width <= g.input_width;
    for (int ky = 0; ky < g.filter_height; ++ky) {
      const int y = y0 + ky * g.dilation_height;
      float* row = dst + ky * row_taps;
      if (y < 0 || y >= g.input_height) {
        CopyFloatsAvx512(nullptr, row_taps, row);
        continue;
      }
      const float* in_row =
          image + static_cast<size_t>(y) * g.input_width * depth;
      if (inside_x) {
        CopyFloatsAvx512(in_row + x0 * depth, row_taps, row);
        continue;
      }
      for (int kx = 0; kx < g.filter_width; ++kx) {
        const int x = x0 + kx * g.dilation_width;
        CopyFloatsAvx512(x < 0 || x >= g.input_width ? nullptr
                                                     : in_row + x * depth,
                         depth, row + kx * depth);
      }
    }
  }
}

// A tile of `rows` rows x output channels [n0, n0 + nb), nb <= 32, from
// consecutive packed blocks.
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE void FloatTileAvx512(
    const float* a, int a_stride, int rows, int k_size, const float* w16,
    const float* bias, int nb, __m512 lo, __m512 hi, float* out,
    int out_stride) {
  if (nb > kFloatChannels) {
    FloatPackedRowsAvx512<2>(a, a_stride, rows, k_size, w16, bias, nb, lo, hi,
                             out, out_stride);
  } else {
    FloatPackedRowsAvx512<1>(a, a_stride, rows, k_size, w16, bias, nb, lo, hi,
                             out, out_stride);
  }
}

// Filter packed per invoke, 32 output channels (2 blocks, 16 accumulators
// for 8 rows) at a time, or all at once when small (see FloatPackedLanes).
TFLITE_TARGET_AVX512 void ConvFloatAvx512(const ConvGeometry& g,
                                          float act_min, float act_max,
                                          const float* input,
                                          const float* filter,
                                          const float* bias, float* output,
                                          void* scratch) {
  const int k_size = g.filter_height * g.filter_width * g.input_depth;
  const int n_size = g.output_depth;
  const int m_size = g.batches * g.output_height * g.output_width;
  const int lanes = FloatPackedLanes(n_size, k_size);
  const size_t block = static_cast<size_t>(kFloatChannels) * k_size;
  float* packed = AlignedScratch<float>(scratch, 0);
  float* tile = packed + static_cast<size_t>(lanes) * k_size;
  const __m512 lo = _mm512_set1_ps(act_min);
  const __m512 hi = _mm512_set1_ps(act_max);
  const bool pointwise = IsPointwise(g);
  constexpr int kStep = 2 * kFloatChannels;
  if (lanes >= n_size && !pointwise) {
    // Whole filter packed once; each tile of rows gathered once.
    for (int n0 = 0; n0 < n_size; n0 += kFloatChannels) {
      PackFloatBlockAvx512(filter, k_size, n0,
                           std::min(kFloatChannels, n_size - n0),
                           packed + (n0 / kFloatChannels) * block);
    }
    for (int m0 = 0; m0 < m_size; m0 += kRows) {
      const int rows = std::min(kRows, m_size - m0);
      const float* a = input + static_cast<size_t>(m0) * k_size;
      if (!pointwise) {
        GatherFloatTileAvx512(g, input, m0, rows, tile);
        a = tile;
      }
      for (int n0 = 0; n0 < n_size; n0 += kStep) {
        FloatTileAvx512(a, k_size, rows, k_size,
                        packed + (n0 / kFloatChannels) * block,
                        bias != nullptr ? bias + n0 : nullptr,
                        std::min(kStep, n_size - n0), lo, hi,
                        output + static_cast<size_t>(m0) * n_size + n0,
                        n_size);
      }
    }
    return;
  }
  for (int n0 = 0; n0 < n_size; n0 += kStep) {
    const int nb = std::min(kStep, n_size - n0);
    PackFloatBlockAvx512(filter, k_size, n0, std::min(kFloatChannels, nb),
                         packed);
    if (nb > kFloatChannels) {
      PackFloatBlockAvx512(filter, k_size, n0 + kFloatChannels,
                           nb - kFloatChannels, packed + block);
    }
    const float* b = bias != nullptr ? bias + n0 : nullptr;
    for (int m0 = 0; m0 < m_size; m0 += kRows) {
      const int rows = std::min(kRows, m_size - m0);
      const float* a = input + static_cast<size_t>(m0) * k_size;
      if (!pointwise) {
        GatherFloatTileAvx512(g, input, m0, rows, tile);
        a = tile;
      }
      FloatTileAvx512(a, k_size, rows, k_size, packed, b, nb, lo, hi,
                      output + static_cast<size_t>(m0) * n_size + n0, n_size);
    }
  }
}

#endif  // TFLITE_OPTIMIZED_X86

}  // namespace

// --------------------------------------------------------- requantization

#if TFLITE_OPTIMIZED_X86
namespace {

TFLITE_TARGET_AVX512 int RequantizeRowAvx512(const int32_t* acc, int count,
                                             const int32_t* multiplier,
                                             const int32_t* shift,
                                             int32_t offset, int32_t act_min,
                                             int32_t act_max, int8_t* out) {
  const __m512i o = _mm512_set1_epi32(offset);
  const __m512i lo = _mm512_set1_epi32(act_min);
  const __m512i hi = _mm512_set1_epi32(act_max);
  for (int i = 0; i < count; i += 16) {
    const int n = std::min(16, count - i);
    const __mmask16 m = static_cast<__mmask16>((1u << n) - 1);
    RequantizeStore16(_mm512_maskz_loadu_epi32(m, acc + i),
                      _mm512_maskz_loadu_epi32(m, multiplier + i),
                      _mm512_maskz_loadu_epi32(m, shift + i), o, lo, hi, n,
                      out + i);
  }
  return count;
}

TFLITE_TARGET_AVX2 int RequantizeRowAvx2(const int32_t* acc, int count,
                                         const int32_t* multiplier,
                                         const int32_t* shift, int32_t offset,
                                         int32_t act_min, int32_t act_max,
                                         int8_t* out) {
  const __m256i o = _mm256_set1_epi32(offset);
  const __m256i lo = _mm256_set1_epi32(act_min - offset);
  const __m256i hi = _mm256_set1_epi32(act_max - offset);
  int i = 0;
  for (; i + 8 <= count; i += 8) {
    const __m256i a =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(acc + i));
    const __m256i m =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(multiplier + i));
    const __m256i s =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(shift + i));
    // As RequantizeStore16: clamp, then add the offset.
    __m256i v =
        _mm256_min_epi32(_mm256_max_epi32(Requantize8(a, m, s), lo), hi);
    v = _mm256_add_epi32(v, o);
    // Pack 8 int32 (within int8 range) to 8 bytes.
    const __m256i words = _mm256_packs_epi32(v, v);
    const __m256i bytes = _mm256_packs_epi16(words, words);
    const int32_t low = _mm256_extract_epi32(bytes, 0);
    const int32_t high = _mm256_extract_epi32(bytes, 4);
    std::memcpy(out + i, &low, 4);
    std::memcpy(out + i + 4, &high, 4);
  }
  return i;
}

}  // namespace
#endif  // TFLITE_OPTIMIZED_X86

void RequantizeRow(Isa isa, const int32_t* acc, int count,
                   const int32_t* multiplier, const int32_t* shift,
                   int32_t offset, int32_t act_min, int32_t act_max,
                   int8_t* out) {
  (void)isa;  // Only the x86 paths choose by it.
  int i = 0;
#if TFLITE_OPTIMIZED_X86
  if (isa != Isa::kGeneric && ShiftsFitVectorRequantize(shift, count)) {
    i = isa == Isa::kAvx512Vnni
            ? RequantizeRowAvx512(acc, count, multiplier, shift, offset,
                                  act_min, act_max, out)
            : RequantizeRowAvx2(acc, count, multiplier, shift, offset,
                                act_min, act_max, out);
  }
#endif
  for (; i < count; ++i) {
    out[i] = static_cast<int8_t>(RequantizeScalar(
        acc[i], multiplier[i], shift[i], offset, act_min, act_max));
  }
}

// ---------------------------------------------------------------- public

namespace {

template <typename Params>
ConvGeometry GeometryFrom(const Params& params,
                          const RuntimeShape& input_shape,
                          const RuntimeShape& filter_shape,
                          const RuntimeShape& output_shape) {
  ConvGeometry g;
  g.batches = input_shape.Dims(0);
  g.input_height = input_shape.Dims(1);
  g.input_width = input_shape.Dims(2);
  g.input_depth = input_shape.Dims(3);
  g.filter_height = filter_shape.Dims(1);
  g.filter_width = filter_shape.Dims(2);
  g.output_height = output_shape.Dims(1);
  g.output_width = output_shape.Dims(2);
  g.output_depth = output_shape.Dims(3);
  g.stride_height = params.stride_height;
  g.stride_width = params.stride_width;
  g.dilation_height = params.dilation_height_factor;
  g.dilation_width = params.dilation_width_factor;
  g.pad_height = params.padding_values.height;
  g.pad_width = params.padding_values.width;
  g.depth_multiplier = 1;
  return g;
}

}  // namespace

ConvGeometry MakeConvGeometry(const ConvParams& params,
                              const RuntimeShape& input_shape,
                              const RuntimeShape& filter_shape,
                              const RuntimeShape& output_shape) {
  return GeometryFrom(params, input_shape, filter_shape, output_shape);
}

ConvGeometry MakeConvGeometry(const DepthwiseParams& params,
                              const RuntimeShape& input_shape,
                              const RuntimeShape& filter_shape,
                              const RuntimeShape& output_shape) {
  ConvGeometry g =
      GeometryFrom(params, input_shape, filter_shape, output_shape);
  g.depth_multiplier = g.output_depth / g.input_depth;
  return g;
}

bool ConvSupported(const RuntimeShape& input_shape,
                   const RuntimeShape& filter_shape,
                   const RuntimeShape& output_shape) {
  return input_shape.DimensionsCount() == 4 &&
         filter_shape.DimensionsCount() == 4 &&
         output_shape.DimensionsCount() == 4 &&
         filter_shape.Dims(3) == input_shape.Dims(3) &&
         filter_shape.Dims(0) == output_shape.Dims(3);
}

size_t ConvScratchBytes(const RuntimeShape& input_shape,
                        const RuntimeShape& filter_shape, bool is_float) {
  const int taps =
      filter_shape.Dims(1) * filter_shape.Dims(2) * input_shape.Dims(3);
  // Packed filter block and input tile, 64-byte aligned within the buffer.
  if (is_float) {
    return sizeof(float) *
               (FloatPackedLanes(filter_shape.Dims(0), taps) + kRows) * taps +
           63;
  }
  return static_cast<size_t>(PackedLanes(filter_shape.Dims(0)) + kRows) *
             RoundUp(taps, 4) +
         63;
}

bool ConvInPlaceAllowed(const ConvParams& params,
                        const RuntimeShape& input_shape,
                        const RuntimeShape& filter_shape) {
  const int n = filter_shape.Dims(0);
  const int k4 = RoundUp(input_shape.Dims(3), 4);
  return filter_shape.Dims(1) == 1 && filter_shape.Dims(2) == 1 &&
         filter_shape.Dims(3) == input_shape.Dims(3) &&
         params.stride_height == 1 && params.stride_width == 1 &&
         params.padding_values.height == 0 &&
         params.padding_values.width == 0 &&
         RoundUp(n, 16) * k4 <= kInPlaceMaxPackedBytes;
}

size_t ConvInPlaceScratchBytes(const RuntimeShape& input_shape,
                               const RuntimeShape& filter_shape) {
  const int lanes = RoundUp(filter_shape.Dims(0), 16);
  const int k4 = RoundUp(input_shape.Dims(3), 4);
  return static_cast<size_t>(lanes + kRows) * k4 +
         3 * sizeof(int32_t) * lanes + 63;
}

bool ConvFloatNeedsReference(const ConvGeometry& g, const float* filter) {
  if (!TouchesPadding(g)) return false;
  // Padding taps are computed as 0 * weight, which is what skipping them
  // gives only for finite weights.
  const size_t count = static_cast<size_t>(g.output_depth) * g.filter_height *
                       g.filter_width * g.input_depth;
  for (size_t i = 0; i < count; ++i) {
    if (!std::isfinite(filter[i])) return true;
  }
  return false;
}

void ConvFloat(const ConvGeometry& g, float lo, float hi, const float* input,
               const float* filter, const float* bias, float* output,
               void* scratch, Isa isa) {
  switch (isa) {
#if TFLITE_OPTIMIZED_X86
    case Isa::kAvx512Vnni:
      ConvFloatAvx512(g, lo, hi, input, filter, bias, output, scratch);
      return;
    case Isa::kAvx2:
      ConvFloatAvx2(g, lo, hi, input, filter, bias, output, scratch);
      return;
#endif
    default:
      ConvFloatGeneric(g, lo, hi, input, filter, bias, output, scratch);
  }
}

void ConvInt8(const ConvGeometry& g, const QuantizedOutput& q,
              const int8_t* input, const int8_t* filter, const int32_t* bias,
              int8_t* output, void* scratch, Isa isa) {
  // The planner put the output over the input (see ConvInPlaceAllowed).
  const bool in_place =
      static_cast<const void*>(input) == static_cast<const void*>(output);
  switch (isa) {
#if TFLITE_OPTIMIZED_X86
    case Isa::kAvx512Vnni:
      if (ShiftsFitVectorRequantize(q.shift, g.output_depth)) {
        ConvInt8Vnni(g, q, input, filter, bias, output, scratch, in_place);
        return;
      }
      ConvInt8Avx2(g, q, input, filter, bias, output, scratch, in_place);
      return;
    case Isa::kAvx2:
      ConvInt8Avx2(g, q, input, filter, bias, output, scratch, in_place);
      return;
#endif
    default:
#if TFLITE_OPTIMIZED_ARM_MVE
      cortex_m::ConvInt8Mve(g, q, input, filter, bias, output, scratch,
                            in_place);
#elif TFLITE_OPTIMIZED_ARM_DSP
      cortex_m::ConvInt8Dsp(g, q, input, filter, bias, output, scratch,
                            in_place);
#elif TFLITE_OPTIMIZED_CORTEX_M
      cortex_m::ConvInt8Scalar(g, q, input, filter, bias, output, scratch,
                               in_place);
#else
      ConvInt8Generic(g, q, input, filter, bias, output, scratch, in_place);
#endif
  }
}

void Conv(const ConvParams& params, const RuntimeShape& input_shape,
          const float* input_data, const RuntimeShape& filter_shape,
          const float* filter_data, const float* bias_data,
          const RuntimeShape& output_shape, float* output_data, void* scratch,
          Isa isa) {
  const ConvGeometry g =
      MakeConvGeometry(params, input_shape, filter_shape, output_shape);
  if (ConvFloatNeedsReference(g, filter_data)) {
    reference_ops::Conv(params, input_shape, input_data, filter_shape,
                        filter_data, RuntimeShape(), bias_data, output_shape,
                        output_data);
    return;
  }
  ConvFloat(g, params.float_activation_min, params.float_activation_max,
            input_data, filter_data, bias_data, output_data, scratch, isa);
}

}  // namespace optimized_ops

namespace optimized_integer_ops {

void ConvPerChannel(const ConvParams& params, const int32_t* output_multiplier,
                    const int32_t* output_shift,
                    const RuntimeShape& input_shape, const int8_t* input_data,
                    const RuntimeShape& filter_shape,
                    const int8_t* filter_data, const int32_t* bias_data,
                    const RuntimeShape& output_shape, int8_t* output_data,
                    void* scratch, optimized_ops::Isa isa) {
  optimized_ops::ConvInt8(
      optimized_ops::MakeConvGeometry(params, input_shape, filter_shape,
                                      output_shape),
      optimized_ops::MakeQuantizedOutput(params, output_multiplier,
                                         output_shift),
      input_data, filter_data, bias_data, output_data, scratch, isa);
}

}  // namespace optimized_integer_ops
}  // namespace tflite
