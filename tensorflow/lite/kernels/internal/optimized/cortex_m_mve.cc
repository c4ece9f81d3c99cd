#include "tensorflow/lite/kernels/internal/optimized/cortex_m_mve.h"

#include <algorithm>
#include <limits>

#include "tensorflow/lite/kernels/internal/optimized/cortex_m_loops.h"
#include "tensorflow/lite/kernels/internal/optimized/cortex_m_scalar.h"
#include "tensorflow/lite/kernels/internal/optimized/cpu.h"

#if TFLITE_OPTIMIZED_ARM_MVE
#include <arm_mve.h>
#endif

namespace tflite {
namespace optimized_ops {
namespace cortex_m {
namespace {

// ------------------------------------------------------ the instructions
//
// Bytes: 16 int8 lanes; Words: 4 32-bit lanes, arithmetic mod 2^32.
// VLDRB.S8 (under a VCTP.8 predicate): 16 bytes, or the first n with the
//   other lanes zero and their memory not read
// VLDRB.S32: 4 bytes, each sign-extended to a word lane
// VMLADAVA.S8 acc, a, b: acc + sum of the 16 products a[i] * b[i], mod 2^32
// VADDVA.S8 acc, a: acc + sum of the 16 lanes, mod 2^32
// VADD.I32 (vector or scalar), VMUL.I32, VMLA.I32 (vector times scalar
// plus vector): lane by lane, the low 32 bits
// Halves: 8 int16 lanes. VLDRB.S16: 8 bytes, each sign-extended to a half;
// VADD.I16 (scalar): lane by lane, the low 16 bits
// VMULLB.S16 / VMULLT.S16: the full 32-bit products of the even / odd
//   half lanes, as 4 words
// VST2.32 of (e, o): the 8 words e0, o0, e1, o1, ... (two VST2x halves)
// VSHL.S32 by a vector: each lane shifted left by its amount (low bits)
// VQRDMULH.S32: (2 * a * b + 2^31) >> 32 per lane, INT32_MIN * INT32_MIN
//   saturating to INT32_MAX
// VRSHL.S32 by n <= 0: (a + 2^(-n-1)) >> -n per lane, computed wide (a
//   for n = 0); VQADD.S32: saturating add; VAND, VSHR.S32 #31, VMAX.S32,
//   VMIN.S32: lane by lane
// VSTRB.32: the low byte of each of 4 words

#if TFLITE_OPTIMIZED_ARM_MVE

using Bytes = int8x16_t;
using Words = int32x4_t;

TFLITE_ALWAYS_INLINE Bytes LoadBytes(const int8_t* p, int n) {
  if (n >= 16) return vldrbq_s8(p);
  return vldrbq_z_s8(p, vctp8q(static_cast<uint32_t>(n)));
}
TFLITE_ALWAYS_INLINE uint32_t DotAcc(uint32_t acc, Bytes a, Bytes b) {
  return static_cast<uint32_t>(vmladavaq_s8(static_cast<int32_t>(acc), a, b));
}
TFLITE_ALWAYS_INLINE uint32_t SumAcc(uint32_t acc, Bytes a) {
  return static_cast<uint32_t>(vaddvaq_s8(static_cast<int32_t>(acc), a));
}
TFLITE_ALWAYS_INLINE Words LoadWiden4(const int8_t* p) {
  return vldrbq_s32(p);
}
TFLITE_ALWAYS_INLINE Words LoadWords(const uint32_t* p) {
  return vldrwq_s32(reinterpret_cast<const int32_t*>(p));
}
TFLITE_ALWAYS_INLINE void StoreWords(Words a, uint32_t* p) {
  vstrwq_s32(reinterpret_cast<int32_t*>(p), a);
}
TFLITE_ALWAYS_INLINE Words AddScalar(Words a, uint32_t s) {
  return vaddq_n_s32(a, static_cast<int32_t>(s));
}
TFLITE_ALWAYS_INLINE Words MulAdd(Words acc, Words a, Words b) {
  return vaddq_s32(acc, vmulq_s32(a, b));
}
TFLITE_ALWAYS_INLINE Words MulAddScalar(Words acc, Words a, uint32_t s) {
  return vmlaq_n_s32(acc, a, static_cast<int32_t>(s));
}

using Halves = int16x8_t;

TFLITE_ALWAYS_INLINE Halves LoadWiden8(const int8_t* p) {
  return vldrbq_s16(p);
}
TFLITE_ALWAYS_INLINE Halves AddScalar16(Halves a, int16_t s) {
  return vaddq_n_s16(a, s);
}
TFLITE_ALWAYS_INLINE Words MulEven(Halves a, Halves b) {
  return vmullbq_int_s16(a, b);
}
TFLITE_ALWAYS_INLINE Words MulOdd(Halves a, Halves b) {
  return vmulltq_int_s16(a, b);
}
TFLITE_ALWAYS_INLINE Words Add(Words a, Words b) { return vaddq_s32(a, b); }
TFLITE_ALWAYS_INLINE Words Splat(int32_t s) { return vdupq_n_s32(s); }
TFLITE_ALWAYS_INLINE void StoreInterleaved(Words even, Words odd,
                                           uint32_t* p) {
  int32x4x2_t pair;
  pair.val[0] = even;
  pair.val[1] = odd;
  vst2q_s32(reinterpret_cast<int32_t*>(p), pair);
}
TFLITE_ALWAYS_INLINE Words LoadInts(const int32_t* p) { return vldrwq_s32(p); }
TFLITE_ALWAYS_INLINE Words Max(Words a, Words b) { return vmaxq_s32(a, b); }
TFLITE_ALWAYS_INLINE Words Min(Words a, Words b) { return vminq_s32(a, b); }
TFLITE_ALWAYS_INLINE Words ShiftLeft(Words a, Words n) {
  return vshlq_s32(a, n);
}
TFLITE_ALWAYS_INLINE Words RoundingDoublingHighMul(Words a, Words b) {
  return vqrdmulhq_s32(a, b);
}
// -1 in the lanes where a < 0 and n < 0, else 0.
TFLITE_ALWAYS_INLINE Words NegativeAndShifted(Words a, Words n) {
  return vshrq_n_s32(vandq_s32(a, n), 31);
}
TFLITE_ALWAYS_INLINE Words SaturatingAdd(Words a, Words b) {
  return vqaddq_s32(a, b);
}
TFLITE_ALWAYS_INLINE Words RoundingShift(Words a, Words n) {
  return vrshlq_s32(a, n);
}
TFLITE_ALWAYS_INLINE void StoreNarrow(Words a, int8_t* p) {
  vstrbq_s32(p, a);
}
TFLITE_ALWAYS_INLINE void StoreHalves(Halves a, int16_t* p) {
  vstrhq_s16(p, a);
}
TFLITE_ALWAYS_INLINE Halves AddHalves(Halves a, Halves b) {
  return vaddq_s16(a, b);
}
TFLITE_ALWAYS_INLINE Bytes MaxBytes(Bytes a, Bytes b) { return vmaxq_s8(a, b); }
// VLDRH.S16 under a VCTP.16 predicate: 8 halves, or the first n, zeros
// beyond; VMLADAVA.S16 / VADDVA.S16: as the .S8 forms on 8 int16 lanes.
TFLITE_ALWAYS_INLINE Halves LoadHalves(const int16_t* p, int n) {
  if (n >= 8) return vldrhq_s16(p);
  return vldrhq_z_s16(p, vctp16q(static_cast<uint32_t>(n)));
}
TFLITE_ALWAYS_INLINE uint32_t DotAcc(uint32_t acc, Halves a, Halves b) {
  return static_cast<uint32_t>(vmladavaq_s16(static_cast<int32_t>(acc), a, b));
}
TFLITE_ALWAYS_INLINE uint32_t SumAcc(uint32_t acc, Halves a) {
  return static_cast<uint32_t>(vaddvaq_s16(static_cast<int32_t>(acc), a));
}
TFLITE_ALWAYS_INLINE void StoreBytes(Bytes a, int8_t* p) { vstrbq_s8(p, a); }

#else  // Portable definitions with the same results (tests on any machine).

struct Bytes {
  int8_t lane[16];
};
struct Words {
  uint32_t lane[4];
};

TFLITE_ALWAYS_INLINE Bytes LoadBytes(const int8_t* p, int n) {
  Bytes r;
  for (int i = 0; i < 16; ++i) r.lane[i] = i < n ? p[i] : 0;
  return r;
}
TFLITE_ALWAYS_INLINE uint32_t DotAcc(uint32_t acc, Bytes a, Bytes b) {
  for (int i = 0; i < 16; ++i) {
    acc += static_cast<uint32_t>(a.lane[i] * b.lane[i]);
  }
  return acc;
}
TFLITE_ALWAYS_INLINE uint32_t SumAcc(uint32_t acc, Bytes a) {
  for (int i = 0; i < 16; ++i) acc += static_cast<uint32_t>(a.lane[i]);
  return acc;
}
TFLITE_ALWAYS_INLINE Words LoadWiden4(const int8_t* p) {
  Words r;
  for (int i = 0; i < 4; ++i) r.lane[i] = static_cast<uint32_t>(p[i]);
  return r;
}
TFLITE_ALWAYS_INLINE Words LoadWords(const uint32_t* p) {
  Words r;
  for (int i = 0; i < 4; ++i) r.lane[i] = p[i];
  return r;
}
TFLITE_ALWAYS_INLINE void StoreWords(Words a, uint32_t* p) {
  for (int i = 0; i < 4; ++i) p[i] = a.lane[i];
}
TFLITE_ALWAYS_INLINE Words AddScalar(Words a, uint32_t s) {
  for (int i = 0; i < 4; ++i) a.lane[i] += s;
  return a;
}
TFLITE_ALWAYS_INLINE Words MulAdd(Words acc, Words a, Words b) {
  for (int i = 0; i < 4; ++i) acc.lane[i] += a.lane[i] * b.lane[i];
  return acc;
}
TFLITE_ALWAYS_INLINE Words MulAddScalar(Words acc, Words a, uint32_t s) {
  for (int i = 0; i < 4; ++i) acc.lane[i] += a.lane[i] * s;
  return acc;
}

struct Halves {
  int16_t lane[8];
};

TFLITE_ALWAYS_INLINE Halves LoadWiden8(const int8_t* p) {
  Halves r;
  for (int i = 0; i < 8; ++i) r.lane[i] = p[i];
  return r;
}
TFLITE_ALWAYS_INLINE Halves AddScalar16(Halves a, int16_t s) {
  for (int i = 0; i < 8; ++i) {
    a.lane[i] = static_cast<int16_t>(static_cast<uint16_t>(
        static_cast<uint16_t>(a.lane[i]) + static_cast<uint16_t>(s)));
  }
  return a;
}
TFLITE_ALWAYS_INLINE Words MulEven(Halves a, Halves b) {
  Words r;
  for (int i = 0; i < 4; ++i) {
    r.lane[i] = static_cast<uint32_t>(static_cast<int32_t>(a.lane[2 * i]) *
                                      b.lane[2 * i]);
  }
  return r;
}
TFLITE_ALWAYS_INLINE Words MulOdd(Halves a, Halves b) {
  Words r;
  for (int i = 0; i < 4; ++i) {
    r.lane[i] = static_cast<uint32_t>(
        static_cast<int32_t>(a.lane[2 * i + 1]) * b.lane[2 * i + 1]);
  }
  return r;
}
TFLITE_ALWAYS_INLINE Words Add(Words a, Words b) {
  for (int i = 0; i < 4; ++i) a.lane[i] += b.lane[i];
  return a;
}
TFLITE_ALWAYS_INLINE Words Splat(int32_t s) {
  Words r;
  for (int i = 0; i < 4; ++i) r.lane[i] = static_cast<uint32_t>(s);
  return r;
}
TFLITE_ALWAYS_INLINE void StoreInterleaved(Words even, Words odd,
                                           uint32_t* p) {
  for (int i = 0; i < 4; ++i) {
    p[2 * i] = even.lane[i];
    p[2 * i + 1] = odd.lane[i];
  }
}
TFLITE_ALWAYS_INLINE Words LoadInts(const int32_t* p) {
  Words r;
  for (int i = 0; i < 4; ++i) r.lane[i] = static_cast<uint32_t>(p[i]);
  return r;
}
TFLITE_ALWAYS_INLINE int32_t Lane(Words a, int i) {
  return static_cast<int32_t>(a.lane[i]);
}
TFLITE_ALWAYS_INLINE Words Max(Words a, Words b) {
  for (int i = 0; i < 4; ++i) a.lane[i] = std::max(Lane(a, i), Lane(b, i));
  return a;
}
TFLITE_ALWAYS_INLINE Words Min(Words a, Words b) {
  for (int i = 0; i < 4; ++i) a.lane[i] = std::min(Lane(a, i), Lane(b, i));
  return a;
}
// Amounts in [0, 31] here.
TFLITE_ALWAYS_INLINE Words ShiftLeft(Words a, Words n) {
  for (int i = 0; i < 4; ++i) a.lane[i] <<= Lane(n, i);
  return a;
}
TFLITE_ALWAYS_INLINE Words RoundingDoublingHighMul(Words a, Words b) {
  for (int i = 0; i < 4; ++i) {
    const int64_t p = 2 * static_cast<int64_t>(Lane(a, i)) * Lane(b, i) +
                      (static_cast<int64_t>(1) << 31);
    const int64_t high = p >> 32;  // arithmetic: floor
    a.lane[i] = static_cast<uint32_t>(
        high > std::numeric_limits<int32_t>::max()
            ? std::numeric_limits<int32_t>::max()
            : static_cast<int32_t>(high));
  }
  return a;
}
TFLITE_ALWAYS_INLINE Words NegativeAndShifted(Words a, Words n) {
  for (int i = 0; i < 4; ++i) {
    a.lane[i] = (Lane(a, i) < 0 && Lane(n, i) < 0) ? 0xFFFFFFFFu : 0u;
  }
  return a;
}
TFLITE_ALWAYS_INLINE Words SaturatingAdd(Words a, Words b) {
  for (int i = 0; i < 4; ++i) {
    const int64_t sum = static_cast<int64_t>(Lane(a, i)) + Lane(b, i);
    a.lane[i] = static_cast<uint32_t>(static_cast<int32_t>(std::max<int64_t>(
        std::numeric_limits<int32_t>::min(),
        std::min<int64_t>(std::numeric_limits<int32_t>::max(), sum))));
  }
  return a;
}
// Amounts in [-31, 0] here.
TFLITE_ALWAYS_INLINE Words RoundingShift(Words a, Words n) {
  for (int i = 0; i < 4; ++i) {
    const int e = -Lane(n, i);
    if (e == 0) continue;
    const int64_t x = static_cast<int64_t>(Lane(a, i)) +
                      (static_cast<int64_t>(1) << (e - 1));
    a.lane[i] = static_cast<uint32_t>(static_cast<int32_t>(x >> e));
  }
  return a;
}
TFLITE_ALWAYS_INLINE void StoreNarrow(Words a, int8_t* p) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<int8_t>(a.lane[i] & 0xFF);
}
TFLITE_ALWAYS_INLINE void StoreHalves(Halves a, int16_t* p) {
  for (int i = 0; i < 8; ++i) p[i] = a.lane[i];
}
TFLITE_ALWAYS_INLINE Halves AddHalves(Halves a, Halves b) {
  for (int i = 0; i < 8; ++i) {
    a.lane[i] = static_cast<int16_t>(static_cast<uint16_t>(
        static_cast<uint16_t>(a.lane[i]) + static_cast<uint16_t>(b.lane[i])));
  }
  return a;
}
TFLITE_ALWAYS_INLINE Bytes MaxBytes(Bytes a, Bytes b) {
  for (int i = 0; i < 16; ++i) a.lane[i] = std::max(a.lane[i], b.lane[i]);
  return a;
}
TFLITE_ALWAYS_INLINE Halves LoadHalves(const int16_t* p, int n) {
  Halves r;
  for (int i = 0; i < 8; ++i) r.lane[i] = i < n ? p[i] : 0;
  return r;
}
TFLITE_ALWAYS_INLINE uint32_t DotAcc(uint32_t acc, Halves a, Halves b) {
  for (int i = 0; i < 8; ++i) {
    acc += static_cast<uint32_t>(static_cast<int32_t>(a.lane[i]) * b.lane[i]);
  }
  return acc;
}
TFLITE_ALWAYS_INLINE uint32_t SumAcc(uint32_t acc, Halves a) {
  for (int i = 0; i < 8; ++i) acc += static_cast<uint32_t>(a.lane[i]);
  return acc;
}
TFLITE_ALWAYS_INLINE void StoreBytes(Bytes a, int8_t* p) {
  for (int i = 0; i < 16; ++i) p[i] = a.lane[i];
}

#endif  // TFLITE_OPTIMIZED_ARM_MVE

// body(i, n) for the blocks [i, i + n) of [0, k): 16 taps, then the rest.
template <class Body>
TFLITE_ALWAYS_INLINE void ForBlocks16(int k, const Body& body) {
  int i = 0;
  for (; i + 16 <= k; i += 16) body(i, 16);
  if (i < k) body(i, k - i);
}

// sum((x + off) * w) = sum(x * w) + off * sum(w), mod 2^32: the sums of
// int8 products (VMLADAVA) and of the weights (VADDVA), the offset's share
// added once.
TFLITE_ALWAYS_INLINE uint32_t WithOffset(uint32_t dot, int32_t off,
                                         uint32_t weight_sum) {
  return dot + static_cast<uint32_t>(off) * weight_sum;
}

// MultiplyByQuantizedMultiplier (as ApplyScale32, every channel passing
// MultiplierFits32), clamp and output offset, of 4 channels' accumulators:
// the right shift rounds half up (VRSHL); one less on negative values
// (saturating: INT32_MIN stays, it is a multiple of 2^e) makes it round
// half away from zero as the reference does.
TFLITE_ALWAYS_INLINE Words ScaleLanes(Words acc, Words multiplier,
                                     Words shift) {
  const Words zero = Splat(0);
  const Words right = Min(shift, zero);  // -e
  Words x = ShiftLeft(acc, Max(shift, zero));
  x = RoundingDoublingHighMul(x, multiplier);
  x = SaturatingAdd(x, NegativeAndShifted(x, right));
  return RoundingShift(x, right);
}

// Clamp to [lo, hi], add the offset, store the low bytes.
TFLITE_ALWAYS_INLINE void ClampStore(Words x, int32_t lo, int32_t hi,
                                     int32_t offset, int8_t* out) {
  x = Min(Max(x, Splat(lo)), Splat(hi));
  StoreNarrow(AddScalar(x, static_cast<uint32_t>(offset)), out);
}

TFLITE_ALWAYS_INLINE void RequantizeLanes(Words acc, const Requantizer& rq,
                                          int c, int8_t* out) {
  const Words x = ScaleLanes(acc, LoadInts(rq.multiplier + c),
                             LoadInts(rq.shift + c));
  ClampStore(x, rq.lo, rq.hi, rq.offset, out);
}

// int8 + offset in int16 lanes.
inline bool OffsetFits16Lanes(int32_t off) {
  return off >= -32768 + 128 && off <= 32767 - 127;
}

// The offset is applied in 32-bit sums: any offset.
struct MvePath : UnpackedRowsPath<MvePath> {
  static void Requantize4(const Requantizer& rq, const uint32_t acc[4], int c,
                          int8_t* out) {
    if (rq.fast) {
      RequantizeLanes(LoadWords(acc), rq, c, out);
    } else {
      PathDefaults::Requantize4(rq, acc, c, out);
    }
  }

