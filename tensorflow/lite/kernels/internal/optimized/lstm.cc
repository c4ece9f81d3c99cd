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

int16_t Rc(int32_t value) { return fixed_point::RescaleConstant<int16_t>(value); }

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

// hidden = int8(rescaled(o * tanh(c)) - zero point). The rescaled value is
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
          _mm256_sub_epi32(v, _mm256_set1_epi32(p.hidden_zero_point)), -128,
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

TFLITE_TARGET_AVX2 void StepAvx2(const LstmSizes& sizes,
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
  for (int g : {kLstmForgetGate, kLstmInputGate}) {
    if (w.cell_to_gate[g] != nullptr) {
      Peephole(w.cell_to_gate[g], cell_state, p.cell_multiplier[g],
               p.cell_shift[g], cells, gate[g]);
    }
  }
  Activate<Logistic<3>>(gate[kLstmForgetGate], cells);
  if (!cifg) Activate<Logistic<3>>(gate[kLstmInputGate], cells);
  Activate<Tanh<3>>(gate[kLstmCellGate], cells);

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
  Activate<Logistic<3>>(gate[kLstmOutputGate], cells);
  HiddenDispatch(15 + p.cell_exponent, gate[kLstmOutputGate], cell_state, p,
                 cells, hidden);
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
      StepAvx2(sizes, w, p, input + static_cast<size_t>(t) * input_stride,
               output_state, cell_state, gates, hidden,
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
