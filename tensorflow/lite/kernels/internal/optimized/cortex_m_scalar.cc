#include "tensorflow/lite/kernels/internal/optimized/cortex_m_scalar.h"

#include "tensorflow/lite/kernels/internal/optimized/cortex_m_loops.h"

namespace tflite {
namespace optimized_ops {
namespace cortex_m {
namespace {

// One int8 element times one int8 weight, the element offset first; int32
// wrapping as the reference's sums.
TFLITE_ALWAYS_INLINE uint32_t Product(int8_t x, int32_t off, int8_t w) {
  return (static_cast<uint32_t>(x) + static_cast<uint32_t>(off)) *
         static_cast<uint32_t>(w);
}

// The inner products of the scalar path, one element at a time. Not
// inlined: each loop gets the whole register file.
struct ScalarPath : UnpackedRowsPath<ScalarPath> {

  __attribute__((noinline)) static void Dot2x2(const Rows& r,
                                               const int8_t* w0,
                                               const int8_t* w1, int k,
                                               int32_t off, uint32_t acc[4]) {
    const int8_t* x0 = r.x0;
    const int8_t* x1 = r.x1;
    uint32_t a00 = acc[0], a01 = acc[1], a10 = acc[2], a11 = acc[3];
    for (int i = 0; i < k; ++i) {
      const uint32_t u = static_cast<uint32_t>(x0[i]) + off;
      const uint32_t v = static_cast<uint32_t>(x1[i]) + off;
      const uint32_t p = static_cast<uint32_t>(w0[i]);
      const uint32_t q = static_cast<uint32_t>(w1[i]);
      a00 += u * p;
      a01 += u * q;
      a10 += v * p;
      a11 += v * q;
    }
    acc[0] = a00;
    acc[1] = a01;
    acc[2] = a10;
    acc[3] = a11;
  }

  __attribute__((noinline)) static void FcDot1x2(const int8_t* x,
                                                 const int8_t* w0,
                                                 const int8_t* w1, int k,
                                                 int32_t off,
                                                 uint32_t acc[2]) {
    uint32_t a0 = acc[0], a1 = acc[1];
    for (int i = 0; i < k; ++i) {
      const uint32_t u = static_cast<uint32_t>(x[i]) + off;
      a0 += u * static_cast<uint32_t>(w0[i]);
      a1 += u * static_cast<uint32_t>(w1[i]);
    }
    acc[0] = a0;
    acc[1] = a1;
  }

  __attribute__((noinline)) static uint32_t Dot1x1(const int8_t* x,
                                                   const int8_t* w, int k,
                                                   int32_t off,
                                                   uint32_t acc) {
    for (int i = 0; i < k; ++i) acc += Product(x[i], off, w[i]);
    return acc;
  }

  __attribute__((noinline)) static void Dw4Channels(const DepthwiseWindow& win,
                                                    const int8_t* in,
                                                    const int8_t* w,
                                                    int32_t off,
                                                    uint32_t acc[4]) {
    DepthwiseTaps4Scalar<1>(win, in, w, off, acc);
  }

  __attribute__((noinline)) static void Dw4Outputs(const DepthwiseWindow& win,
                                                   const int8_t* in,
                                                   const int8_t* w,
                                                   int32_t off,
                                                   uint32_t acc[4]) {
    DepthwiseTaps4Scalar<0>(win, in, w, off, acc);
  }
};

}  // namespace

TFLITE_CORTEX_M_INT8_KERNELS(Scalar, ScalarPath)

}  // namespace cortex_m
}  // namespace optimized_ops
}  // namespace tflite