  static void Requantize2x4(const Requantizer& rq, const uint32_t acc0[4],
                            const uint32_t acc1[4], int n, int8_t* out0,
                            int8_t* out1) {
    if (!rq.fast) {
      PathDefaults::Requantize2x4(rq, acc0, acc1, n, out0, out1);
      return;
    }
    const uint32_t pixel0[4] = {acc0[0], acc0[1], acc1[0], acc1[1]};
    const uint32_t pixel1[4] = {acc0[2], acc0[3], acc1[2], acc1[3]};
    RequantizeLanes(LoadWords(pixel0), rq, n, out0);
    RequantizeLanes(LoadWords(pixel1), rq, n, out1);
  }

  // kBlocks (1 or 2) blocks of 8 channels from c: each tap's 8 inputs +
  // offset and 8 weights in int16 lanes, their products summed in 32-bit
  // lanes of even and odd channels, then requantized in channel order.
  template <int kBlocks>
  TFLITE_ALWAYS_INLINE static void DwBlock(const DepthwiseWindow& win,
                                           const int8_t* w, int16_t off,
                                           const int32_t* bias,
                                           const Requantizer& rq, int c,
                                           int8_t* out) {
    Words even[kBlocks], odd[kBlocks];
    for (int b = 0; b < kBlocks; ++b) even[b] = odd[b] = Splat(0);
    ForEachTap(win, win.in + c, w + c,
               [&](const int8_t* p, const int8_t* f)
                   __attribute__((always_inline)) {
                     for (int b = 0; b < kBlocks; ++b) {
                       const Halves x = AddScalar16(LoadWiden8(p + 8 * b), off);
                       const Halves y = LoadWiden8(f + 8 * b);
                       even[b] = Add(even[b], MulEven(x, y));
                       odd[b] = Add(odd[b], MulOdd(x, y));
                     }
                   });
    uint32_t acc[8 * kBlocks];
    for (int b = 0; b < kBlocks; ++b) {
      StoreInterleaved(even[b], odd[b], acc + 8 * b);
    }
    for (int j = 0; j < 8 * kBlocks; j += 4) {
      Words a = LoadWords(acc + j);
      if (bias != nullptr) a = Add(a, LoadInts(bias + c + j));
      RequantizeLanes(a, rq, c + j, out + c + j);
    }
  }

