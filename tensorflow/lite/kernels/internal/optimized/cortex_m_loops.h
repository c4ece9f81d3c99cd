// The loops of the int8 kernels for 32-bit microcontroller cores over
// output pixels, output channels and batch rows, shared by
// cortex_m_scalar.cc and cortex_m_dsp.cc; each instruction set supplies the
// inner products (a "path" class, see cortex_m_scalar.cc).
//
// Why these loops and not the im2col tiles of conv.cc: on a scalar core
// there are no vector registers for packed filter blocks to feed, so
// packing and tile copies are pure overhead, and 8x32 accumulator tiles live
// in memory (a load and a store per multiply-accumulate). Here two output
// pixels times two output channels are accumulated in four registers,
// reading the input rows and the filter rows where they are (pointwise
// convolutions) or from one gathered patch pair (others).
//
// Not a public header: include it from those two files only.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CORTEX_M_LOOPS_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CORTEX_M_LOOPS_H_

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/optimized/conv_geometry.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_common.h"
#include "tensorflow/lite/kernels/internal/optimized/simd.h"
#include "tensorflow/lite/kernels/internal/reference/conv.h"
#include "tensorflow/lite/kernels/internal/reference/fully_connected.h"
#include "tensorflow/lite/kernels/internal/reference/pooling.h"

namespace tflite {
namespace optimized_ops {
namespace cortex_m {

// ------------------------------------------------------------- CONV_2D

// Copies output pixel m's filter window (taps in (ky, kx, channel) order)
// to dst[0, K), `pad` where the window leaves the input.
inline void GatherPatch(const ConvGeometry& g, const int8_t* input, int m,
                        int8_t pad, int8_t* dst) {
  const int pixels = g.output_height * g.output_width;
  const int b = m / pixels;
  const int rest = m - b * pixels;
  const int oy = rest / g.output_width;
  const int ox = rest - oy * g.output_width;
  const int depth = g.input_depth;
  const int y0 = oy * g.stride_height - g.pad_height;
  const int x0 = ox * g.stride_width - g.pad_width;
  const int8_t* image =
      input + static_cast<size_t>(b) * g.input_height * g.input_width * depth;
  for (int ky = 0; ky < g.filter_height; ++ky) {
    const int y = y0 + ky * g.dilation_height;
    int8_t* row = dst + ky * g.filter_width * depth;
    if (y < 0 || y >= g.input_height) {
      std::memset(row, pad, static_cast<size_t>(g.filter_width) * depth);
      continue;
    }
    const int8_t* in_row =
        image + static_cast<size_t>(y) * g.input_width * depth;
    for (int kx = 0; kx < g.filter_width; ++kx) {
      const int x = x0 + kx * g.dilation_width;
      if (x < 0 || x >= g.input_width) {
        std::memset(row + kx * depth, pad, depth);
      } else {
        std::memcpy(row + kx * depth, in_row + x * depth, depth);
      }
    }
  }
}

inline bool IsPointwiseConv(const ConvGeometry& g) {
  return g.filter_height == 1 && g.filter_width == 1 &&
         g.stride_height == 1 && g.stride_width == 1 && g.pad_height == 0 &&
         g.pad_width == 0;
}

// Scratch the Cortex-M paths use: 2 int8 rows of RowBytes(K), then (8-byte
// aligned) the DSP path's packed pair, 4 * RowBytes(K): at most
// 6 * RowBytes(K) + 7 bytes, never more than ConvScratchBytes or
// ConvInPlaceScratchBytes (conv.cc) give.
inline size_t RowBytes(int k) { return static_cast<size_t>(RoundUp(k, 4)); }

struct DepthwiseWindow;

// Hooks that a path may hide with its own (see ConvInt8Rows and
// DepthwiseInt8Pixels): by default no wide depthwise channel blocks and
// scalar requantization.
struct PathDefaults {
  static int DwBlocks(const DepthwiseWindow& /*win*/, const int8_t* /*w*/,
                      int32_t /*off*/, const int32_t* /*bias*/,
                      const Requantizer& /*rq*/, int /*depth*/,
                      int8_t* /*out*/) {
    return 0;
  }
  static void Requantize4(const Requantizer& rq, const uint32_t acc[4], int c,
                          int8_t* out) {
    for (int j = 0; j < 4; ++j) out[j] = rq(acc[j], c + j);
  }
  // Channels n..n+3 of two pixels: acc0 = {x0.w0, x0.w1, x1.w0, x1.w1} of
  // channels n, n+1 (Dot2x2), acc1 the same of n+2, n+3.
  static void Requantize2x4(const Requantizer& rq, const uint32_t acc0[4],
                            const uint32_t acc1[4], int n, int8_t* out0,
                            int8_t* out1) {
    rq.Two(acc0[0], acc0[2], n, out0, out1);
    rq.Two(acc0[1], acc0[3], n + 1, out0 + 1, out1 + 1);
    rq.Two(acc1[0], acc1[2], n + 2, out0 + 2, out1 + 2);
    rq.Two(acc1[1], acc1[3], n + 3, out0 + 3, out1 + 3);
  }
};

// For paths that read the rows where they are (no packing) and take any
// input offset: their Rows, Supports and Prepare (see ConvInt8Rows), and
// Dot1x2 as Path::FcDot1x2 on the first row.
template <class Path>
struct UnpackedRowsPath : PathDefaults {
  struct Rows {
    const int8_t* x0;
    const int8_t* x1;
  };

