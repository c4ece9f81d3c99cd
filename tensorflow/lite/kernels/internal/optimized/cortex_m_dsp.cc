#include "tensorflow/lite/kernels/internal/optimized/cortex_m_dsp.h"

#include "tensorflow/lite/kernels/internal/optimized/cortex_m_loops.h"

namespace tflite {
namespace optimized_ops {
namespace cortex_m {
namespace {

// ------------------------------------------------------ the instructions
//
// Halfword lanes: bits [15:0] are lane 0 ("bottom"), [31:16] lane 1 ("top").
// SXTB16 x:         lanes (sext x[7:0], sext x[23:16])
// SXTB16 x, ROR #8: lanes (sext x[15:8], sext x[31:24])
// SXTAB16 a, x:     a's lanes plus those of SXTB16 x, each mod 2^16
// SMLAD a, b, acc:  acc + a.0 * b.0 + a.1 * b.1 (signed), mod 2^32
// SMLABB/SMLATB/SMLABT/SMLATT a, b, acc: acc + a.B|T * b.B|T, mod 2^32

#if TFLITE_OPTIMIZED_ARM_DSP

TFLITE_ALWAYS_INLINE uint32_t Sxtb16(uint32_t x) {
  uint32_t r;
  __asm__("sxtb16 %0, %1" : "=r"(r) : "r"(x));
  return r;
}
TFLITE_ALWAYS_INLINE uint32_t Sxtb16Ror8(uint32_t x) {
  uint32_t r;
  __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(x));
  return r;
}
TFLITE_ALWAYS_INLINE uint32_t Sxtab16(uint32_t a, uint32_t x) {
  uint32_t r;
  __asm__("sxtab16 %0, %1, %2" : "=r"(r) : "r"(a), "r"(x));
  return r;
}
TFLITE_ALWAYS_INLINE uint32_t Sxtab16Ror8(uint32_t a, uint32_t x) {
  uint32_t r;
  __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(a), "r"(x));
  return r;
}
TFLITE_ALWAYS_INLINE uint32_t Smlad(uint32_t a, uint32_t b, uint32_t acc) {
  uint32_t r;
  __asm__("smlad %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(acc));
  return r;
}
TFLITE_ALWAYS_INLINE uint32_t Smlabb(uint32_t a, uint32_t b, uint32_t acc) {
  uint32_t r;
  __asm__("smlabb %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(acc));
  return r;
}
TFLITE_ALWAYS_INLINE uint32_t Smlatt(uint32_t a, uint32_t b, uint32_t acc) {
  uint32_t r;
  __asm__("smlatt %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(acc));
  return r;
}
TFLITE_ALWAYS_INLINE uint32_t Smlatb(uint32_t a, uint32_t b, uint32_t acc) {
  uint32_t r;
  __asm__("smlatb %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(acc));
  return r;
}

// SSUB8 a, b sets GE[i] where a.i - b.i >= 0 (signed bytes); SEL a, b
// then takes a.i where GE[i], else b.i: the bytewise signed maximum. One
// asm statement, so that nothing comes between them.
TFLITE_ALWAYS_INLINE uint32_t MaxBytes(uint32_t a, uint32_t b) {
  uint32_t r;
  __asm__("ssub8 %0, %1, %2\n\tsel %0, %1, %2"
          : "=&r"(r)
          : "r"(a), "r"(b)
          : "cc");
  return r;
}

#else  // Portable definitions with the same results (tests on any machine).

TFLITE_ALWAYS_INLINE uint32_t Lane(uint32_t x, int lane) {
  return (x >> (16 * lane)) & 0xFFFFu;
}
TFLITE_ALWAYS_INLINE int32_t SignedLane(uint32_t x, int lane) {
  return static_cast<int16_t>(static_cast<uint16_t>(Lane(x, lane)));
}
TFLITE_ALWAYS_INLINE uint32_t ByteLanes(uint32_t b0, uint32_t b1) {
  return (static_cast<uint32_t>(static_cast<int8_t>(b0)) & 0xFFFFu) |
         (static_cast<uint32_t>(static_cast<int8_t>(b1)) << 16);
}
TFLITE_ALWAYS_INLINE uint32_t Sxtb16(uint32_t x) {
  return ByteLanes(x & 0xFF, (x >> 16) & 0xFF);
}
TFLITE_ALWAYS_INLINE uint32_t Sxtb16Ror8(uint32_t x) {
  return ByteLanes((x >> 8) & 0xFF, x >> 24);
}
TFLITE_ALWAYS_INLINE uint32_t AddLanes(uint32_t a, uint32_t b) {
  return ((Lane(a, 0) + Lane(b, 0)) & 0xFFFFu) |
         (((Lane(a, 1) + Lane(b, 1)) & 0xFFFFu) << 16);
}
TFLITE_ALWAYS_INLINE uint32_t Sxtab16(uint32_t a, uint32_t x) {
  return AddLanes(a, Sxtb16(x));
}
TFLITE_ALWAYS_INLINE uint32_t Sxtab16Ror8(uint32_t a, uint32_t x) {
  return AddLanes(a, Sxtb16Ror8(x));
}
TFLITE_ALWAYS_INLINE uint32_t Product(uint32_t a, int la, uint32_t b, int lb) {
  return static_cast<uint32_t>(SignedLane(a, la) * SignedLane(b, lb));
}
TFLITE_ALWAYS_INLINE uint32_t Smlad(uint32_t a, uint32_t b, uint32_t acc) {
  return acc + Product(a, 0, b, 0) + Product(a, 1, b, 1);
}
TFLITE_ALWAYS_INLINE uint32_t Smlabb(uint32_t a, uint32_t b, uint32_t acc) {
  return acc + Product(a, 0, b, 0);
}
TFLITE_ALWAYS_INLINE uint32_t Smlatt(uint32_t a, uint32_t b, uint32_t acc) {
  return acc + Product(a, 1, b, 1);
}
TFLITE_ALWAYS_INLINE uint32_t Smlatb(uint32_t a, uint32_t b, uint32_t acc) {
  return acc + Product(a, 1, b, 0);
}

TFLITE_ALWAYS_INLINE uint32_t MaxBytes(uint32_t a, uint32_t b) {
  uint32_t r = 0;
  for (int i = 0; i < 32; i += 8) {
    const int8_t x = static_cast<int8_t>(a >> i);
    const int8_t y = static_cast<int8_t>(b >> i);
    r |= static_cast<uint32_t>(static_cast<uint8_t>(x > y ? x : y)) << i;
  }
  return r;
}

#endif  // TFLITE_OPTIMIZED_ARM_DSP

TFLITE_ALWAYS_INLINE uint32_t Load4(const void* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
TFLITE_ALWAYS_INLINE void Store4(void* p, uint32_t v) {
  std::memcpy(p, &v, 4);
}

// The input offset in both lanes; SXTAB16 with it gives int8 + offset
// exactly when that fits 16 bits for every int8.
TFLITE_ALWAYS_INLINE uint32_t OffsetLanes(int32_t off) {
  return (static_cast<uint32_t>(off) & 0xFFFFu) * 0x10001u;
}
inline bool OffsetFits16(int32_t off) { return off >= -32640 && off <= 32639; }

TFLITE_ALWAYS_INLINE uint32_t Product1(int8_t x, int32_t off, int8_t w) {
  return (static_cast<uint32_t>(x) + static_cast<uint32_t>(off)) *
         static_cast<uint32_t>(w);
}

struct DspPath : PathDefaults {
  // Per 4 taps t..t+3 of the pixel pair: (x0[t]+o, x0[t+2]+o),
  // (x0[t+1]+o, x0[t+3]+o), then the same of x1: the lanes that SMLAD
  // pairs with SXTB16 (w) and SXTB16 (w, ROR #8) of 4 weights.
  struct Rows {
    const uint32_t* packed;
    const int8_t* x0;
    const int8_t* x1;
  };

  static bool Supports(int32_t input_offset) {
    return OffsetFits16(input_offset);
  }

  static Rows Prepare(const int8_t* x0, const int8_t* x1, int k, int32_t off,
                      void* work) {
    uint32_t* packed = static_cast<uint32_t*>(work);
    const uint32_t o = OffsetLanes(off);
    uint32_t* dst = packed;
    for (int i = 0; i + 4 <= k; i += 4, dst += 4) {
      const uint32_t a = Load4(x0 + i);
      const uint32_t b = Load4(x1 + i);
      dst[0] = Sxtab16(o, a);
      dst[1] = Sxtab16Ror8(o, a);
      dst[2] = Sxtab16(o, b);
      dst[3] = Sxtab16Ror8(o, b);
    }
    return {packed, x0, x1};
  }

  __attribute__((noinline)) static void Dot2x2(const Rows& r,
                                               const int8_t* w0,
                                               const int8_t* w1, int k,
                                               int32_t off, uint32_t acc[4]) {
    uint32_t a00 = acc[0], a01 = acc[1], a10 = acc[2], a11 = acc[3];
    const uint32_t* x = r.packed;
    const int8_t* const w0_end = w0 + (k & ~3);
    while (w0 != w0_end) {
      const uint32_t p = Load4(w0);
      const uint32_t q = Load4(w1);
      w0 += 4;
      w1 += 4;
      const uint32_t p02 = Sxtb16(p);
      const uint32_t q02 = Sxtb16(q);
      a00 = Smlad(x[0], p02, a00);
      a01 = Smlad(x[0], q02, a01);
      a10 = Smlad(x[2], p02, a10);
      a11 = Smlad(x[2], q02, a11);
      const uint32_t p13 = Sxtb16Ror8(p);
      const uint32_t q13 = Sxtb16Ror8(q);
      a00 = Smlad(x[1], p13, a00);
      a01 = Smlad(x[1], q13, a01);
      a10 = Smlad(x[3], p13, a10);
      a11 = Smlad(x[3], q13, a11);
      x += 4;
    }
    for (int i = k & ~3; i < k; ++i, ++w0, ++w1) {
      a00 += Product1(r.x0[i], off, *w0);
      a01 += Product1(r.x0[i], off, *w1);
      a10 += Product1(r.x1[i], off, *w0);
      a11 += Product1(r.x1[i], off, *w1);
    }
    acc[0] = a00;
    acc[1] = a01;
    acc[2] = a10;
    acc[3] = a11;
  }

  __attribute__((noinline)) static void Dot1x2(const Rows& r,
                                               const int8_t* w0,
                                               const int8_t* w1, int k,
                                               int32_t off, uint32_t acc[2]) {
    uint32_t a0 = acc[0], a1 = acc[1];
    const uint32_t* x = r.packed;
    const int8_t* const w0_end = w0 + (k & ~3);
    while (w0 != w0_end) {
      const uint32_t p = Load4(w0);
      const uint32_t q = Load4(w1);
      w0 += 4;
      w1 += 4;
      a0 = Smlad(x[0], Sxtb16(p), a0);
      a1 = Smlad(x[0], Sxtb16(q), a1);
      a0 = Smlad(x[1], Sxtb16Ror8(p), a0);
      a1 = Smlad(x[1], Sxtb16Ror8(q), a1);
      x += 4;
    }
    for (int i = k & ~3; i < k; ++i, ++w0, ++w1) {
      a0 += Product1(r.x0[i], off, *w0);
      a1 += Product1(r.x0[i], off, *w1);
    }
    acc[0] = a0;
    acc[1] = a1;
  }

  // One row of int8 elements (not packed) against two rows of weights.
  __attribute__((noinline)) static void FcDot1x2(const int8_t* x,
                                                 const int8_t* w0,
                                                 const int8_t* w1, int k,
                                                 int32_t off,
                                                 uint32_t acc[2]) {
    uint32_t a0 = acc[0], a1 = acc[1];
    const uint32_t o = OffsetLanes(off);
    const int8_t* const x_end = x + (k & ~3);
    while (x != x_end) {
      const uint32_t v = Load4(x);
      const uint32_t p = Load4(w0);
      const uint32_t q = Load4(w1);
      x += 4;
      w0 += 4;
      w1 += 4;
      const uint32_t v02 = Sxtab16(o, v);
      const uint32_t v13 = Sxtab16Ror8(o, v);
      a0 = Smlad(v02, Sxtb16(p), a0);
      a1 = Smlad(v02, Sxtb16(q), a1);
      a0 = Smlad(v13, Sxtb16Ror8(p), a0);
      a1 = Smlad(v13, Sxtb16Ror8(q), a1);
    }
    for (int i = 0; i < (k & 3); ++i) {
      a0 += Product1(x[i], off, w0[i]);
      a1 += Product1(x[i], off, w1[i]);
    }
    acc[0] = a0;
    acc[1] = a1;
  }

  __attribute__((noinline)) static uint32_t Dot1x1(const int8_t* x,
                                                   const int8_t* w, int k,
                                                   int32_t off,
                                                   uint32_t acc) {
    const uint32_t o = OffsetLanes(off);
    const int8_t* const x_end = x + (k & ~3);
    while (x != x_end) {
      const uint32_t v = Load4(x);
      const uint32_t p = Load4(w);
      x += 4;
      w += 4;
      acc = Smlad(Sxtab16(o, v), Sxtb16(p), acc);
      acc = Smlad(Sxtab16Ror8(o, v), Sxtb16Ror8(p), acc);
    }
    for (int i = 0; i < (k & 3); ++i) acc += Product1(x[i], off, w[i]);
    return acc;
  }

  // 4 input channels: lanes (c, c+2) and (c+1, c+3) of inputs and weights,
  // one halfword product each.
  __attribute__((noinline)) static void Dw4Channels(const DepthwiseWindow& win,
                                                    const int8_t* in,
                                                    const int8_t* w,
                                                    int32_t off,
                                                    uint32_t acc[4]) {
    const uint32_t o = OffsetLanes(off);
    uint32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
    for (int ky = 0; ky < win.rows; ++ky) {
      const int8_t* p = in + ky * win.in_row_step;
      const int8_t* f = w + ky * win.w_row_step;
      for (int kx = 0; kx < win.cols; ++kx) {
        const uint32_t x = Load4(p);
        const uint32_t v = Load4(f);
        p += win.in_col_step;
        f += win.w_col_step;
        const uint32_t x02 = Sxtab16(o, x);
        const uint32_t v02 = Sxtb16(v);
        a0 = Smlabb(x02, v02, a0);
        a2 = Smlatt(x02, v02, a2);
        const uint32_t x13 = Sxtab16Ror8(o, x);
        const uint32_t v13 = Sxtb16Ror8(v);
        a1 = Smlabb(x13, v13, a1);
        a3 = Smlatt(x13, v13, a3);
      }
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
  }

  // 4 output channels of one input channel: the input in the bottom lane.
  __attribute__((noinline)) static void Dw4Outputs(const DepthwiseWindow& win,
                                                   const int8_t* in,
                                                   const int8_t* w,
                                                   int32_t off,
                                                   uint32_t acc[4]) {
    uint32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
    for (int ky = 0; ky < win.rows; ++ky) {
      const int8_t* p = in + ky * win.in_row_step;
      const int8_t* f = w + ky * win.w_row_step;
      for (int kx = 0; kx < win.cols; ++kx) {
        const uint32_t x = static_cast<uint32_t>(*p + off);
        const uint32_t v = Load4(f);
        p += win.in_col_step;
        f += win.w_col_step;
        const uint32_t v02 = Sxtb16(v);
        const uint32_t v13 = Sxtb16Ror8(v);
        a0 = Smlabb(v02, x, a0);
        a2 = Smlatb(v02, x, a2);
        a1 = Smlabb(v13, x, a1);
        a3 = Smlatb(v13, x, a3);
      }
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
  }
};

// Sums of 4 channels c..c+3 in two words: SXTAB16 adds bytes 0 and 2 of
// the input to the lanes of the first (channels c, c+2), with ROR #8 bytes
// 1 and 3 to those of the second (c+1, c+3). Maxima 4 bytes a word.
struct DspPool : PoolTails {
  static int SumIndex(int j) {
    return (j & ~3) | ((j & 1) << 1) | ((j >> 1) & 1);
  }
  static void PoolSum(const int8_t* in, int n, int16_t* sums) {
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      const uint32_t x = Load4(in + j);
      Store4(sums + j, Sxtab16(Load4(sums + j), x));
      Store4(sums + j + 2, Sxtab16Ror8(Load4(sums + j + 2), x));
    }
    SumFrom(j, in, n, sums, SumIndex);
  }
  static void PoolMax(const int8_t* in, int n, int8_t* maxes) {
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      Store4(maxes + j, MaxBytes(Load4(maxes + j), Load4(in + j)));
    }
    MaxFrom(j, in, n, maxes);
  }
};

// SVDF rows: int16 values two a word, int8 four a word in the lanes of
// SXTB16 and SXTB16 ROR #8; SMLAD with (1, 1) sums the lanes of x.
struct DspSvdf {
  static constexpr uint32_t kOnes = 0x00010001u;
  static void SvdfRow(const int16_t* x, const int16_t* y, int n,
                      uint32_t* xy, uint32_t* x_sum) {
    uint32_t p = *xy, s = *x_sum;
    int i = 0;
    for (; i + 2 <= n; i += 2) {
      const uint32_t u = Load4(x + i);
      p = Smlad(u, Load4(y + i), p);
      s = Smlad(u, kOnes, s);
    }
    for (; i < n; ++i) {
      p += static_cast<uint32_t>(static_cast<int32_t>(x[i]) * y[i]);
      s += static_cast<uint32_t>(x[i]);
    }
    *xy = p;
    *x_sum = s;
  }
  static void SvdfRow(const int8_t* x, const int8_t* y, int n, uint32_t* xy,
                      uint32_t* x_sum) {
    uint32_t p = *xy, s = *x_sum;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      const uint32_t u = Load4(x + i), v = Load4(y + i);
      const uint32_t u02 = Sxtb16(u), u13 = Sxtb16Ror8(u);
      p = Smlad(u02, Sxtb16(v), p);
      p = Smlad(u13, Sxtb16Ror8(v), p);
      s = Smlad(u02, kOnes, s);
      s = Smlad(u13, kOnes, s);
    }
    for (; i < n; ++i) {
      p += static_cast<uint32_t>(x[i] * y[i]);
      s += static_cast<uint32_t>(x[i]);
    }
    *xy = p;
    *x_sum = s;
  }
};

}  // namespace

TFLITE_CORTEX_M_INT8_KERNELS(Dsp, DspPath)
TFLITE_CORTEX_M_SVDF_SUMS(Dsp, DspSvdf)
TFLITE_CORTEX_M_INT8_POOLS(Dsp, DspPool)

}  // namespace cortex_m
}  // namespace optimized_ops
}  // namespace tflite