  // Channels [0, 8 * floor(depth / 8)) when the requantization and the
  // offset allow.
  __attribute__((noinline)) static int DwBlocks(const DepthwiseWindow& win,
                                                const int8_t* w, int32_t off,
                                                const int32_t* bias,
                                                const Requantizer& rq,
                                                int depth, int8_t* out) {
    if (!rq.fast || !OffsetFits16Lanes(off)) return 0;
    const int16_t off16 = static_cast<int16_t>(off);
    int c = 0;
    for (; c + 16 <= depth; c += 16) DwBlock<2>(win, w, off16, bias, rq, c, out);
    if (c + 8 <= depth) {
      DwBlock<1>(win, w, off16, bias, rq, c, out);
      c += 8;
    }
    return c;
  }

  __attribute__((noinline)) static void Dot2x2(const Rows& r,
                                               const int8_t* w0,
                                               const int8_t* w1, int k,
                                               int32_t off, uint32_t acc[4]) {
    uint32_t a00 = acc[0], a01 = acc[1], a10 = acc[2], a11 = acc[3];
    uint32_t s0 = 0, s1 = 0;
    const int8_t* const x0 = r.x0;
    const int8_t* const x1 = r.x1;
    ForBlocks16(k, [&](int i, int n) __attribute__((always_inline)) {
      const Bytes p = LoadBytes(w0 + i, n);
      const Bytes q = LoadBytes(w1 + i, n);
      const Bytes u = LoadBytes(x0 + i, n);
      const Bytes v = LoadBytes(x1 + i, n);
      a00 = DotAcc(a00, u, p);
      a01 = DotAcc(a01, u, q);
      a10 = DotAcc(a10, v, p);
      a11 = DotAcc(a11, v, q);
      s0 = SumAcc(s0, p);
      s1 = SumAcc(s1, q);
    });
    acc[0] = WithOffset(a00, off, s0);
    acc[1] = WithOffset(a01, off, s1);
    acc[2] = WithOffset(a10, off, s0);
    acc[3] = WithOffset(a11, off, s1);
  }