  static bool Supports(int32_t /*input_offset*/) { return true; }

  static Rows Prepare(const int8_t* x0, const int8_t* x1, int /*k*/,
                      int32_t /*input_offset*/, void* /*work*/) {
    return {x0, x1};
  }

  static void Dot1x2(const Rows& r, const int8_t* w0, const int8_t* w1, int k,
                     int32_t off, uint32_t acc[2]) {
    Path::FcDot1x2(r.x0, w0, w1, k, off, acc);
  }
};

// The reference kernel on a ConvGeometry.
inline void ConvInt8ByReference(const ConvGeometry& g,
                                const QuantizedOutput& q,
                                const int8_t* input, const int8_t* filter,
                                const int32_t* bias, int8_t* output) {
  ConvParams p = ConvParams();
  p.stride_height = static_cast<int16_t>(g.stride_height);
  p.stride_width = static_cast<int16_t>(g.stride_width);
  p.dilation_height_factor = static_cast<int16_t>(g.dilation_height);
  p.dilation_width_factor = static_cast<int16_t>(g.dilation_width);
  p.padding_values.height = static_cast<int16_t>(g.pad_height);
  p.padding_values.width = static_cast<int16_t>(g.pad_width);
  p.input_offset = q.input_offset;
  p.output_offset = q.output_offset;
  p.quantized_activation_min = q.act_min;
  p.quantized_activation_max = q.act_max;
  reference_integer_ops::ConvPerChannel(
      p, q.multiplier, q.shift,
      RuntimeShape({g.batches, g.input_height, g.input_width, g.input_depth}),
      input,
      RuntimeShape({g.output_depth, g.filter_height, g.filter_width,
                    g.input_depth}),
      filter, RuntimeShape(), bias,
      RuntimeShape({g.batches, g.output_height, g.output_width,
                    g.output_depth}),
      output);
}

// CONV_2D (groups == 1) with the inner products of `Path`:
//   bool Path::Supports(input_offset)
//   Path::Rows Path::Prepare(x0, x1, k, input_offset, work)
//   Path::Dot2x2(rows, w0, w1, k, input_offset, acc[4])  acc: x0.w0,
//                                                        x0.w1, x1.w0, x1.w1
//   Path::Dot1x2(rows, w0, w1, k, input_offset, acc[2])  x0 only
//   Path::Dot1x1(x, w, k, input_offset, acc) -> acc
// With `in_place` the output is written over the input (pointwise only, see
// ConvInPlaceAllowed): each pixel pair's input rows are copied to scratch
// first, and pairs go in descending order when output rows are longer
// than input rows.
template <class Path>
void ConvInt8Rows(const ConvGeometry& g, const QuantizedOutput& q,
                  const int8_t* input, const int8_t* filter,
                  const int32_t* bias, int8_t* output, void* scratch,
                  bool in_place) {
  const int k = g.filter_height * g.filter_width * g.input_depth;
  const int n_size = g.output_depth;
  const int m_size = g.batches * g.output_height * g.output_width;
  const bool pointwise = IsPointwiseConv(g);
  const int32_t off = q.input_offset;
  const int8_t pad = static_cast<int8_t>(-off);
  if ((!pointwise && pad + off != 0) || !Path::Supports(off)) {
    // Padding taps must add 0: no int8 gives that with this offset (a
    // zero point outside int8, broken models only); or the path's lanes
    // cannot hold int8 + offset.
    ConvInt8ByReference(g, q, input, filter, bias, output);
    return;
  }
  const Requantizer rq = MakeRequantizer(q, n_size);
  int8_t* rows = static_cast<int8_t*>(scratch);
  // 8-byte aligned (doubleword loads).
  void* work = reinterpret_cast<void*>(
      (reinterpret_cast<uintptr_t>(rows + 2 * RowBytes(k)) + 7) &
      ~static_cast<uintptr_t>(7));
  const int pairs = (m_size + 1) / 2;
  const bool descending = in_place && n_size > k;
  for (int i = 0; i < pairs; ++i) {
    const int m0 = 2 * (descending ? pairs - 1 - i : i);
    const bool two = m0 + 1 < m_size;
    const int8_t* x0;
    const int8_t* x1;
    if (pointwise && !in_place) {
      x0 = input + static_cast<size_t>(m0) * k;
      x1 = two ? x0 + k : x0;
    } else {
      x0 = rows;
      x1 = two ? rows + RowBytes(k) : rows;
      if (pointwise) {
        std::memcpy(rows, input + static_cast<size_t>(m0) * k, k);
        if (two) {
          std::memcpy(rows + RowBytes(k),
                      input + static_cast<size_t>(m0 + 1) * k, k);
        }
      } else {
        GatherPatch(g, input, m0, pad, rows);
        if (two) GatherPatch(g, input, m0 + 1, pad, rows + RowBytes(k));
      }
    }
    const typename Path::Rows r = Path::Prepare(x0, x1, k, off, work);
    int8_t* out0 = output + static_cast<size_t>(m0) * n_size;
    int8_t* out1 = out0 + n_size;
    int n = 0;
    for (; two && n + 4 <= n_size; n += 4) {
      const int8_t* w0 = filter + static_cast<size_t>(n) * k;
      const uint32_t b0 = BiasAt(bias, n), b1 = BiasAt(bias, n + 1);
      const uint32_t b2 = BiasAt(bias, n + 2), b3 = BiasAt(bias, n + 3);
      uint32_t acc0[4] = {b0, b1, b0, b1};
      uint32_t acc1[4] = {b2, b3, b2, b3};
      Path::Dot2x2(r, w0, w0 + k, k, off, acc0);
      Path::Dot2x2(r, w0 + 2 * k, w0 + 3 * k, k, off, acc1);
      Path::Requantize2x4(rq, acc0, acc1, n, out0 + n, out1 + n);
    }
    for (; n + 2 <= n_size; n += 2) {
      const int8_t* w0 = filter + static_cast<size_t>(n) * k;
      const uint32_t b0 = BiasAt(bias, n);
      const uint32_t b1 = BiasAt(bias, n + 1);
      if (two) {
        uint32_t acc[4] = {b0, b1, b0, b1};
        Path::Dot2x2(r, w0, w0 + k, k, off, acc);
        rq.Two(acc[0], acc[2], n, out0 + n, out1 + n);
        rq.Two(acc[1], acc[3], n + 1, out0 + n + 1, out1 + n + 1);
      } else {
        uint32_t acc[2] = {b0, b1};
        Path::Dot1x2(r, w0, w0 + k, k, off, acc);
        out0[n] = rq(acc[0], n);
        out0[n + 1] = rq(acc[1], n + 1);
      }
    }
    if (n < n_size) {
      const int8_t* w = filter + static_cast<size_t>(n) * k;
      out0[n] = rq(Path::Dot1x1(x0, w, k, off, BiasAt(bias, n)), n);
      if (two) out1[n] = rq(Path::Dot1x1(x1, w, k, off, BiasAt(bias, n)), n);
    }
  }
}

// ---------------------------------------------------- DEPTHWISE_CONV_2D

// An output pixel's valid taps (the reference skips the others) and the
// steps between them in the input and the filter.
struct DepthwiseWindow {
  const int8_t* in;  // input element of the first valid tap, channel 0
  int rows, cols;    // valid taps
  int in_row_step;   // bytes between tap rows, columns
  int in_col_step;
  int w_row_step;
  int w_col_step;
};

// body(p, f) for each valid tap of the window, p at the tap's element in
// `in`'s lane, f at its weight in `w`'s.
template <class Body>
TFLITE_ALWAYS_INLINE void ForEachTap(const DepthwiseWindow& win,
                                     const int8_t* in, const int8_t* w,
                                     const Body& body) {
  // Steps in locals: the body's stores cannot be taken to change them.
  const int rows = win.rows, cols = win.cols;
  const int in_col_step = win.in_col_step, w_col_step = win.w_col_step;
  const int in_row_step = win.in_row_step, w_row_step = win.w_row_step;
  for (int ky = 0; ky < rows; ++ky) {
    const int8_t* p = in + ky * in_row_step;
    const int8_t* f = w + ky * w_row_step;
    for (int kx = 0; kx < cols; ++kx) {
      body(p, f);
      p += in_col_step;
      f += w_col_step;
    }
  }
}

// 4 lanes: acc[j] += sum over taps of (in[lane j] + off) * w[lane j], the
// input lane j at in + j * kInLane (4 input channels, or 1 shared by 4
// output channels), weights at w + j.
template <int kInLane>
TFLITE_ALWAYS_INLINE void DepthwiseTaps4Scalar(const DepthwiseWindow& win,
                                               const int8_t* in,
                                               const int8_t* w, int32_t off,
                                               uint32_t acc[4]) {
  uint32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
  for (int ky = 0; ky < win.rows; ++ky) {
    const int8_t* p = in + ky * win.in_row_step;
    const int8_t* f = w + ky * win.w_row_step;
    for (int kx = 0; kx < win.cols; ++kx) {
      if (kInLane == 0) {
        const uint32_t x = static_cast<uint32_t>(p[0] + off);
        a0 += x * static_cast<uint32_t>(f[0]);
        a1 += x * static_cast<uint32_t>(f[1]);
        a2 += x * static_cast<uint32_t>(f[2]);
        a3 += x * static_cast<uint32_t>(f[3]);
      } else {
        a0 += static_cast<uint32_t>(p[0] + off) * static_cast<uint32_t>(f[0]);
        a1 += static_cast<uint32_t>(p[1] + off) * static_cast<uint32_t>(f[1]);
        a2 += static_cast<uint32_t>(p[2] + off) * static_cast<uint32_t>(f[2]);
        a3 += static_cast<uint32_t>(p[3] + off) * static_cast<uint32_t>(f[3]);
      }
      p += win.in_col_step;
      f += win.w_col_step;
    }
  }
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
}

TFLITE_ALWAYS_INLINE uint32_t DepthwiseTaps1(const DepthwiseWindow& win,
                                             const int8_t* in,
                                             const int8_t* w, int32_t off,
                                             uint32_t acc) {
  for (int ky = 0; ky < win.rows; ++ky) {
    const int8_t* p = in + ky * win.in_row_step;
    const int8_t* f = w + ky * win.w_row_step;
    for (int kx = 0; kx < win.cols; ++kx) {
      acc += static_cast<uint32_t>(*p + off) * static_cast<uint32_t>(*f);
      p += win.in_col_step;
      f += win.w_col_step;
    }
  }
  return acc;
}

// Path::Dw4Channels(win, in, w, off, acc[4]) sums 4 lanes of 4 input
// channels, Path::Dw4Outputs(...) of one input channel (see
// DepthwiseTaps4Scalar); Path::Requantize4(rq, acc, c, out) writes 4
// channels' outputs; with a depth multiplier of 1,
// Path::DwBlocks(win, w, off, bias, rq, depth, out) first writes the
// outputs of channels [0, its result) (see PathDefaults). Writes each pixel's channels after reading their
// taps, in pixel order, so that in-place outputs (DepthwiseInPlaceAllowed)
// are right.
template <class Path>
void DepthwiseInt8Pixels(const ConvGeometry& g, const QuantizedOutput& q,
                         const int8_t* input, const int8_t* filter,
                         const int32_t* bias, int8_t* output) {
  const int depth = g.output_depth;
  const int in_depth = g.input_depth;
  const int mult = g.depth_multiplier;
  const int32_t off = q.input_offset;
  const Requantizer rq = MakeRequantizer(q, depth);
  // Blocks of 4 channels where the path's lanes hold int8 + offset.
  const bool blocks = Path::Supports(off);
  DepthwiseWindow win;
  win.in_row_step = g.dilation_height * g.input_width * in_depth;
  win.in_col_step = g.dilation_width * in_depth;
  win.w_row_step = g.filter_width * depth;
  win.w_col_step = depth;
  int8_t* out = output;
  for (int b = 0; b < g.batches; ++b) {
    const int8_t* image = input + static_cast<size_t>(b) * g.input_height *
                                      g.input_width * in_depth;
    for (int oy = 0; oy < g.output_height; ++oy) {
      const int y0 = oy * g.stride_height - g.pad_height;
      int ky_lo, ky_hi;
      ValidTaps(y0, g.dilation_height, g.filter_height, g.input_height,
                &ky_lo, &ky_hi);
      for (int ox = 0; ox < g.output_width; ++ox, out += depth) {
        const int x0 = ox * g.stride_width - g.pad_width;
        int kx_lo, kx_hi;
        ValidTaps(x0, g.dilation_width, g.filter_width, g.input_width,
                  &kx_lo, &kx_hi);
        win.rows = std::max(0, ky_hi - ky_lo);
        win.cols = std::max(0, kx_hi - kx_lo);
        win.in = image +
                 (static_cast<long>(y0 + ky_lo * g.dilation_height) *
                      g.input_width +
                  x0 + kx_lo * g.dilation_width) *
                     in_depth;
        const int8_t* w = filter + (ky_lo * g.filter_width + kx_lo) * depth;
        if (win.rows == 0 || win.cols == 0) {
          for (int c = 0; c < depth; ++c) out[c] = rq(BiasAt(bias, c), c);
          continue;
        }
        if (mult == 1) {
          int c = blocks ? Path::DwBlocks(win, w, off, bias, rq, depth, out)
                         : 0;
          for (; blocks && c + 4 <= depth; c += 4) {
            uint32_t acc[4] = {BiasAt(bias, c), BiasAt(bias, c + 1),
                               BiasAt(bias, c + 2), BiasAt(bias, c + 3)};
            Path::Dw4Channels(win, win.in + c, w + c, off, acc);
            Path::Requantize4(rq, acc, c, out + c);
          }
          for (; c < depth; ++c) {
            out[c] = rq(DepthwiseTaps1(win, win.in + c, w + c, off,
                                       BiasAt(bias, c)),
                        c);
          }
        } else {
          for (int ic = 0; ic < in_depth; ++ic) {
            const int8_t* in = win.in + ic;
            int c = ic * mult;
            const int end = c + mult;
            for (; blocks && c + 4 <= end; c += 4) {
              uint32_t acc[4] = {BiasAt(bias, c), BiasAt(bias, c + 1),
                                 BiasAt(bias, c + 2), BiasAt(bias, c + 3)};
              Path::Dw4Outputs(win, in, w + c, off, acc);
              Path::Requantize4(rq, acc, c, out + c);
            }
            for (; c < end; ++c) {
              out[c] =
                  rq(DepthwiseTaps1(win, in, w + c, off, BiasAt(bias, c)), c);
            }
          }
        }
      }
    }
  }
}

// ------------------------------------------------------- FULLY_CONNECTED

// The reference's rescaling (either rounding), out of the loops.
__attribute__((noinline)) inline int8_t FullyConnectedRequantizeSlow(
    const FcInt8Args& a, int32_t acc, int32_t multiplier, int32_t shift) {
  int32_t r = reference_integer_ops::RescaleFullyConnected(
      acc, multiplier, shift, a.litert_rescale);
  r = SaturatingAddInt32(r, a.output_offset);
  r = std::max(r, a.act_min);
  r = std::min(r, a.act_max);
  return static_cast<int8_t>(r);
}

// Batch row b's outputs: out[o] = requantize(acc(o)); `requantize` gets
// the accumulator and o.
template <class Path, class Requantize>
TFLITE_ALWAYS_INLINE void FullyConnectedRow(const FcInt8Args& a,
                                            const int8_t* x,
                                            const int8_t* weights,
                                            const int32_t* bias,
                                            uint32_t x_term, int8_t* out,
                                            const Requantize& requantize) {
  const int depth = a.depth;
  const int32_t xo = a.input_offset;
  int o = 0;
  if (!Path::Supports(xo)) {
    // The path's lanes cannot hold int8 + offset (broken models only).
    for (; o < a.outputs; ++o) {
      const int8_t* w = weights + static_cast<size_t>(o) * depth;
      uint32_t acc = BiasAt(bias, o) + x_term;
      for (int d = 0; d < depth; ++d) {
        acc += (static_cast<uint32_t>(x[d]) + static_cast<uint32_t>(xo)) *
               static_cast<uint32_t>(w[d]);
      }
      out[o] = requantize(acc, o);
    }
    return;
  }
  for (; o + 2 <= a.outputs; o += 2) {
    const int8_t* w = weights + static_cast<size_t>(o) * depth;
    uint32_t acc[2] = {BiasAt(bias, o) + x_term, BiasAt(bias, o + 1) + x_term};
    Path::FcDot1x2(x, w, w + depth, depth, xo, acc);
    out[o] = requantize(acc[0], o);
    out[o + 1] = requantize(acc[1], o + 1);
  }
  if (o < a.outputs) {
    const int8_t* w = weights + static_cast<size_t>(o) * depth;
    out[o] = requantize(
        Path::Dot1x1(x, w, depth, xo, BiasAt(bias, o) + x_term), o);
  }
}

// sum((w + wo) * (x + xo)) = sum(w * (x + xo)) + wo * sum(x + xo), mod
// 2^32 as the reference's int32 sums; Path::FcDot1x2 / Path::Dot1x1 give
// the first term for two rows of weights / one.
template <class Path>
void FullyConnectedInt8Rows(const FcInt8Args& a, const int8_t* input,
                            const int8_t* weights, const int32_t* bias,
                            int8_t* output) {
  const int depth = a.depth;
  const bool per_channel = a.per_channel_multiplier != nullptr;
  bool fast = !a.litert_rescale &&
              OutputStageFits32(a.output_offset, a.act_min, a.act_max);
  if (!per_channel) {
    fast = fast && MultiplierFits32(a.multiplier, a.shift);
  } else {
    for (int o = 0; fast && o < a.outputs; ++o) {
      fast = MultiplierFits32(a.per_channel_multiplier[o],
                              a.per_channel_shift[o]);
    }
  }
  const int32_t lo = a.act_min - a.output_offset;
  const int32_t hi = a.act_max - a.output_offset;
  const int32_t offset = a.output_offset;
  const Scale32 tensor_scale =
      MakeScale32(a.multiplier, fast && !per_channel ? a.shift : 0);
  for (int b = 0; b < a.batches; ++b) {
    const int8_t* x = input + static_cast<size_t>(b) * depth;
    int8_t* out = output + static_cast<size_t>(b) * a.outputs;
    uint32_t x_term = 0;
    if (a.weights_offset != 0) {
      uint32_t sum = 0;
      for (int d = 0; d < depth; ++d) {
        sum += static_cast<uint32_t>(x[d]) +
               static_cast<uint32_t>(a.input_offset);
      }
      x_term = sum * static_cast<uint32_t>(a.weights_offset);
    }
    if (fast && !per_channel) {
      FullyConnectedRow<Path>(
          a, x, weights, bias, x_term, out, [&](uint32_t acc, int) {
            int32_t v = ApplyScale32(static_cast<int32_t>(acc), tensor_scale);
            v = v < lo ? lo : v;
            v = v > hi ? hi : v;
            return static_cast<int8_t>(v + offset);
          });
    } else {
      FullyConnectedRow<Path>(
          a, x, weights, bias, x_term, out, [&](uint32_t acc, int o) {
            const int32_t m =
                per_channel ? a.per_channel_multiplier[o] : a.multiplier;
            const int32_t s = per_channel ? a.per_channel_shift[o] : a.shift;
            const int32_t v = static_cast<int32_t>(acc);
            int32_t r;
            if (fast) {
              r = MultiplyByQuantizedMultiplier32(v, m, s);
              r = r < lo ? lo : r;
              r = r > hi ? hi : r;
              return static_cast<int8_t>(r + offset);
            }
            return FullyConnectedRequantizeSlow(a, v, m, s);
          });
    }
  }
}

// ----------------------------------------------------------------- SVDF

// SVDF's sums with Path::SvdfRow(x, y, n, &xy, &x_sum) adding sum(x * y)
// and sum(x) of one row pair; the zero point's share is taken once a row.
template <class Path, typename T>
void SvdfSumRows(const T* a, int a_rows, const T* b, int b_stride, int rows,
                 int n, int32_t zero_point, int32_t* out) {
  for (int r = 0; r < rows; ++r) {
    uint32_t xy = 0, x_sum = 0;
    Path::SvdfRow(a + static_cast<size_t>(r % a_rows) * n,
                  b + static_cast<size_t>(r) * b_stride, n, &xy, &x_sum);
    out[r] = static_cast<int32_t>(xy -
                                  static_cast<uint32_t>(zero_point) * x_sum);
  }
}

// ------------------------------------------------ AVERAGE/MAX_POOL_2D

constexpr int kPoolBlock = 64;

// Channels [j, n) one at a time: the scalar path, and the others' tails.
// Sums in channel order, or in the order of `index` (see PoolInt8Pixels).
struct PoolTails {
  static int SumIndex(int j) { return j; }
  template <class Index>
  TFLITE_ALWAYS_INLINE static void SumFrom(int j, const int8_t* in, int n,
                                           int16_t* sums, const Index& index) {
    for (; j < n; ++j) {
      int16_t& s = sums[index(j)];
      s = static_cast<int16_t>(s + in[j]);
    }
  }
  TFLITE_ALWAYS_INLINE static void MaxFrom(int j, const int8_t* in, int n,
                                           int8_t* maxes) {
    for (; j < n; ++j) maxes[j] = in[j] > maxes[j] ? in[j] : maxes[j];
  }
};

// int8 pooling over blocks of kPoolBlock channels, the window's pixels
// reduced into per-channel state by the path, then finished by the
// reference's reducers (the same rounding and clamping):
//   Path::PoolSum(in, n, sums)   sums: int16 per channel, in the order of
//                                Path::SumIndex(j); windows have at most
//                                kMaxPoolTaps taps, so int8 sums fit
//   Path::PoolMax(in, n, maxes)  maxes[j] = max(maxes[j], in[j])
template <class Path, bool kAverage>
void PoolInt8Pixels(const PoolParams& params, const RuntimeShape& input_shape,
                    const int8_t* input, const RuntimeShape& output_shape,
                    int8_t* output) {
  const int depth = input_shape.Dims(3);
  alignas(8) int16_t sums[kPoolBlock];
  alignas(8) int8_t maxes[kPoolBlock];
  reference_ops::ForEachPoolWindow(
      params, input_shape, output_shape,
      [&](int b, int out_y, int out_x, int y_start, int y_end, int x_start,
          int x_end) {
        int8_t* out = output + Offset(output_shape, b, out_y, out_x, 0);
        const int taps =
            std::max(0, y_end - y_start) * std::max(0, x_end - x_start);
        for (int c0 = 0; c0 < depth; c0 += kPoolBlock) {
          const int n = std::min(kPoolBlock, depth - c0);
          if (kAverage) {
            std::memset(sums, 0, sizeof(sums));
          } else {
            std::memset(maxes, -128, sizeof(maxes));
          }
          for (int y = y_start; taps > 0 && y < y_end; ++y) {
            const int8_t* in = input + Offset(input_shape, b, y, x_start, c0);
            for (int x = x_start; x < x_end; ++x, in += depth) {
              if (kAverage) {
                Path::PoolSum(in, n, sums);
              } else {
                Path::PoolMax(in, n, maxes);
              }
            }
          }
          for (int j = 0; j < n; ++j) {
            if (kAverage) {
              reference_integer_ops::QuantizedAverage<int8_t> r;
              r.total = sums[Path::SumIndex(j)];
              r.count = taps;
              out[c0 + j] = r.Finish(params);
            } else {
              reference_integer_ops::QuantizedMax<int8_t> r;
              r.max = maxes[j];
              out[c0 + j] = r.Finish(params);
            }
          }
        }
      });
}

}  // namespace cortex_m
}  // namespace optimized_ops
}  // namespace tflite

