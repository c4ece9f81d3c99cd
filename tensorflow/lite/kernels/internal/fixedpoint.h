// Scalar fixed-point arithmetic with the exact rounding behaviour of the
// gemmlowp routines TFLite's integer reference kernels are defined by:
// saturating rounding doubling high multiply, rounding division by a power of
// two, and the Q-format exp / logistic / tanh / reciprocal approximations.
// Bit-exactness with TFLite depends on every step here, so each operation
// mirrors the published arithmetic, including its wrap-around and saturation.
#ifndef TENSORFLOW_LITE_KERNELS_INTERNAL_FIXEDPOINT_H_
#define TENSORFLOW_LITE_KERNELS_INTERNAL_FIXEDPOINT_H_

#include <cstdint>
#include <limits>

namespace tflite {
namespace fixed_point {

// ------------------------------------------------------- raw integer helpers

template <typename T>
inline T BitAnd(T a, T b) { return static_cast<T>(a & b); }
template <typename T>
inline T BitOr(T a, T b) { return static_cast<T>(a | b); }
template <typename T>
inline T BitXor(T a, T b) { return static_cast<T>(a ^ b); }
template <typename T>
inline T BitNot(T a) { return static_cast<T>(~a); }
// Wrapping add/sub/neg, as the reference does on 32-bit lanes.
inline int32_t Add(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) +
                              static_cast<uint32_t>(b));
}
inline int16_t Add(int16_t a, int16_t b) { return static_cast<int16_t>(a + b); }
inline int32_t Sub(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) -
                              static_cast<uint32_t>(b));
}
inline int16_t Sub(int16_t a, int16_t b) { return static_cast<int16_t>(a - b); }
inline int32_t Neg(int32_t a) {
  return static_cast<int32_t>(0u - static_cast<uint32_t>(a));
}
inline int16_t Neg(int16_t a) { return static_cast<int16_t>(-a); }
inline int32_t ShiftLeft(int32_t a, int offset) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) << offset);
}
inline int16_t ShiftLeft(int16_t a, int offset) {
  return static_cast<int16_t>(static_cast<uint16_t>(a) << offset);
}
template <typename T>
inline T ShiftRight(T a, int offset) { return static_cast<T>(a >> offset); }

template <typename T>
inline T MaskIfNonZero(T a) { return a ? static_cast<T>(~T(0)) : T(0); }
template <typename T>
inline T MaskIfZero(T a) { return MaskIfNonZero<T>(!a); }
template <typename T>
inline T MaskIfEqual(T a, T b) { return MaskIfNonZero<T>(a == b); }
template <typename T>
inline T MaskIfLessThan(T a, T b) { return MaskIfNonZero<T>(a < b); }
template <typename T>
inline T MaskIfGreaterThan(T a, T b) { return MaskIfNonZero<T>(a > b); }
template <typename T>
inline T MaskIfGreaterThanOrEqual(T a, T b) { return MaskIfNonZero<T>(a >= b); }
template <typename T>
inline T MaskIfLessThanOrEqual(T a, T b) { return MaskIfNonZero<T>(a <= b); }

template <typename T>
inline T SelectUsingMask(T mask, T if_true, T if_false) {
  return BitXor(BitAnd(mask, if_true), BitAnd(BitNot(mask), if_false));
}

inline int16_t SaturatingAdd(int16_t a, int16_t b) {
  int32_t sum = static_cast<int32_t>(a) + static_cast<int32_t>(b);
  if (sum > 32767) sum = 32767;
  if (sum < -32768) sum = -32768;
  return static_cast<int16_t>(sum);
}

// (a + b) / 2 rounded half away from zero, without overflow.
inline int32_t RoundingHalfSum(int32_t a, int32_t b) {
  const int64_t sum = static_cast<int64_t>(a) + static_cast<int64_t>(b);
  const int64_t sign = sum >= 0 ? 1 : -1;
  return static_cast<int32_t>((sum + sign) / 2);
}
inline int16_t RoundingHalfSum(int16_t a, int16_t b) {
  const int32_t sum = static_cast<int32_t>(a) + static_cast<int32_t>(b);
  const int32_t sign = sum >= 0 ? 1 : -1;
  return static_cast<int16_t>((sum + sign) / 2);
}

