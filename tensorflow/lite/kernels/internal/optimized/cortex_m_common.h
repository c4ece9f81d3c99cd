// Shared by the int8 kernels for 32-bit microcontroller cores
// (cortex_m_scalar.cc: any 32-bit core; cortex_m_dsp.cc: the Arm DSP
// extension): the requantization of an accumulator in 32-bit halves and
// FULLY_CONNECTED's arguments. The loops are in cortex_m_loops.h.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CORTEX_M_COMMON_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CORTEX_M_COMMON_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/optimized/conv_geometry.h"
#include "tensorflow/lite/kernels/internal/optimized/simd.h"
#include "tensorflow/lite/kernels/internal/types.h"

namespace tflite {
namespace optimized_ops {
namespace cortex_m {

// ------------------------------------------------------- requantization

// A multiplier with its shift decoded: per-tensor scales, or a channel used
// for several outputs, decode it once.
struct Scale32 {
  int32_t multiplier;
  int32_t left;
  int32_t right;
  int32_t mask;  // 2^right - 1
};

TFLITE_ALWAYS_INLINE Scale32 MakeScale32(int32_t multiplier, int32_t shift) {
  Scale32 s;
  s.multiplier = multiplier;
  s.left = shift > 0 ? shift : 0;
  s.right = shift > 0 ? 0 : -shift;
  s.mask = static_cast<int32_t>((static_cast<uint32_t>(1) << s.right) - 1);
  return s;
}

// ApplyScale32 is MultiplyByQuantizedMultiplier (common.h), exactly, for a
// multiplier other than INT32_MIN and a shift in [-31, 31], in the
// operations a 32-bit core has: one 32x32->64 multiply-accumulate (SMLAL)
// and 32-bit shifts.
// The saturating rounding doubling high multiply of x and m is
// floor((x * m + 2^30) / 2^31) for every pair but INT32_MIN * INT32_MIN
// (simd.h explains why), and RoundingDivideByPOT is the reference's
// remainder-versus-threshold rounding.
TFLITE_ALWAYS_INLINE int32_t ApplyScale32(int32_t acc, const Scale32& s) {
  const int32_t x =
      static_cast<int32_t>(static_cast<uint32_t>(acc) << s.left);
  const int64_t product = static_cast<int64_t>(x) * s.multiplier +
                          (static_cast<int64_t>(1) << 30);
  const int32_t high =
      static_cast<int32_t>(static_cast<uint64_t>(product) >> 31);
  const int32_t remainder = high & s.mask;
  const int32_t threshold =
      (s.mask >> 1) + static_cast<int32_t>(static_cast<uint32_t>(high) >> 31);
  return (high >> s.right) + (remainder > threshold ? 1 : 0);
}

TFLITE_ALWAYS_INLINE int32_t MultiplyByQuantizedMultiplier32(
    int32_t acc, int32_t multiplier, int32_t shift) {
  return ApplyScale32(acc, MakeScale32(multiplier, shift));
}

inline bool MultiplierFits32(int32_t multiplier, int32_t shift) {
  return multiplier != std::numeric_limits<int32_t>::min() && shift >= -31 &&
         shift <= 31;
}

// Output offset and activation limits small enough that clamping to
// [act_min - offset, act_max - offset] and then adding the offset equals
// the reference's saturating add and clamp (no int32 overflow on the way).
inline bool OutputStageFits32(int32_t offset, int32_t act_min,
                              int32_t act_max) {
  constexpr int32_t kLimit = 1 << 30;
  return offset > -kLimit && offset < kLimit && act_min > -kLimit &&
         act_min < kLimit && act_max > -kLimit && act_max < kLimit;
}

// ADD's (x + offset) * 2^left_shift (RescaleToCommonScale) as an int32
// shift left: |x + offset| <= 2^8 (int8 zero points) and left_shift <= 22.
inline bool AddInputShiftFits32(const ArithmeticParams& p) {
  return p.left_shift >= 0 && p.left_shift <= 22 && p.input1_offset >= -128 &&
         p.input1_offset <= 128 && p.input2_offset >= -128 &&
         p.input2_offset <= 128;
}

// The Cortex-M int8 AVERAGE_POOL_2D paths sum windows of at most this many
// taps in int16 (|sum| <= 128 * 256); larger filters take the portable
// pools.
constexpr int kMaxPoolTaps = 256;

// RequantizeScalar out of line: the path of unusual multipliers and
// shifts, kept out of the loops.
__attribute__((noinline)) inline int32_t RequantizeSlow(
    int32_t acc, int32_t multiplier, int32_t shift, int32_t offset,
    int32_t act_min, int32_t act_max) {
  return RequantizeScalar(acc, multiplier, shift, offset, act_min, act_max);
}

// Accumulator -> int8 output of channel `n` (per-channel multipliers).
struct Requantizer {
  const int32_t* multiplier;
  const int32_t* shift;
  int32_t offset;
  int32_t act_min;
  int32_t act_max;
  // act_min - offset, act_max - offset.
  int32_t lo;
  int32_t hi;
  // Every channel takes MultiplyByQuantizedMultiplier32.
  bool fast;