  // One row of elements against two rows of weights.
  __attribute__((noinline)) static void FcDot1x2(const int8_t* x,
                                                 const int8_t* w0,
                                                 const int8_t* w1, int k,
                                                 int32_t off,
                                                 uint32_t acc[2]) {
    uint32_t a0 = acc[0], a1 = acc[1];
    uint32_t s0 = 0, s1 = 0;
    ForBlocks16(k, [&](int i, int n) __attribute__((always_inline)) {
      const Bytes p = LoadBytes(w0 + i, n);
      const Bytes q = LoadBytes(w1 + i, n);
      const Bytes u = LoadBytes(x + i, n);
      a0 = DotAcc(a0, u, p);
      a1 = DotAcc(a1, u, q);
      s0 = SumAcc(s0, p);
      s1 = SumAcc(s1, q);
    });
    acc[0] = WithOffset(a0, off, s0);
    acc[1] = WithOffset(a1, off, s1);
  }

  __attribute__((noinline)) static uint32_t Dot1x1(const int8_t* x,
                                                   const int8_t* w, int k,
                                                   int32_t off,
                                                   uint32_t acc) {
    uint32_t s = 0;
    ForBlocks16(k, [&](int i, int n) __attribute__((always_inline)) {
      const Bytes p = LoadBytes(w + i, n);
      acc = DotAcc(acc, LoadBytes(x + i, n), p);
      s = SumAcc(s, p);
    });
    return WithOffset(acc, off, s);
  }