// The high half of 2*a*b, rounded to nearest; saturates the one overflowing
// case (min * min).
inline int32_t SaturatingRoundingDoublingHighMul(int32_t a, int32_t b) {
  const bool overflow = a == b && a == std::numeric_limits<int32_t>::min();
  const int64_t ab = static_cast<int64_t>(a) * static_cast<int64_t>(b);
  const int32_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
  const int32_t high =
      static_cast<int32_t>((ab + nudge) / (static_cast<int64_t>(1) << 31));
  return overflow ? std::numeric_limits<int32_t>::max() : high;
}

inline int16_t SaturatingRoundingDoublingHighMul(int16_t a, int16_t b) {
  const bool overflow = a == b && a == std::numeric_limits<int16_t>::min();
  const int32_t ab = static_cast<int32_t>(a) * static_cast<int32_t>(b);
  const int16_t nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
  const int16_t high = static_cast<int16_t>((ab + nudge) / (1 << 15));
  return overflow ? std::numeric_limits<int16_t>::max() : high;
}

// x / 2^exponent rounded to nearest, ties away from zero.
template <typename T>
inline T RoundingDivideByPOT(T x, int exponent) {
  if (exponent >= static_cast<int>(8 * sizeof(T))) {
    // Past the type's width (TFLite asserts; e.g. int8 SOFTMAX over more
    // than 256 near-equal logits): the same rounding in 64 bits, which gives
    // 0 except for the tie -2^(bits-1) / 2^bits = -1.
    const int e = exponent > 62 ? 62 : exponent;
    const int64_t wide = x;
    const int64_t mask = (static_cast<int64_t>(1) << e) - 1;
    const int64_t threshold = (mask >> 1) + (wide < 0 ? 1 : 0);
    return static_cast<T>((wide >> e) + ((wide & mask) > threshold ? 1 : 0));
  }
  const T mask = static_cast<T>((static_cast<int64_t>(1) << exponent) - 1);
  const T zero = 0;
  const T one = 1;
  const T remainder = BitAnd(x, mask);
  const T threshold =
      Add(ShiftRight(mask, 1), BitAnd(MaskIfLessThan(x, zero), one));
  return Add(ShiftRight(x, exponent),
             BitAnd(MaskIfGreaterThan(remainder, threshold), one));
}

// x * 2^Exponent: saturating for positive exponents, rounding for negative.
template <int Exponent, typename T>
inline T SaturatingRoundingMultiplyByPOT(T x) {
  if (Exponent > 0) {
    constexpr int kBits = 8 * sizeof(T);
    constexpr int kShift = Exponent > 0 ? Exponent : 0;
    const int64_t threshold =
        (static_cast<int64_t>(1) << (kBits - 1 - kShift)) - 1;
    const T positive_mask = MaskIfGreaterThan(x, static_cast<T>(threshold));
    const T negative_mask = MaskIfLessThan(x, static_cast<T>(-threshold));
    T result = ShiftLeft(x, kShift);
    result = SelectUsingMask(positive_mask, std::numeric_limits<T>::max(),
                             result);
    result = SelectUsingMask(negative_mask, std::numeric_limits<T>::min(),
                             result);
    return result;
  } else if (Exponent < 0) {
    return RoundingDivideByPOT(x, Exponent < 0 ? -Exponent : 0);
  }
  return x;
}

// A 32-bit constant given at int32 precision, rounded to the raw type.
template <typename T>
inline T RescaleConstant(int32_t int32_value) {
  constexpr int kBits = 8 * sizeof(T);
  return static_cast<T>(RoundingDivideByPOT<int32_t>(int32_value, 32 - kBits));
}

// --------------------------------------------------------- fixed-point type

// A signed number with kIntegerBits integer bits in raw type T.
template <typename T, int tIntegerBits>
class FixedPoint {
 public:
  using RawType = T;
  static constexpr int kTotalBits = 8 * sizeof(T);
  static constexpr int kIntegerBits = tIntegerBits;
  static constexpr int kFractionalBits = kTotalBits - 1 - kIntegerBits;
  static_assert(kIntegerBits >= 0 && kIntegerBits < kTotalBits, "bad bits");