  TFLITE_ALWAYS_INLINE int8_t operator()(uint32_t acc, int n) const {
    const int32_t a = static_cast<int32_t>(acc);
    if (fast) {
      return Clamp(
          MultiplyByQuantizedMultiplier32(a, multiplier[n], shift[n]));
    }
    return static_cast<int8_t>(RequantizeSlow(a, multiplier[n], shift[n],
                                              offset, act_min, act_max));
  }

  // Two outputs of channel n (two pixels): the shift decoded once.
  TFLITE_ALWAYS_INLINE void Two(uint32_t acc0, uint32_t acc1, int n,
                                int8_t* out0, int8_t* out1) const {
    if (fast) {
      const Scale32 s = MakeScale32(multiplier[n], shift[n]);
      *out0 = Clamp(ApplyScale32(static_cast<int32_t>(acc0), s));
      *out1 = Clamp(ApplyScale32(static_cast<int32_t>(acc1), s));
      return;
    }
    *out0 = static_cast<int8_t>(RequantizeSlow(static_cast<int32_t>(acc0),
                                               multiplier[n], shift[n], offset,
                                               act_min, act_max));
    *out1 = static_cast<int8_t>(RequantizeSlow(static_cast<int32_t>(acc1),
                                               multiplier[n], shift[n], offset,
                                               act_min, act_max));
  }

  TFLITE_ALWAYS_INLINE int8_t Clamp(int32_t v) const {
    v = v < lo ? lo : v;
    v = v > hi ? hi : v;
    return static_cast<int8_t>(v + offset);
  }
};

inline Requantizer MakeRequantizer(const QuantizedOutput& q, int channels) {
  Requantizer r;
  r.multiplier = q.multiplier;
  r.shift = q.shift;
  r.offset = q.output_offset;
  r.act_min = q.act_min;
  r.act_max = q.act_max;
  r.lo = q.act_min - q.output_offset;
  r.hi = q.act_max - q.output_offset;
  r.fast = OutputStageFits32(q.output_offset, q.act_min, q.act_max);
  for (int n = 0; r.fast && n < channels; ++n) {
    r.fast = MultiplierFits32(q.multiplier[n], q.shift[n]);
  }
  return r;
}

TFLITE_ALWAYS_INLINE uint32_t BiasAt(const int32_t* bias, int n) {
  return bias != nullptr ? static_cast<uint32_t>(bias[n]) : 0u;
}

// FULLY_CONNECTED's sizes and quantization.
struct FcInt8Args {
  int batches;
  int outputs;
  int depth;
  // Per output when non-null, else `multiplier` and `shift`.
  const int32_t* per_channel_multiplier;
  const int32_t* per_channel_shift;
  int32_t multiplier;
  int32_t shift;
  int32_t input_offset;
  int32_t weights_offset;
  int32_t output_offset;
  int32_t act_min;
  int32_t act_max;
  bool litert_rescale;
};

}  // namespace cortex_m
}  // namespace optimized_ops
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_OPTIMIZED_CORTEX_M_COMMON_H_