// Defines AveragePoolInt8<Isa> and MaxPoolInt8<Isa> (cortex_m_<isa>.h) as
// PoolInt8Pixels with `Path`. Use inside tflite::optimized_ops::cortex_m.
#define TFLITE_CORTEX_M_INT8_POOLS(Isa, Path)                                \
  void AveragePoolInt8##Isa(const PoolParams& params,                        \
                            const RuntimeShape& input_shape,                 \
                            const int8_t* input,                             \
                            const RuntimeShape& output_shape,                \
                            int8_t* output) {                                \
    PoolInt8Pixels<Path, true>(params, input_shape, input, output_shape,     \
                               output);                                      \
  }                                                                          \
  void MaxPoolInt8##Isa(const PoolParams& params,                            \
                        const RuntimeShape& input_shape, const int8_t* input, \
                        const RuntimeShape& output_shape, int8_t* output) {  \
    PoolInt8Pixels<Path, false>(params, input_shape, input, output_shape,    \
                                output);                                     \
  }

// Defines SvdfSums<Isa> for int8 and int16 (cortex_m_<isa>.h) as
// SvdfSumRows with `Path`. Use inside tflite::optimized_ops::cortex_m.
#define TFLITE_CORTEX_M_SVDF_SUMS(Isa, Path)                                 \
  void SvdfSums##Isa(const int8_t* a, int a_rows, const int8_t* b,           \
                     int b_stride, int rows, int n, int32_t zero_point,      \
                     int32_t* out) {                                         \
    SvdfSumRows<Path>(a, a_rows, b, b_stride, rows, n, zero_point, out);     \
  }                                                                          \
  void SvdfSums##Isa(const int16_t* a, int a_rows, const int16_t* b,         \
                     int b_stride, int rows, int n, int32_t zero_point,      \
                     int32_t* out) {                                         \
    SvdfSumRows<Path>(a, a_rows, b, b_stride, rows, n, zero_point, out);     \
  }