  // 4 lanes of words: kOneInput, one input channel times 4 output
  // channels' weights (Dw4Outputs), else 4 input channels (Dw4Channels).
  template <bool kOneInput>
  TFLITE_ALWAYS_INLINE static void Dw4(const DepthwiseWindow& win,
                                       const int8_t* in, const int8_t* w,
                                       int32_t off, uint32_t acc[4]) {
    Words a = LoadWords(acc);
    const uint32_t o = static_cast<uint32_t>(off);
    ForEachTap(win, in, w,
               [&](const int8_t* p, const int8_t* f)
                   __attribute__((always_inline)) {
                     if (kOneInput) {
                       a = MulAddScalar(a, LoadWiden4(f),
                                        static_cast<uint32_t>(*p) + o);
                     } else {
                       a = MulAdd(a, AddScalar(LoadWiden4(p), o),
                                  LoadWiden4(f));
                     }
                   });
    StoreWords(a, acc);
  }

  __attribute__((noinline)) static void Dw4Channels(const DepthwiseWindow& win,
                                                    const int8_t* in,
                                                    const int8_t* w,
                                                    int32_t off,
                                                    uint32_t acc[4]) {
    Dw4<false>(win, in, w, off, acc);
  }

  __attribute__((noinline)) static void Dw4Outputs(const DepthwiseWindow& win,
                                                   const int8_t* in,
                                                   const int8_t* w,
                                                   int32_t off,
                                                   uint32_t acc[4]) {
    Dw4<true>(win, in, w, off, acc);
  }
};

// Sums 8 channels a step in int16 lanes (VLDRB.S16, VADD.I16), maxima 16
// (VMAX.S8); the last channels one at a time.
struct MvePool : PoolTails {
  static void PoolSum(const int8_t* in, int n, int16_t* sums) {
    int j = 0;
    for (; j + 8 <= n; j += 8) {
      StoreHalves(AddHalves(LoadHalves(sums + j, 8), LoadWiden8(in + j)),
                  sums + j);
    }
    SumFrom(j, in, n, sums, [](int i) { return i; });
  }
  static void PoolMax(const int8_t* in, int n, int8_t* maxes) {
    int j = 0;
    for (; j + 16 <= n; j += 16) {
      StoreBytes(MaxBytes(LoadBytes(maxes + j, 16), LoadBytes(in + j, 16)),
                 maxes + j);
    }
    MaxFrom(j, in, n, maxes);
  }
};

// SVDF rows: 16 int8 or 8 int16 products a step (VMLADAVA), tails by
// predicated loads.
struct MveSvdf {
  static Bytes Load(const int8_t* p, int n) { return LoadBytes(p, n); }
  static Halves Load(const int16_t* p, int n) { return LoadHalves(p, n); }