  static FixedPoint FromRaw(T x) {
    FixedPoint r;
    r.raw_ = x;
    return r;
  }
  static FixedPoint FromScalarRaw(T x) { return FromRaw(x); }
  static FixedPoint FromScalar(T x) {
    return FromRaw(ShiftLeft(x, kFractionalBits));
  }

  template <int Exponent>
  static FixedPoint ConstantPOT() {
    static_assert(kFractionalBits + Exponent >= 0, "underflow");
    static_assert(kFractionalBits + Exponent < kTotalBits - 1, "overflow");
    return FromRaw(static_cast<T>(static_cast<T>(1)
                                  << (kFractionalBits + Exponent)));
  }

  static FixedPoint Zero() { return FromRaw(0); }
  static FixedPoint One() {
    return FromRaw(kIntegerBits ? static_cast<T>(static_cast<T>(1)
                                                 << kFractionalBits)
                                : std::numeric_limits<T>::max());
  }

  T raw() const { return raw_; }
  T& raw() { return raw_; }

 private:
  T raw_;
};

template <typename T, int I>
inline FixedPoint<T, I> operator+(FixedPoint<T, I> a, FixedPoint<T, I> b) {
  return FixedPoint<T, I>::FromRaw(Add(a.raw(), b.raw()));
}
template <typename T, int I>
inline FixedPoint<T, I> operator-(FixedPoint<T, I> a, FixedPoint<T, I> b) {
  return FixedPoint<T, I>::FromRaw(Sub(a.raw(), b.raw()));
}
template <typename T, int I>
inline FixedPoint<T, I> operator-(FixedPoint<T, I> a) {
  return FixedPoint<T, I>::FromRaw(Neg(a.raw()));
}
template <typename T, int I>
inline FixedPoint<T, I> operator&(FixedPoint<T, I> a, FixedPoint<T, I> b) {
  return FixedPoint<T, I>::FromRaw(BitAnd(a.raw(), b.raw()));
}
template <typename T, int Ia, int Ib>
inline FixedPoint<T, Ia + Ib> operator*(FixedPoint<T, Ia> a,
                                        FixedPoint<T, Ib> b) {
  return FixedPoint<T, Ia + Ib>::FromRaw(
      SaturatingRoundingDoublingHighMul(a.raw(), b.raw()));
}

template <typename T, int I>
inline T MaskIfZero(FixedPoint<T, I> a) { return MaskIfZero(a.raw()); }
template <typename T, int I>
inline T MaskIfNonZero(FixedPoint<T, I> a) { return MaskIfNonZero(a.raw()); }
template <typename T, int I>
inline T MaskIfLessThan(FixedPoint<T, I> a, FixedPoint<T, I> b) {
  return MaskIfLessThan(a.raw(), b.raw());
}
template <typename T, int I>
inline T MaskIfGreaterThan(FixedPoint<T, I> a, FixedPoint<T, I> b) {
  return MaskIfGreaterThan(a.raw(), b.raw());
}
template <typename T, int I>
inline FixedPoint<T, I> SelectUsingMask(T mask, FixedPoint<T, I> a,
                                        FixedPoint<T, I> b) {
  return FixedPoint<T, I>::FromRaw(SelectUsingMask(mask, a.raw(), b.raw()));
}

template <typename T, int I>
inline FixedPoint<T, I> RoundingHalfSum(FixedPoint<T, I> a,
                                        FixedPoint<T, I> b) {
  return FixedPoint<T, I>::FromRaw(RoundingHalfSum(a.raw(), b.raw()));
}

// Multiplication by 2^Exponent that cannot lose bits: the raw value stays,
// only the number of integer bits (the format) changes.
template <int Exponent, typename T, int I>
inline FixedPoint<T, I + Exponent> ExactMulByPot(FixedPoint<T, I> a) {
  return FixedPoint<T, I + Exponent>::FromRaw(a.raw());
}

template <int Exponent, typename T, int I>
inline FixedPoint<T, I> SaturatingRoundingMultiplyByPOT(FixedPoint<T, I> a) {
  return FixedPoint<T, I>::FromRaw(
      SaturatingRoundingMultiplyByPOT<Exponent>(a.raw()));
}

