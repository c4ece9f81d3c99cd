#include "tensorflow/lite/kernels/internal/optimized/cortex_m_scalar.h"

#include "tensorflow/lite/kernels/internal/optimized/cortex_m_loops.h"
#include "tensorflow/lite/kernels/internal/reference/add_sub.h"

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

struct ScalarPool : PoolTails {
  static void PoolSum(const int8_t* in, int n, int16_t* sums) {
    SumFrom(0, in, n, sums, [](int j) { return j; });
  }
  static void PoolMax(const int8_t* in, int n, int8_t* maxes) {
    MaxFrom(0, in, n, maxes);
  }
};

// ADD's steps with their multipliers decoded once: an input's value on
// the common scale (RescaleToCommonScale), and the sum to the output
// (QuantizedAddSubOutput). The 32-bit requantization where the multiplier,
// shift and output stage allow it, else the reference's functions.
struct AddSteps {
  const ArithmeticParams& p;
  Scale32 s1, s2, out;
  bool fast1, fast2, fast_out;
  int32_t lo, hi;

  explicit AddSteps(const ArithmeticParams& params) : p(params) {
    const bool shift_ok = AddInputShiftFits32(p);
    fast1 = shift_ok && MultiplierFits32(p.input1_multiplier, p.input1_shift);
    fast2 = shift_ok && MultiplierFits32(p.input2_multiplier, p.input2_shift);
    fast_out = MultiplierFits32(p.output_multiplier, p.output_shift) &&
               OutputStageFits32(p.output_offset, p.quantized_activation_min,
                                 p.quantized_activation_max);
    s1 = MakeScale32(p.input1_multiplier, p.input1_shift);
    s2 = MakeScale32(p.input2_multiplier, p.input2_shift);
    out = MakeScale32(p.output_multiplier, p.output_shift);
    lo = p.quantized_activation_min - p.output_offset;
    hi = p.quantized_activation_max - p.output_offset;
  }

  TFLITE_ALWAYS_INLINE int32_t Shifted(int8_t x, int32_t offset) const {
    return static_cast<int32_t>(static_cast<uint32_t>(x + offset)
                                << p.left_shift);
  }
  TFLITE_ALWAYS_INLINE int32_t In1(int8_t x) const {
    if (fast1) return ApplyScale32(Shifted(x, p.input1_offset), s1);
    return RescaleToCommonScale(x, p.input1_offset, p.left_shift,
                                p.input1_multiplier, p.input1_shift);
  }
  TFLITE_ALWAYS_INLINE int32_t In2(int8_t x) const {
    if (fast2) return ApplyScale32(Shifted(x, p.input2_offset), s2);
    return RescaleToCommonScale(x, p.input2_offset, p.left_shift,
                                p.input2_multiplier, p.input2_shift);
  }
  TFLITE_ALWAYS_INLINE int8_t Out(int32_t sum) const {
    if (!fast_out) {
      return static_cast<int8_t>(reference_ops::QuantizedAddSubOutput(p, sum));
    }
    int32_t v = ApplyScale32(sum, out);
    v = v < lo ? lo : v;
    v = v > hi ? hi : v;
    return static_cast<int8_t>(v + p.output_offset);
  }
};

__attribute__((noinline)) void AddByTables(const AddSteps& steps, int size,
                                           const int8_t* a, const int8_t* b,
                                           int8_t* out) {
  int32_t t1[256], t2[256];
  for (int v = -128; v < 128; ++v) {
    t1[v + 128] = steps.In1(static_cast<int8_t>(v));
    t2[v + 128] = steps.In2(static_cast<int8_t>(v));
  }
  // Indexed from the middle: t[x] for int8 x.
  const int32_t* m1 = t1 + 128;
  const int32_t* m2 = t2 + 128;
  for (int i = 0; i < size; ++i) out[i] = steps.Out(m1[a[i]] + m2[b[i]]);
}

}  // namespace

TFLITE_CORTEX_M_INT8_KERNELS(Scalar, ScalarPath)
TFLITE_CORTEX_M_INT8_POOLS(Scalar, ScalarPool)

void AddInt8Scalar(const ArithmeticParams& p, int size, const int8_t* input1,
                   const int8_t* input2, int8_t* output) {
  const AddSteps steps(p);
  if (size >= kAddTableMinSize) {
    AddByTables(steps, size, input1, input2, output);
    return;
  }
  for (int i = 0; i < size; ++i) {
    output[i] = steps.Out(steps.In1(input1[i]) + steps.In2(input2[i]));
  }
}

}  // namespace cortex_m
}  // namespace optimized_ops
}  // namespace tflite