  template <typename T>
  static void SvdfRow(const T* x, const T* y, int n, uint32_t* xy,
                      uint32_t* x_sum) {
    constexpr int kLanes = 16 / sizeof(T);
    uint32_t p = *xy, s = *x_sum;
    for (int i = 0; i < n; i += kLanes) {
      const auto u = Load(x + i, n - i);
      p = DotAcc(p, u, Load(y + i, n - i));
      s = SumAcc(s, u);
    }
    *xy = p;
    *x_sum = s;
  }
};

}  // namespace

TFLITE_CORTEX_M_INT8_KERNELS(Mve, MvePath)
TFLITE_CORTEX_M_SVDF_SUMS(Mve, MveSvdf)
TFLITE_CORTEX_M_INT8_POOLS(Mve, MvePool)

// 4 elements a step in word lanes: each input plus its offset, shifted
// left by left_shift and scaled (RescaleToCommonScale), summed, scaled to
// the output (QuantizedAddSubOutput). Quantization outside what the lanes
// reproduce, and the last size % 4 elements, take AddInt8Scalar.
void AddInt8Mve(const ArithmeticParams& p, int size, const int8_t* input1,
                const int8_t* input2, int8_t* output) {
  const bool lanes =
      AddInputShiftFits32(p) &&
      MultiplierFits32(p.input1_multiplier, p.input1_shift) &&
      MultiplierFits32(p.input2_multiplier, p.input2_shift) &&
      MultiplierFits32(p.output_multiplier, p.output_shift) &&
      OutputStageFits32(p.output_offset, p.quantized_activation_min,
                        p.quantized_activation_max);
  int i = 0;
  if (lanes) {
    const Words left = Splat(p.left_shift);
    const Words m1 = Splat(p.input1_multiplier), s1 = Splat(p.input1_shift);
    const Words m2 = Splat(p.input2_multiplier), s2 = Splat(p.input2_shift);
    const Words mo = Splat(p.output_multiplier), so = Splat(p.output_shift);
    const uint32_t o1 = static_cast<uint32_t>(p.input1_offset);
    const uint32_t o2 = static_cast<uint32_t>(p.input2_offset);
    const int32_t lo = p.quantized_activation_min - p.output_offset;
    const int32_t hi = p.quantized_activation_max - p.output_offset;
    for (; i + 4 <= size; i += 4) {
      const Words x = ShiftLeft(AddScalar(LoadWiden4(input1 + i), o1), left);
      const Words y = ShiftLeft(AddScalar(LoadWiden4(input2 + i), o2), left);
      const Words sum = Add(ScaleLanes(x, m1, s1), ScaleLanes(y, m2, s2));
      ClampStore(ScaleLanes(sum, mo, so), lo, hi, p.output_offset,
                 output + i);
    }
  }
  AddInt8Scalar(p, size - i, input1 + i, input2 + i, output + i);
}

}  // namespace cortex_m
}  // namespace optimized_ops
}  // namespace tflite