// Changes the number of integer bits, rounding or saturating as needed.
template <int kIntegerBitsDst, typename T, int I>
inline FixedPoint<T, kIntegerBitsDst> Rescale(FixedPoint<T, I> x) {
  return FixedPoint<T, kIntegerBitsDst>::FromRaw(
      SaturatingRoundingMultiplyByPOT<I - kIntegerBitsDst>(x.raw()));
}

template <typename T>
inline T AddSaturatingIf16Bit(T a, T b) { return Add(a, b); }
template <>
inline int16_t AddSaturatingIf16Bit(int16_t a, int16_t b) {
  return SaturatingAdd(a, b);
}
template <typename T, int I>
inline FixedPoint<T, I> AddSaturatingIf16Bit(FixedPoint<T, I> a,
                                             FixedPoint<T, I> b) {
  return FixedPoint<T, I>::FromRaw(AddSaturatingIf16Bit(a.raw(), b.raw()));
}

// --------------------------------------------------- transcendental helpers

// exp(a) for a in [-1/4, 0): a 4th-order Taylor expansion around -1/8.
template <typename T>
inline FixedPoint<T, 0> exp_on_interval_between_negative_one_quarter_and_0_excl(
    FixedPoint<T, 0> a) {
  using F = FixedPoint<T, 0>;
  const F exp_minus_one_eighth = F::FromRaw(RescaleConstant<T>(1895147668));
  const F one_third = F::FromRaw(RescaleConstant<T>(715827883));
  const F x = a + F::template ConstantPOT<-3>();
  const F x2 = x * x;
  const F x3 = x2 * x;
  const F x4 = x2 * x2;
  const F x4_over_4 = SaturatingRoundingMultiplyByPOT<-2>(x4);
  const F poly = SaturatingRoundingMultiplyByPOT<-1>(
      ((x4_over_4 + x3) * one_third) + x2);
  return AddSaturatingIf16Bit(exp_minus_one_eighth,
                              exp_minus_one_eighth * (x + poly));
}

// exp(a) for a <= 0: the fractional quarter by Taylor expansion, then one
// multiplication by exp(-2^k) per set bit of the remaining magnitude.
template <typename T, int tIntegerBits>
inline FixedPoint<T, 0> exp_on_negative_values(FixedPoint<T, tIntegerBits> a) {
  using InputF = FixedPoint<T, tIntegerBits>;
  using ResultF = FixedPoint<T, 0>;
  constexpr int kFractionalBits = InputF::kFractionalBits;
  constexpr int kIntegerBits = InputF::kIntegerBits;
  const InputF one_quarter = InputF::template ConstantPOT<-2>();
  const InputF mask = one_quarter - InputF::FromRaw(1);
  const InputF a_mod_quarter_minus_one_quarter = (a & mask) - one_quarter;
  ResultF result = exp_on_interval_between_negative_one_quarter_and_0_excl(
      Rescale<0>(a_mod_quarter_minus_one_quarter));
  const T remainder = (a_mod_quarter_minus_one_quarter - a).raw();

  // Multipliers are exp(-2^k) in Q0.31 for k = -2 .. 4.
  struct Step {
    int exponent;
    int32_t multiplier;
  };
  static constexpr Step kSteps[] = {{-2, 1672461947}, {-1, 1302514674},
                                    {0, 790015084},   {1, 290630308},
                                    {2, 39332535},    {3, 720401},
                                    {4, 242}};
  for (const Step& step : kSteps) {
    if (kIntegerBits > step.exponent) {
      const int shift = kFractionalBits + step.exponent;
      const ResultF multiplier =
          ResultF::FromRaw(RescaleConstant<T>(step.multiplier));
      const T bit = static_cast<T>(static_cast<T>(1) << shift);
      result = SelectUsingMask(MaskIfNonZero(BitAnd(remainder, bit)),
                               result * multiplier, result);
    }
  }

  if (kIntegerBits > 5) {
    constexpr int kClampBits = kIntegerBits > 5 ? 36 - kIntegerBits : 0;
    // -32.0 in the input format.
    const InputF clamp =
        InputF::FromRaw(RescaleConstant<T>(-(1 << kClampBits)));
    result = SelectUsingMask(MaskIfLessThan(a, clamp), ResultF::Zero(), result);
  }
  result = SelectUsingMask(MaskIfZero(a), ResultF::One(), result);
  return result;
}

