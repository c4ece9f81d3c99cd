#include "tensorflow/lite/kernels/internal/optimized/lstm.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "tensorflow/lite/kernels/internal/fixedpoint.h"
#include "tensorflow/lite/kernels/internal/optimized/simd.h"

namespace tflite {
namespace optimized_ops {
namespace {

using reference_ops::kLstmCellGate;
using reference_ops::kLstmForgetGate;
using reference_ops::kLstmGateCount;
using reference_ops::kLstmInputGate;
using reference_ops::kLstmOutputGate;
using reference_ops::LstmIntegerParams;
using reference_ops::LstmIntegerWeights;
using reference_ops::LstmSizes;

// The vector path keeps one step's input and output state as int16 vectors
// of 16 columns on the stack; longer rows take the reference.
constexpr int kMaxChunks = 16;

#if TFLITE_OPTIMIZED_X86  // The vector path's helpers.

bool ShiftOk(int32_t multiplier, int shift) {
  return multiplier >= 0 && shift >= -31 && shift <= 30;
}

// Whether the vector rescaling reproduces every LstmRescaleTwice this model
// needs (Requantize8's range), and the hidden zero point cannot overflow
// the int32 lanes.
bool VectorSupported(const LstmSizes& sizes, const LstmIntegerWeights& w,
                     const LstmIntegerParams& p) {
  if (sizes.batches != 1 || sizes.input_size > 16 * kMaxChunks ||
      sizes.output_size > 16 * kMaxChunks) {
    return false;
  }
  for (int g = 0; g < kLstmGateCount; ++g) {
    if (w.input_to_gate[g] == nullptr) continue;
    if (!ShiftOk(p.input_multiplier[g], p.input_shift[g]) ||
        !ShiftOk(p.recurrent_multiplier[g], p.recurrent_shift[g])) {
      return false;
    }
    if (w.cell_to_gate[g] != nullptr &&
        !ShiftOk(p.cell_multiplier[g], p.cell_shift[g])) {
      return false;
    }
  }
  return ShiftOk(p.hidden_multiplier, p.hidden_shift) &&
         p.hidden_zero_point >= -65536 && p.hidden_zero_point <= 65536 &&
         p.cell_exponent >= -15 && p.cell_exponent <= -9;
}

#endif  // TFLITE_OPTIMIZED_X86

void SequenceReference(const LstmSizes& sizes, const LstmIntegerWeights& w,
                       const LstmIntegerParams& p, int steps,
                       const int8_t* input, int input_stride, int8_t* output,
                       int output_stride, int8_t* output_state,
                       int16_t* cell_state, void* scratch) {
  int16_t* gates = static_cast<int16_t*>(scratch);
  int8_t* hidden = reinterpret_cast<int8_t*>(gates + 4 * sizes.cell_size);
  for (int t = 0; t < steps; ++t) {
    reference_ops::LstmStepInteger(
        sizes, w, p, input + static_cast<size_t>(t) * input_stride,
        output_state, cell_state, gates, hidden,
        output + static_cast<size_t>(t) * output_stride);
  }
}

#if TFLITE_OPTIMIZED_X86
// The projection, as the reference computes it (scalar; rarely used).
void Projection(const LstmSizes& sizes, const LstmIntegerWeights& w,
                const LstmIntegerParams& p, const int8_t* hidden,
                int8_t* output_state) {
  for (int o = 0; o < sizes.output_size; ++o) {
    int32_t acc = w.projection_effective_bias[o];
    const int8_t* weights = w.projection_weights + o * sizes.cell_size;
    for (int k = 0; k < sizes.cell_size; ++k) {
      acc = reference_ops::WrappingAdd(acc, static_cast<int32_t>(hidden[k]) *
                                 static_cast<int32_t>(weights[k]));
    }
    acc = static_cast<int32_t>(std::min<int64_t>(
        127, std::max<int64_t>(
                 -128, static_cast<int64_t>(reference_ops::LstmRescaleTwice(
                           acc, p.projection_multiplier, p.projection_shift)) +
                           p.output_state_zero_point)));
    if (p.projection_clip > 0) {
      acc = std::min<int32_t>(p.projection_clip,
                              std::max<int32_t>(-p.projection_clip, acc));
    }
    output_state[o] = static_cast<int8_t>(acc);
  }
}
#endif  // TFLITE_OPTIMIZED_X86

// RescaleConstant<int16_t> (RoundingDivideByPOT by 16), usable as a
// compile-time constant.
constexpr int16_t Rc(int32_t value) {
  return static_cast<int16_t>(
      (value >> 16) +
      ((value & 0xFFFF) > (0x7FFF + (value < 0 ? 1 : 0)) ? 1 : 0));
}

#if TFLITE_OPTIMIZED_X86

// ------------------------------------------- int16 fixed point, 16 lanes
// Each mirrors the scalar function of the same name in fixedpoint.h.

using V = __m256i;

TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE V Set(int value) {
  return _mm256_set1_epi16(static_cast<int16_t>(value));
}
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE V Add(V a, V b) {
  return _mm256_add_epi16(a, b);
}
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE V Sub(V a, V b) {
  return _mm256_sub_epi16(a, b);
}
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE V Neg(V a) {
  return _mm256_sub_epi16(_mm256_setzero_si256(), a);
}
// mask ? t : f (masks are all ones or all zeros per lane).
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE V Select(V mask, V t, V f) {
  return _mm256_blendv_epi8(f, t, mask);
}

// SaturatingRoundingDoublingHighMul: mulhrs computes floor((ab + 2^14) /
// 2^15), which equals the reference's nudged truncating division for both
// signs; only -32768 * -32768 wraps (to -32768) where the reference
// saturates to 32767, and nothing else gives -32768.
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE V Mul(V a, V b) {
  const V r = _mm256_mulhrs_epi16(a, b);
  return _mm256_xor_si256(r, _mm256_cmpeq_epi16(r, Set(-32768)));
}

template <int E>
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE V RoundingDivideByPOT(V x) {
  if (E == 0) return x;
  const V mask = Set((1 << E) - 1);
  const V remainder = _mm256_and_si256(x, mask);
  const V threshold =
      _mm256_add_epi16(_mm256_srli_epi16(mask, 1), _mm256_srli_epi16(x, 15));
  return _mm256_sub_epi16(_mm256_srai_epi16(x, E),
                          _mm256_cmpgt_epi16(remainder, threshold));
}

template <int E>
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE V SaturatingRoundingMultiplyByPOT(V x) {
  if (E < 0) return RoundingDivideByPOT<(E < 0 ? -E : 0)>(x);
  if (E == 0) return x;
  constexpr int kShift = E > 0 ? E : 0;
  const int threshold = (1 << (15 - kShift)) - 1;
  const V positive = _mm256_cmpgt_epi16(x, Set(threshold));
  const V negative = _mm256_cmpgt_epi16(Set(-threshold), x);
  V r = _mm256_slli_epi16(x, kShift);
  r = Select(positive, Set(32767), r);
  return Select(negative, Set(-32768), r);
}

// (a + b) / 2 rounded half away from zero: avg_epu16 on sign-flipped values
// gives floor((a + b + 1) / 2); odd negative sums need one less.
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE V RoundingHalfSum(V a, V b) {
  const V flip = Set(-32768);
  const V up = _mm256_xor_si256(
      _mm256_avg_epu16(_mm256_xor_si256(a, flip), _mm256_xor_si256(b, flip)),
      flip);
  const V odd = _mm256_cmpeq_epi16(
      _mm256_and_si256(_mm256_xor_si256(a, b), Set(1)), Set(1));
  const V not_positive = _mm256_cmpgt_epi16(Set(1), up);
  return _mm256_add_epi16(up, _mm256_and_si256(odd, not_positive));
}

TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE V ExpOnQuarterInterval(V a) {
  const V exp_minus_one_eighth = Set(Rc(1895147668));
  const V one_third = Set(Rc(715827883));
  const V x = Add(a, Set(1 << 12));
  const V x2 = Mul(x, x);
  const V x3 = Mul(x2, x);
  const V x4 = Mul(x2, x2);
  const V x4_over_4 = RoundingDivideByPOT<2>(x4);
  const V poly =
      RoundingDivideByPOT<1>(Add(Mul(Add(x4_over_4, x3), one_third), x2));
  return _mm256_adds_epi16(exp_minus_one_eighth,
                           Mul(exp_minus_one_eighth, Add(x, poly)));
}

template <int I>
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE V ExpOnNegativeValues(V a) {
  constexpr int kFractional = 15 - I;
  const int one_quarter = 1 << (kFractional - 2);
  const V quarter_part =
      Sub(_mm256_and_si256(a, Set(one_quarter - 1)), Set(one_quarter));
  V result =
      ExpOnQuarterInterval(SaturatingRoundingMultiplyByPOT<I>(quarter_part));
  const V remainder = Sub(quarter_part, a);
  constexpr int kExponents[] = {-2, -1, 0, 1, 2, 3, 4};
  constexpr int32_t kMultipliers[] = {1672461947, 1302514674, 790015084,
                                      290630308,  39332535,   720401,
                                      242};
#pragma GCC unroll 7
  for (int i = 0; i < 7; ++i) {
    if (I > kExponents[i]) {
      const V bit = Set(1 << (kFractional + kExponents[i]));
      const V clear =
          _mm256_cmpeq_epi16(_mm256_and_si256(remainder, bit),
                             _mm256_setzero_si256());
      result = Select(clear, result, Mul(result, Set(Rc(kMultipliers[i]))));
    }
  }
  if (I > 5) {
    const V clamp = Set(Rc(-(1 << (I > 5 ? 36 - I : 0))));
    result = Select(_mm256_cmpgt_epi16(clamp, a), _mm256_setzero_si256(),
                    result);
  }
  return Select(_mm256_cmpeq_epi16(a, _mm256_setzero_si256()), Set(32767),
                result);
}

// The Newton iterations shared by 1 / (1 + a) and (1 - a) / (1 + a), in Q2.13.
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE V OneOverOnePlusXTimes2(V a) {
  const V half_denominator = RoundingHalfSum(a, Set(32767));
  V x = Add(Set(Rc(1515870810)), Mul(half_denominator, Set(Rc(-1010580540))));
#pragma GCC unroll 3
  for (int i = 0; i < 3; ++i) {
    const V one_minus = Sub(Set(1 << 13), Mul(half_denominator, x));
    x = Add(x, SaturatingRoundingMultiplyByPOT<2>(Mul(x, one_minus)));
  }
  return x;
}

template <int I>
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE V Tanh(V a) {
  const V zero = _mm256_setzero_si256();
  const V negative = _mm256_cmpgt_epi16(zero, a);
  const V n = Select(negative, a, Neg(a));
  const V x = OneOverOnePlusXTimes2(ExpOnNegativeValues<I + 1>(n));
  const V t = SaturatingRoundingMultiplyByPOT<2>(Sub(x, Set(1 << 13)));
  return Select(_mm256_cmpeq_epi16(a, zero), zero,
                Select(negative, Neg(t), t));
}

template <int I>
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE V Logistic(V a) {
  const V zero = _mm256_setzero_si256();
  const V positive = _mm256_cmpgt_epi16(a, zero);
  const V magnitude = Select(positive, a, Neg(a));
  const V x = OneOverOnePlusXTimes2(ExpOnNegativeValues<I>(Neg(magnitude)));
  const V if_positive = SaturatingRoundingMultiplyByPOT<1>(x);
  const V if_negative = Sub(Set(32767), if_positive);
  return Select(_mm256_cmpeq_epi16(a, zero), Set(Rc(1 << 30)),
                Select(positive, if_positive, if_negative));
}

// n is a multiple of 16 (in place allowed).
TFLITE_TARGET_AVX2 void LogisticQ3Avx2(const int16_t* in, int16_t* out,
                                       int n) {
  for (int i = 0; i < n; i += 16) {
    const V v = _mm256_loadu_si256(reinterpret_cast<const V*>(in + i));
    _mm256_storeu_si256(reinterpret_cast<V*>(out + i), Logistic<3>(v));
  }
}

template <int I>
TFLITE_TARGET_AVX2 void TanhAvx2(const int16_t* in, int16_t* out, int n) {
  for (int i = 0; i < n; i += 16) {
    const V v = _mm256_loadu_si256(reinterpret_cast<const V*>(in + i));
    _mm256_storeu_si256(reinterpret_cast<V*>(out + i), Tanh<I>(v));
  }
}

void TanhDispatchAvx2(int integer_bits, const int16_t* in, int16_t* out,
                      int n) {
  switch (integer_bits) {
    case 0:
      return TanhAvx2<0>(in, out, n);
    case 1:
      return TanhAvx2<1>(in, out, n);
    case 2:
      return TanhAvx2<2>(in, out, n);
    case 3:
      return TanhAvx2<3>(in, out, n);
    case 4:
      return TanhAvx2<4>(in, out, n);
    case 5:
      return TanhAvx2<5>(in, out, n);
    default:
      return TanhAvx2<6>(in, out, n);
  }
}

// ------------------------------------------------- int32 lanes (8 cells)
// Rows of cells are not padded (the arena holds exactly what the reference
// uses), so the last partial block of 8 or 16 goes through a local copy.

TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE __m256i Clamp32(__m256i v, int lo,
                                                        int hi) {
  return _mm256_min_epi32(_mm256_max_epi32(v, _mm256_set1_epi32(lo)),
                          _mm256_set1_epi32(hi));
}
// 8 int16 widened to int32; only n of them are read when n < 8.
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE __m256i Load8x16(const int16_t* p,
                                                         int n) {
  if (n >= 8) {
    return _mm256_cvtepi16_epi32(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
  }
  alignas(16) int16_t tmp[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  std::memcpy(tmp, p, sizeof(int16_t) * n);
  return _mm256_cvtepi16_epi32(
      _mm_load_si128(reinterpret_cast<const __m128i*>(tmp)));
}
// Stores min(n, 8) lanes (within int16) as int16.
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE void Store8x16(int16_t* p, __m256i v,
                                                       int n) {
  const __m128i packed = _mm256_castsi256_si128(
      _mm256_permute4x64_epi64(_mm256_packs_epi32(v, v), 0x08));
  if (n >= 8) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p), packed);
    return;
  }
  alignas(16) int16_t tmp[8];
  _mm_store_si128(reinterpret_cast<__m128i*>(tmp), packed);
  std::memcpy(p, tmp, sizeof(int16_t) * n);
}
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE __m256i Load8x32(const int32_t* p,
                                                         int n) {
  if (n >= 8) return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i mask = _mm256_cmpgt_epi32(
      _mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
  return _mm256_maskload_epi32(p, mask);
}
// 16 int8 widened to int16; only n of them are read when n < 16 (the rest
// are zero).
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE __m256i LoadWidened(const int8_t* p,
                                                            size_t n) {
  if (n >= 16) {
    return _mm256_cvtepi8_epi16(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
  }
  alignas(16) int8_t tmp[16] = {0};
  std::memcpy(tmp, p, n);
  return _mm256_cvtepi8_epi16(
      _mm_load_si128(reinterpret_cast<const __m128i*>(tmp)));
}
// LstmRescaleTwice (Requantize8 is the same two roundings).
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE __m256i Rescale(__m256i x,
                                                        int32_t multiplier,
                                                        int shift) {
  return Requantize8(x, _mm256_set1_epi32(multiplier),
                     _mm256_set1_epi32(shift));
}
// RoundingDivideByPOT on int32 lanes, exponent in [0, 31].
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE __m256i Rdbpot32(__m256i x,
                                                         int exponent) {
  const __m256i mask = _mm256_set1_epi32(
      static_cast<int32_t>((static_cast<int64_t>(1) << exponent) - 1));
  const __m256i remainder = _mm256_and_si256(x, mask);
  const __m256i threshold =
      _mm256_add_epi32(_mm256_srli_epi32(mask, 1), _mm256_srli_epi32(x, 31));
  return _mm256_sub_epi32(
      _mm256_sra_epi32(x, _mm_cvtsi32_si128(exponent)),
      _mm256_cmpgt_epi32(remainder, threshold));
}

// Rows [r0, r0 + 8) of W . v (W row-major [rows][depth]; v as int16 chunks
// of 16 columns, zero past depth), lane i for row r0 + i (0 past the last
// row). A chunk may run into the next row's weights: they meet zero columns
// of v. Only the matrix's own bytes are read. The int32 sums wrap like the
// reference's.
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE __m256i Product8(
    const int8_t* w, int rows, int depth, const __m256i* v, int chunks,
    int r0) {
  const size_t total = static_cast<size_t>(rows) * depth;
  __m256i acc[8];
#pragma GCC unroll 8
  for (int r = 0; r < 8; ++r) {
    acc[r] = _mm256_setzero_si256();
    if (r0 + r >= rows) continue;
    const size_t row = static_cast<size_t>(r0 + r) * depth;
    for (int j = 0; j < chunks; ++j) {
      const size_t offset = row + 16 * j;
      acc[r] = _mm256_add_epi32(
          acc[r],
          _mm256_madd_epi16(LoadWidened(w + offset, total - offset), v[j]));
    }
  }
  // Horizontal sums of the 8 accumulators into one vector.
  const __m256i b0 = _mm256_hadd_epi32(acc[0], acc[1]);
  const __m256i b1 = _mm256_hadd_epi32(acc[2], acc[3]);
  const __m256i b2 = _mm256_hadd_epi32(acc[4], acc[5]);
  const __m256i b3 = _mm256_hadd_epi32(acc[6], acc[7]);
  const __m256i c0 = _mm256_hadd_epi32(b0, b1);
  const __m256i c1 = _mm256_hadd_epi32(b2, b3);
  return _mm256_add_epi32(_mm256_permute2x128_si256(c0, c1, 0x20),
                          _mm256_permute2x128_si256(c0, c1, 0x31));
}

// gate = saturate16(rescaled(w_c * c) + gate), the peephole term.
TFLITE_TARGET_AVX2 void Peephole(const int16_t* weights, const int16_t* cell,
                                 int32_t multiplier, int shift, int cells,
                                 int16_t* gate) {
  for (int i = 0; i < cells; i += 8) {
    const int n = cells - i;
    const __m256i product =
        _mm256_mullo_epi32(Load8x16(weights + i, n), Load8x16(cell + i, n));
    const __m256i term = Clamp32(Rescale(product, multiplier, shift), -65536,
                                 65535);
    Store8x16(gate + i,
              Clamp32(_mm256_add_epi32(term, Load8x16(gate + i, n)), -32768,
                      32767),
              n);
  }
}

// An activation over n int16 values in place, 16 at a time.
template <V (*F)(V)>
TFLITE_TARGET_AVX2 TFLITE_ALWAYS_INLINE void Activate(int16_t* p, int n) {
  int i = 0;
  for (; i + 16 <= n; i += 16) {
    const V v = _mm256_loadu_si256(reinterpret_cast<const V*>(p + i));
    _mm256_storeu_si256(reinterpret_cast<V*>(p + i), F(v));
  }
  if (i < n) {
    alignas(32) int16_t tmp[16] = {0};
    std::memcpy(tmp, p + i, sizeof(int16_t) * (n - i));
    _mm256_store_si256(reinterpret_cast<V*>(tmp),
                       F(_mm256_load_si256(reinterpret_cast<const V*>(tmp))));
    std::memcpy(p + i, tmp, sizeof(int16_t) * (n - i));
  }
}

// hidden = int8(rescaled(o * tanh(c)) + zero point). The rescaled value is
// first clamped to a range that keeps the final clamp's result, so the
// zero point cannot overflow the lanes.
template <int I>
TFLITE_TARGET_AVX2 void Hidden(const int16_t* output_gate, const int16_t* cell,
                               const LstmIntegerParams& p, int cells,
                               int8_t* hidden) {
  for (int i = 0; i < cells; i += 16) {
    const int n = std::min(16, cells - i);
    alignas(32) int16_t o[16] = {0};
    alignas(32) int16_t c[16] = {0};
    std::memcpy(o, output_gate + i, sizeof(int16_t) * n);
    std::memcpy(c, cell + i, sizeof(int16_t) * n);
    const V t = Tanh<I>(_mm256_load_si256(reinterpret_cast<const V*>(c)));
    const V ov = _mm256_load_si256(reinterpret_cast<const V*>(o));
    __m256i half[2];
#pragma GCC unroll 2
    for (int k = 0; k < 2; ++k) {
      const __m256i product = _mm256_mullo_epi32(
          _mm256_cvtepi16_epi32(k == 0 ? _mm256_castsi256_si128(ov)
                                       : _mm256_extracti128_si256(ov, 1)),
          _mm256_cvtepi16_epi32(k == 0 ? _mm256_castsi256_si128(t)
                                       : _mm256_extracti128_si256(t, 1)));
      __m256i v = Clamp32(Rescale(product, p.hidden_multiplier, p.hidden_shift),
                          -(1 << 20), 1 << 20);
      half[k] = Clamp32(
          _mm256_add_epi32(v, _mm256_set1_epi32(p.hidden_zero_point)), -128,
          127);
    }
    // int32 -> int16 -> int8, undoing the lane interleaving of the packs.
    const __m256i words = _mm256_permute4x64_epi64(
        _mm256_packs_epi32(half[0], half[1]), 0xD8);
    const __m128i bytes = _mm_packs_epi16(_mm256_castsi256_si128(words),
                                          _mm256_extracti128_si256(words, 1));
    alignas(16) int8_t out[16];
    _mm_store_si128(reinterpret_cast<__m128i*>(out), bytes);
    std::memcpy(hidden + i, out, n);
  }
}

void HiddenDispatch(int integer_bits, const int16_t* output_gate,
                    const int16_t* cell, const LstmIntegerParams& p, int cells,
                    int8_t* hidden) {
  switch (integer_bits) {
    case 0:
      return Hidden<0>(output_gate, cell, p, cells, hidden);
    case 1:
      return Hidden<1>(output_gate, cell, p, cells, hidden);
    case 2:
      return Hidden<2>(output_gate, cell, p, cells, hidden);
    case 3:
      return Hidden<3>(output_gate, cell, p, cells, hidden);
    case 4:
      return Hidden<4>(output_gate, cell, p, cells, hidden);
    case 5:
      return Hidden<5>(output_gate, cell, p, cells, hidden);
    default:
      return Hidden<6>(output_gate, cell, p, cells, hidden);
  }
}

// ------------------------------ int16 fixed point, 32 lanes (AVX-512BW)
// The same functions with 512-bit vectors and mask registers; tails use
// masked loads and stores. Used for the activations and the hidden state
// (the gate products stay AVX2).
namespace z {

using W = __m512i;

TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE W Set(int value) {
  return _mm512_set1_epi16(static_cast<int16_t>(value));
}
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE W Add(W a, W b) {
  return _mm512_add_epi16(a, b);
}
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE W Sub(W a, W b) {
  return _mm512_sub_epi16(a, b);
}
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE W Neg(W a) {
  return _mm512_sub_epi16(_mm512_setzero_si512(), a);
}
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE W Mul(W a, W b) {
  const W r = _mm512_mulhrs_epi16(a, b);
  return _mm512_mask_mov_epi16(r, _mm512_cmpeq_epi16_mask(r, Set(-32768)),
                               Set(32767));
}
template <int E>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE W RoundingDivideByPOT(W x) {
  if (E == 0) return x;
  const W mask = Set((1 << E) - 1);
  const W remainder = _mm512_and_si512(x, mask);
  const W threshold =
      _mm512_add_epi16(_mm512_srli_epi16(mask, 1), _mm512_srli_epi16(x, 15));
  const W shifted = _mm512_srai_epi16(x, E);
  return _mm512_mask_add_epi16(
      shifted, _mm512_cmpgt_epi16_mask(remainder, threshold), shifted, Set(1));
}
template <int E>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE W
SaturatingRoundingMultiplyByPOT(W x) {
  if (E < 0) return RoundingDivideByPOT<(E < 0 ? -E : 0)>(x);
  if (E == 0) return x;
  constexpr int kShift = E > 0 ? E : 0;
  const int threshold = (1 << (15 - kShift)) - 1;
  W r = _mm512_slli_epi16(x, kShift);
  r = _mm512_mask_mov_epi16(r, _mm512_cmpgt_epi16_mask(x, Set(threshold)),
                            Set(32767));
  return _mm512_mask_mov_epi16(
      r, _mm512_cmpgt_epi16_mask(Set(-threshold), x), Set(-32768));
}
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE W RoundingHalfSum(W a, W b) {
  const W flip = Set(-32768);
  const W up = _mm512_xor_si512(
      _mm512_avg_epu16(_mm512_xor_si512(a, flip), _mm512_xor_si512(b, flip)),
      flip);
  const __mmask32 odd = _mm512_test_epi16_mask(_mm512_xor_si512(a, b), Set(1));
  const __mmask32 not_positive = _mm512_cmpgt_epi16_mask(Set(1), up);
  return _mm512_mask_sub_epi16(up, odd & not_positive, up, Set(1));
}
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE W ExpOnQuarterInterval(W a) {
  const W exp_minus_one_eighth = Set(Rc(1895147668));
  const W one_third = Set(Rc(715827883));
  const W x = Add(a, Set(1 << 12));
  const W x2 = Mul(x, x);
  const W x3 = Mul(x2, x);
  const W x4 = Mul(x2, x2);
  const W x4_over_4 = RoundingDivideByPOT<2>(x4);
  const W poly =
      RoundingDivideByPOT<1>(Add(Mul(Add(x4_over_4, x3), one_third), x2));
  return _mm512_adds_epi16(exp_minus_one_eighth,
                           Mul(exp_minus_one_eighth, Add(x, poly)));
}
template <int I>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE W ExpOnNegativeValues(W a) {
  constexpr int kFractional = 15 - I;
  const int one_quarter = 1 << (kFractional - 2);
  const W quarter_part =
      Sub(_mm512_and_si512(a, Set(one_quarter - 1)), Set(one_quarter));
  W result =
      ExpOnQuarterInterval(SaturatingRoundingMultiplyByPOT<I>(quarter_part));
  const W remainder = Sub(quarter_part, a);
  constexpr int kExponents[] = {-2, -1, 0, 1, 2, 3, 4};
  constexpr int32_t kMultipliers[] = {1672461947, 1302514674, 790015084,
                                      290630308,  39332535,   720401,
                                      242};
#pragma GCC unroll 7
  for (int i = 0; i < 7; ++i) {
    if (I > kExponents[i]) {
      const __mmask32 set = _mm512_test_epi16_mask(
          remainder, Set(1 << (kFractional + kExponents[i])));
      result = _mm512_mask_mov_epi16(result, set,
                                     Mul(result, Set(Rc(kMultipliers[i]))));
    }
  }
  const W zero = _mm512_setzero_si512();
  if (I > 5) {
    const W clamp = Set(Rc(-(1 << (I > 5 ? 36 - I : 0))));
    result = _mm512_mask_mov_epi16(result, _mm512_cmpgt_epi16_mask(clamp, a),
                                   zero);
  }
  return _mm512_mask_mov_epi16(result, _mm512_cmpeq_epi16_mask(a, zero),
                               Set(32767));
}
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE W OneOverOnePlusXTimes2(W a) {
  const W half_denominator = RoundingHalfSum(a, Set(32767));
  W x = Add(Set(Rc(1515870810)), Mul(half_denominator, Set(Rc(-1010580540))));
#pragma GCC unroll 3
  for (int i = 0; i < 3; ++i) {
    const W one_minus = Sub(Set(1 << 13), Mul(half_denominator, x));
    x = Add(x, SaturatingRoundingMultiplyByPOT<2>(Mul(x, one_minus)));
  }
  return x;
}
template <int I>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE W Tanh(W a) {
  const W zero = _mm512_setzero_si512();
  const __mmask32 negative = _mm512_cmpgt_epi16_mask(zero, a);
  const W n = _mm512_mask_mov_epi16(Neg(a), negative, a);
  const W x = OneOverOnePlusXTimes2(ExpOnNegativeValues<I + 1>(n));
  const W t = SaturatingRoundingMultiplyByPOT<2>(Sub(x, Set(1 << 13)));
  const W r = _mm512_mask_mov_epi16(t, negative, Neg(t));
  return _mm512_mask_mov_epi16(r, _mm512_cmpeq_epi16_mask(a, zero), zero);
}
template <int I>
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE W Logistic(W a) {
  const W zero = _mm512_setzero_si512();
  const __mmask32 positive = _mm512_cmpgt_epi16_mask(a, zero);
  const W magnitude = _mm512_mask_mov_epi16(Neg(a), positive, a);
  const W x = OneOverOnePlusXTimes2(ExpOnNegativeValues<I>(Neg(magnitude)));
  const W if_positive = SaturatingRoundingMultiplyByPOT<1>(x);
  const W r = _mm512_mask_mov_epi16(Sub(Set(32767), if_positive), positive,
                                    if_positive);
  return _mm512_mask_mov_epi16(r, _mm512_cmpeq_epi16_mask(a, zero),
                               Set(Rc(1 << 30)));
}

inline __mmask32 TailMask(int n) {
  return n >= 32 ? ~static_cast<__mmask32>(0)
                 : (static_cast<__mmask32>(1) << n) - 1;
}

TFLITE_TARGET_AVX512 void LogisticQ3(int16_t* p, int n) {
  for (int i = 0; i < n; i += 32) {
    const __mmask32 m = TailMask(n - i);
    _mm512_mask_storeu_epi16(p + i, m,
                             Logistic<3>(_mm512_maskz_loadu_epi16(m, p + i)));
  }
}

template <int I>
TFLITE_TARGET_AVX512 void TanhInPlace(int16_t* p, int n) {
  for (int i = 0; i < n; i += 32) {
    const __mmask32 m = TailMask(n - i);
    _mm512_mask_storeu_epi16(p + i, m,
                             Tanh<I>(_mm512_maskz_loadu_epi16(m, p + i)));
  }
}

void TanhDispatch(int integer_bits, int16_t* p, int n) {
  switch (integer_bits) {
    case 0:
      return TanhInPlace<0>(p, n);
    case 1:
      return TanhInPlace<1>(p, n);
    case 2:
      return TanhInPlace<2>(p, n);
    case 3:
      return TanhInPlace<3>(p, n);
    case 4:
      return TanhInPlace<4>(p, n);
    case 5:
      return TanhInPlace<5>(p, n);
    default:
      return TanhInPlace<6>(p, n);
  }
}

// As the AVX2 Hidden, 32 cells at a time.
template <int I>
TFLITE_TARGET_AVX512 void Hidden(const int16_t* output_gate,
                                 const int16_t* cell,
                                 const LstmIntegerParams& p, int cells,
                                 int8_t* hidden) {
  const __m512i multiplier = _mm512_set1_epi32(p.hidden_multiplier);
  const __m512i shift = _mm512_set1_epi32(p.hidden_shift);
  const __m512i zero_point = _mm512_set1_epi32(p.hidden_zero_point);
  for (int i = 0; i < cells; i += 32) {
    const __mmask32 m = TailMask(cells - i);
    const W o = _mm512_maskz_loadu_epi16(m, output_gate + i);
    const W t = Tanh<I>(_mm512_maskz_loadu_epi16(m, cell + i));
#pragma GCC unroll 2
    for (int k = 0; k < 2; ++k) {
      const __m512i product = _mm512_mullo_epi32(
          _mm512_cvtepi16_epi32(k == 0 ? _mm512_castsi512_si256(o)
                                       : _mm512_extracti64x4_epi64(o, 1)),
          _mm512_cvtepi16_epi32(k == 0 ? _mm512_castsi512_si256(t)
                                       : _mm512_extracti64x4_epi64(t, 1)));
      __m512i v = Requantize16(product, multiplier, shift);
      v = _mm512_min_epi32(_mm512_max_epi32(v, _mm512_set1_epi32(-(1 << 20))),
                           _mm512_set1_epi32(1 << 20));
      v = _mm512_add_epi32(v, zero_point);
      v = _mm512_min_epi32(_mm512_max_epi32(v, _mm512_set1_epi32(-128)),
                           _mm512_set1_epi32(127));
      _mm_mask_storeu_epi8(hidden + i + 16 * k,
                           static_cast<__mmask16>(m >> (16 * k)),
                           _mm512_cvtepi32_epi8(v));
    }
  }
}

void HiddenDispatch(int integer_bits, const int16_t* output_gate,
                    const int16_t* cell, const LstmIntegerParams& p, int cells,
                    int8_t* hidden) {
  switch (integer_bits) {
    case 0:
      return Hidden<0>(output_gate, cell, p, cells, hidden);
    case 1:
      return Hidden<1>(output_gate, cell, p, cells, hidden);
    case 2:
      return Hidden<2>(output_gate, cell, p, cells, hidden);
    case 3:
      return Hidden<3>(output_gate, cell, p, cells, hidden);
    case 4:
      return Hidden<4>(output_gate, cell, p, cells, hidden);
    case 5:
      return Hidden<5>(output_gate, cell, p, cells, hidden);
    default:
      return Hidden<6>(output_gate, cell, p, cells, hidden);
  }
}

// As the AVX2 Product8 with 32 columns per chunk, read by masked loads (no
// tail copies, nothing past a row).
TFLITE_TARGET_AVX512 TFLITE_ALWAYS_INLINE __m256i Product8(
    const int8_t* w, int rows, int depth, const __m512i* v, int chunks,
    int r0) {
  __m256i acc[8];
#pragma GCC unroll 8
  for (int r = 0; r < 8; ++r) {
    acc[r] = _mm256_setzero_si256();
    if (r0 + r >= rows) continue;
    const int8_t* row = w + static_cast<size_t>(r0 + r) * depth;
    __m512i sum = _mm512_setzero_si512();
    for (int j = 0; j < chunks; ++j) {
      const __m512i wv = _mm512_cvtepi8_epi16(
          _mm256_maskz_loadu_epi8(TailMask(depth - 32 * j), row + 32 * j));
      sum = _mm512_add_epi32(sum, _mm512_madd_epi16(wv, v[j]));
    }
    acc[r] = _mm256_add_epi32(_mm512_castsi512_si256(sum),
                              _mm512_extracti64x4_epi64(sum, 1));
  }
  const __m256i b0 = _mm256_hadd_epi32(acc[0], acc[1]);
  const __m256i b1 = _mm256_hadd_epi32(acc[2], acc[3]);
  const __m256i b2 = _mm256_hadd_epi32(acc[4], acc[5]);
  const __m256i b3 = _mm256_hadd_epi32(acc[6], acc[7]);
  const __m256i c0 = _mm256_hadd_epi32(b0, b1);
  const __m256i c1 = _mm256_hadd_epi32(b2, b3);
  return _mm256_add_epi32(_mm256_permute2x128_si256(c0, c1, 0x20),
                          _mm256_permute2x128_si256(c0, c1, 0x31));
}

// The gate pre-activations of one step (see StepAvx2).
TFLITE_TARGET_AVX512 void GatePreactivations(const LstmSizes& sizes,
                                             const LstmIntegerWeights& w,
                                             const LstmIntegerParams& p,
                                             const int8_t* input,
                                             const int8_t* output_state,
                                             int16_t* const* gate) {
  const int cells = sizes.cell_size;
  const int ins = sizes.input_size;
  const int outs = sizes.output_size;
  const int in_chunks = (ins + 31) / 32;
  const int out_chunks = (outs + 31) / 32;
  __m512i xv[kMaxChunks / 2], hv[kMaxChunks / 2];
  for (int j = 0; j < in_chunks; ++j) {
    xv[j] = _mm512_cvtepi8_epi16(
        _mm256_maskz_loadu_epi8(TailMask(ins - 32 * j), input + 32 * j));
  }
  for (int j = 0; j < out_chunks; ++j) {
    hv[j] = _mm512_cvtepi8_epi16(_mm256_maskz_loadu_epi8(
        TailMask(outs - 32 * j), output_state + 32 * j));
  }
  for (int g = 0; g < kLstmGateCount; ++g) {
    if (w.input_to_gate[g] == nullptr) continue;  // CIFG
    for (int r0 = 0; r0 < cells; r0 += 8) {
      const int n = cells - r0;
      const __m256i in_sum = _mm256_add_epi32(
          Product8(w.input_to_gate[g], cells, ins, xv, in_chunks, r0),
          Load8x32(w.input_effective_bias[g] + r0, n));
      const __m256i rec_sum = _mm256_add_epi32(
          Product8(w.recurrent_to_gate[g], cells, outs, hv, out_chunks, r0),
          Load8x32(w.recurrent_effective_bias[g] + r0, n));
      const __m256i in_term = Clamp32(
          Rescale(in_sum, p.input_multiplier[g], p.input_shift[g]), -32768,
          32767);
      const __m256i rec_term = Clamp32(
          Rescale(rec_sum, p.recurrent_multiplier[g], p.recurrent_shift[g]),
          -65536, 65535);
      const __m256i v =
          Clamp32(_mm256_add_epi32(in_term, rec_term), -32768, 32767);
      _mm_mask_storeu_epi16(gate[g] + r0,
                            static_cast<__mmask8>(TailMask(n)),
                            _mm256_cvtepi32_epi16(v));
    }
  }
}

}  // namespace z

// One time step; with `avx512` the products, activations and hidden state
// run the AVX-512 functions above (called, not inlined: this function is
// compiled for AVX2).
TFLITE_TARGET_AVX2 void StepAvx2(bool avx512, const LstmSizes& sizes,
                                 const LstmIntegerWeights& w,
                                 const LstmIntegerParams& p,
                                 const int8_t* input, int8_t* output_state,
                                 int16_t* cell_state, int16_t* gates,
                                 int8_t* hidden, int8_t* output) {
  const int cells = sizes.cell_size;
  const int outs = sizes.output_size;
  const bool cifg = w.input_to_gate[kLstmInputGate] == nullptr;
  int16_t* gate[kLstmGateCount];
  for (int g = 0; g < kLstmGateCount; ++g) gate[g] = gates + g * cells;

  if (avx512) {
    z::GatePreactivations(sizes, w, p, input, output_state, gate);
  } else {
    // This step's input and output state as int16 columns.
    const int in_chunks = (sizes.input_size + 15) / 16;
    const int out_chunks = (outs + 15) / 16;
    __m256i xv[kMaxChunks], hv[kMaxChunks];
    for (int j = 0; j < in_chunks; ++j) {
      xv[j] = LoadWidened(input + 16 * j,
                          std::min(16, sizes.input_size - 16 * j));
    }
    for (int j = 0; j < out_chunks; ++j) {
      hv[j] = LoadWidened(output_state + 16 * j, std::min(16, outs - 16 * j));
    }

    // Gate pre-activations: two products per gate, each rescaled and
    // saturated on its own as the reference adds them.
    for (int g = 0; g < kLstmGateCount; ++g) {
      if (cifg && g == kLstmInputGate) continue;
      for (int r0 = 0; r0 < cells; r0 += 8) {
        const int n = cells - r0;
        const __m256i in_sum = _mm256_add_epi32(
            Product8(w.input_to_gate[g], cells, sizes.input_size, xv, in_chunks,
                     r0),
            Load8x32(w.input_effective_bias[g] + r0, n));
        const __m256i rec_sum = _mm256_add_epi32(
            Product8(w.recurrent_to_gate[g], cells, outs, hv, out_chunks, r0),
            Load8x32(w.recurrent_effective_bias[g] + r0, n));
        const __m256i in_term = Clamp32(
            Rescale(in_sum, p.input_multiplier[g], p.input_shift[g]), -32768,
            32767);
        const __m256i rec_term = Clamp32(
            Rescale(rec_sum, p.recurrent_multiplier[g], p.recurrent_shift[g]),
            -65536, 65535);
        Store8x16(gate[g] + r0,
                  Clamp32(_mm256_add_epi32(in_term, rec_term), -32768, 32767),
                  n);
      }
    }
  }
  for (int g : {kLstmForgetGate, kLstmInputGate}) {
    if (w.cell_to_gate[g] != nullptr) {
      Peephole(w.cell_to_gate[g], cell_state, p.cell_multiplier[g],
               p.cell_shift[g], cells, gate[g]);
    }
  }
  if (avx512) {
    // The input and forget gates are adjacent: one call fills the vectors.
    static_assert(kLstmInputGate + 1 == kLstmForgetGate, "gate order");
    if (cifg) {
      z::LogisticQ3(gate[kLstmForgetGate], cells);
    } else {
      z::LogisticQ3(gate[kLstmInputGate], 2 * cells);
    }
    z::TanhInPlace<3>(gate[kLstmCellGate], cells);
  } else {
    Activate<Logistic<3>>(gate[kLstmForgetGate], cells);
    if (!cifg) Activate<Logistic<3>>(gate[kLstmInputGate], cells);
    Activate<Tanh<3>>(gate[kLstmCellGate], cells);
  }

  // c = f * c + i * g, saturated (and clipped).
  const int gate_product_shift = 30 + p.cell_exponent;
  for (int i = 0; i < cells; i += 8) {
    const int n = cells - i;
    const __m256i f = Load8x16(gate[kLstmForgetGate] + i, n);
    const __m256i in = cifg ? _mm256_sub_epi32(_mm256_set1_epi32(32767), f)
                            : Load8x16(gate[kLstmInputGate] + i, n);
    const __m256i kept =
        Rdbpot32(_mm256_mullo_epi32(f, Load8x16(cell_state + i, n)), 15);
    const __m256i added = Rdbpot32(
        _mm256_mullo_epi32(in, Load8x16(gate[kLstmCellGate] + i, n)),
        gate_product_shift);
    // Each wraps to int16 first, as the reference casts them.
    const __m256i sum = _mm256_add_epi32(
        _mm256_srai_epi32(_mm256_slli_epi32(kept, 16), 16),
        _mm256_srai_epi32(_mm256_slli_epi32(added, 16), 16));
    __m256i c = Clamp32(sum, -32768, 32767);
    if (p.cell_clip > 0) c = Clamp32(c, -p.cell_clip, p.cell_clip);
    Store8x16(cell_state + i, c, n);
  }

  if (w.cell_to_gate[kLstmOutputGate] != nullptr) {
    Peephole(w.cell_to_gate[kLstmOutputGate], cell_state,
             p.cell_multiplier[kLstmOutputGate],
             p.cell_shift[kLstmOutputGate], cells, gate[kLstmOutputGate]);
  }
  if (avx512) {
    z::LogisticQ3(gate[kLstmOutputGate], cells);
    z::HiddenDispatch(15 + p.cell_exponent, gate[kLstmOutputGate], cell_state,
                      p, cells, hidden);
  } else {
    Activate<Logistic<3>>(gate[kLstmOutputGate], cells);
    HiddenDispatch(15 + p.cell_exponent, gate[kLstmOutputGate], cell_state, p,
                   cells, hidden);
  }
  if (w.projection_weights != nullptr) {
    Projection(sizes, w, p, hidden, output_state);
  } else {
    std::memcpy(output_state, hidden, outs);
  }
  std::memcpy(output, output_state, outs);
}
#endif  // TFLITE_OPTIMIZED_X86

}  // namespace

size_t LstmScratchBytes(const LstmSizes& sizes) {
  return 4 * sizeof(int16_t) * sizes.cell_size + sizes.cell_size;
}

void LstmSequenceInteger(const LstmSizes& sizes, const LstmIntegerWeights& w,
                         const LstmIntegerParams& p, int steps,
                         const int8_t* input, int input_stride,
                         int8_t* output, int output_stride,
                         int8_t* output_state, int16_t* cell_state,
                         void* scratch, Isa isa) {
#if TFLITE_OPTIMIZED_X86
  if (isa != Isa::kGeneric && VectorSupported(sizes, w, p)) {
    int16_t* gates = static_cast<int16_t*>(scratch);
    int8_t* hidden = reinterpret_cast<int8_t*>(gates + 4 * sizes.cell_size);
    for (int t = 0; t < steps; ++t) {
      StepAvx2(isa == Isa::kAvx512Vnni, sizes, w, p,
               input + static_cast<size_t>(t) * input_stride, output_state,
               cell_state, gates, hidden,
               output + static_cast<size_t>(t) * output_stride);
    }
    return;
  }
#else
  (void)isa;
#endif
  SequenceReference(sizes, w, p, steps, input, input_stride, output,
                    output_stride, output_state, cell_state, scratch);
}

void LstmLogisticQ3(const int16_t* in, int16_t* out, int n, Isa isa) {
  int i = 0;
#if TFLITE_OPTIMIZED_X86
  if (isa == Isa::kAvx512Vnni) {
    std::memcpy(out, in, sizeof(int16_t) * n);
    z::LogisticQ3(out, n);
    return;
  }
  if (isa != Isa::kGeneric) {
    i = n - n % 16;
    LogisticQ3Avx2(in, out, i);
  }
#else
  (void)isa;
#endif
  using F3 = fixed_point::FixedPoint<int16_t, 3>;
  for (; i < n; ++i) out[i] = fixed_point::logistic(F3::FromRaw(in[i])).raw();
}

void LstmTanh(int integer_bits, const int16_t* in, int16_t* out, int n,
              Isa isa) {
  int i = 0;
#if TFLITE_OPTIMIZED_X86
  if (isa == Isa::kAvx512Vnni) {
    std::memcpy(out, in, sizeof(int16_t) * n);
    z::TanhDispatch(integer_bits, out, n);
    return;
  }
  if (isa != Isa::kGeneric) {
    i = n - n % 16;
    TanhDispatchAvx2(integer_bits, in, out, i);
  }
#else
  (void)isa;
#endif
  for (; i < n; ++i) out[i] = reference_ops::LstmCellTanh(integer_bits, in[i]);
}

}  // namespace optimized_ops
}  // namespace tflite
