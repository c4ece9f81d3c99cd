#include "tensorflow/lite/kernels/internal/optimized/cortex_m_mve.h"

#include "tensorflow/lite/kernels/internal/optimized/cortex_m_loops.h"
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

// The offset is applied in 32-bit sums: any offset.
struct MvePath : UnpackedRowsPath<MvePath> {

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

}  // namespace

TFLITE_CORTEX_M_INT8_KERNELS(Mve, MvePath)

}  // namespace cortex_m
}  // namespace optimized_ops
}  // namespace tflite