// 1 / (1 + a) for a in [0, 1], by three Newton-Raphson steps.
template <typename T>
inline FixedPoint<T, 0> one_over_one_plus_x_for_x_in_0_1(FixedPoint<T, 0> a) {
  using F0 = FixedPoint<T, 0>;
  using F2 = FixedPoint<T, 2>;
  const F0 half_denominator = RoundingHalfSum(a, F0::One());
  const F2 c48_over_17 = F2::FromRaw(RescaleConstant<T>(1515870810));
  const F2 c_neg32_over_17 = F2::FromRaw(RescaleConstant<T>(-1010580540));
  F2 x = c48_over_17 + half_denominator * c_neg32_over_17;
  for (int i = 0; i < 3; ++i) {
    const F2 half_denominator_times_x = half_denominator * x;
    const F2 one_minus = F2::One() - half_denominator_times_x;
    x = x + Rescale<2>(x * one_minus);
  }
  return Rescale<0>(ExactMulByPot<-1>(x));
}

// (1 - a) / (1 + a) for a in [0, 1].
template <typename T>
inline FixedPoint<T, 0> one_minus_x_over_one_plus_x_for_x_in_0_1(
    FixedPoint<T, 0> a) {
  using F0 = FixedPoint<T, 0>;
  using F2 = FixedPoint<T, 2>;
  const F0 half_denominator = RoundingHalfSum(a, F0::One());
  const F2 c48_over_17 = F2::FromRaw(RescaleConstant<T>(1515870810));
  const F2 c_neg32_over_17 = F2::FromRaw(RescaleConstant<T>(-1010580540));
  F2 x = c48_over_17 + half_denominator * c_neg32_over_17;
  for (int i = 0; i < 3; ++i) {
    const F2 half_denominator_times_x = half_denominator * x;
    const F2 one_minus = F2::One() - half_denominator_times_x;
    x = x + Rescale<2>(x * one_minus);
  }
  return Rescale<0>(x - F2::One());
}

template <typename T, int I>
inline FixedPoint<T, 0> neg_tanh_on_negative_values(FixedPoint<T, I> a) {
  return one_minus_x_over_one_plus_x_for_x_in_0_1(
      exp_on_negative_values(ExactMulByPot<1>(a)));
}

template <typename T, int I>
inline FixedPoint<T, 0> tanh(FixedPoint<T, I> a) {
  using InputF = FixedPoint<T, I>;
  using ResultF = FixedPoint<T, 0>;
  const T mask_if_negative = MaskIfLessThan(a, InputF::Zero());
  const T mask_if_zero = MaskIfZero(a);
  const InputF n = SelectUsingMask(mask_if_negative, a, -a);
  const ResultF t = neg_tanh_on_negative_values(n);
  return SelectUsingMask(mask_if_zero, ResultF::Zero(),
                         SelectUsingMask(mask_if_negative, -t, t));
}

template <typename T, int I>
inline FixedPoint<T, 0> logistic_on_positive_values(FixedPoint<T, I> a) {
  return one_over_one_plus_x_for_x_in_0_1(exp_on_negative_values(-a));
}

template <typename T, int I>
inline FixedPoint<T, 0> logistic(FixedPoint<T, I> a) {
  using InputF = FixedPoint<T, I>;
  using ResultF = FixedPoint<T, 0>;
  const T mask_if_positive = MaskIfGreaterThan(a, InputF::Zero());
  const T mask_if_zero = MaskIfZero(a);
  const InputF abs_input = SelectUsingMask(mask_if_positive, a, -a);
  const ResultF result_if_positive = logistic_on_positive_values(abs_input);
  const ResultF result_if_negative = ResultF::One() - result_if_positive;
  const ResultF one_half = ResultF::FromRaw(RescaleConstant<T>(1 << 30));
  return SelectUsingMask(mask_if_zero, one_half,
                         SelectUsingMask(mask_if_positive, result_if_positive,
                                         result_if_negative));
}

}  // namespace fixed_point
}  // namespace tflite

#endif  // TENSORFLOW_LITE_KERNELS_INTERNAL_FIXEDPOINT_H_