// Defines ConvInt8<Isa>, DepthwiseInt8<Isa> and FullyConnectedInt8<Isa>
// (declared in cortex_m_<isa>.h) as the loops above with the inner products
// of `Path`. Use inside namespace tflite::optimized_ops::cortex_m.
#define TFLITE_CORTEX_M_INT8_KERNELS(Isa, Path)                              \
  void ConvInt8##Isa(const ConvGeometry& g, const QuantizedOutput& q,        \
                     const int8_t* input, const int8_t* filter,              \
                     const int32_t* bias, int8_t* output, void* scratch,     \
                     bool in_place) {                                        \
    ConvInt8Rows<Path>(g, q, input, filter, bias, output, scratch,           \
                       in_place);                                            \
  }                                                                          \
  void DepthwiseInt8##Isa(const ConvGeometry& g, const QuantizedOutput& q,   \
                          const int8_t* input, const int8_t* filter,         \
                          const int32_t* bias, int8_t* output) {             \
    DepthwiseInt8Pixels<Path>(g, q, input, filter, bias, output);            \
  }                                                                          \
  void FullyConnectedInt8##Isa(const FcInt8Args& args, const int8_t* input,  \
                               const int8_t* weights, const int32_t* bias,   \
                               int8_t* output) {                             \
    FullyConnectedInt8Rows<Path>(args, input, weights, bias, output);        \
  }

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CORTEX_M_LOOPS_H_
