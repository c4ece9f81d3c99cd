// The scalar arithmetic of the mixed-radix FFT in rfft.h, per sample
// type. The fixed-point types reproduce KISS FFT's FIXED_POINT arithmetic
// (which TFLM's signal library builds its int16 and int32 FFTs on): products
// in the next wider type rounded back with (p + 2^(F-1)) >> F, every stage
// input pre-divided by the radix, sums wrapping in the sample type. float is
// plain IEEE single precision, evaluated in the same order.
#ifndef SIGNAL_SRC_FFT_ARITHMETIC_H_
#define SIGNAL_SRC_FFT_ARITHMETIC_H_

#include <cmath>
#include <cstdint>

#include "signal/src/complex.h"
#include "signal/src/msb.h"

namespace tflite {
namespace tflm_signal {

// Fixed point with Wide products and `FracBits` fractional bits; Max is the
// largest sample (the twiddles' scale).
template <typename T, typename Wide, int FracBits>
struct FixedFftArithmetic {
  static constexpr int64_t kMax = (int64_t{1} << FracBits) - 1;

  static T Narrow(int64_t x) {
    return sizeof(T) == 2 ? static_cast<T>(WrapToInt16(x))
                          : static_cast<T>(WrapToInt32(x));
  }
  // The wide product/sum type wraps too (only reachable with full-scale
  // inputs against full-scale twiddles).
  static Wide WrapWide(uint64_t bits) {
    return sizeof(Wide) == 4
               ? static_cast<Wide>(static_cast<int32_t>(
                     static_cast<uint32_t>(bits)))
               : static_cast<Wide>(static_cast<int64_t>(bits));
  }
  static Wide Product(T a, T b) {
    return static_cast<Wide>(static_cast<Wide>(a) * static_cast<Wide>(b));
  }
  static Wide WideAdd(Wide a, Wide b) {
    return WrapWide(static_cast<uint64_t>(static_cast<int64_t>(a)) +
                    static_cast<uint64_t>(static_cast<int64_t>(b)));
  }
  static Wide WideSub(Wide a, Wide b) {
    return WrapWide(static_cast<uint64_t>(static_cast<int64_t>(a)) -
                    static_cast<uint64_t>(static_cast<int64_t>(b)));
  }
  // (x + 2^(F-1)) >> F in the wide type, then narrowed.
  static T Round(Wide x) {
    const Wide biased = WideAdd(x, static_cast<Wide>(Wide{1} << (FracBits - 1)));
    return Narrow(static_cast<int64_t>(biased >> FracBits));
  }

  static T Add(T a, T b) {
    return Narrow(static_cast<int64_t>(a) + static_cast<int64_t>(b));
  }
  static T Sub(T a, T b) {
    return Narrow(static_cast<int64_t>(a) - static_cast<int64_t>(b));
  }
  static T Neg(T a) { return Narrow(-static_cast<int64_t>(a)); }
  static T ScalarMul(T a, T b) { return Round(Product(a, b)); }
  // Division by the radix before each stage: multiply by floor(Max / k).
  static T DivideBy(T a, int k) {
    return Round(Product(a, static_cast<T>(kMax / k)));
  }
  // x / 2 by an arithmetic shift of a sample.
  static T Half(T a) { return static_cast<T>(a >> 1); }
  // (a + b) / 2 and (a - b) / 2 where the sum is formed in C's `int`: exact
  // for int16 samples, wrapped to 32 bits first for int32 samples.
  static T HalfOfSum(T a, T b) {
    return Narrow(WrapToInt32(static_cast<int64_t>(a) + b) >> 1);
  }
  static T HalfOfDifference(T a, T b) {
    return Narrow(WrapToInt32(static_cast<int64_t>(a) - b) >> 1);
  }

  static Complex<T> Mul(Complex<T> a, Complex<T> b) {
    return {Round(WideSub(Product(a.real, b.real), Product(a.imag, b.imag))),
            Round(WideAdd(Product(a.real, b.imag), Product(a.imag, b.real)))};
  }
  // The twiddle factor e^(i phase), scaled to Max and rounded half up.
  static Complex<T> Twiddle(double phase) {
    return {static_cast<T>(std::floor(0.5 + kMax * std::cos(phase))),
            static_cast<T>(std::floor(0.5 + kMax * std::sin(phase)))};
  }
};

struct FloatFftArithmetic {
  using T = float;
  static T Add(T a, T b) { return a + b; }
  static T Sub(T a, T b) { return a - b; }
  static T Neg(T a) { return -a; }
  static T ScalarMul(T a, T b) { return a * b; }
  static T DivideBy(T a, int) { return a; }
  static T Half(T a) { return a * 0.5f; }
  static T HalfOfSum(T a, T b) { return (a + b) * 0.5f; }
  static T HalfOfDifference(T a, T b) { return (a - b) * 0.5f; }
  static Complex<T> Mul(Complex<T> a, Complex<T> b) {
    const T real = a.real * b.real - a.imag * b.imag;
    const T imag = a.real * b.imag + a.imag * b.real;
    return {real, imag};
  }
  static Complex<T> Twiddle(double phase) {
    return {static_cast<T>(std::cos(phase)), static_cast<T>(std::sin(phase))};
  }
};

template <typename T>
struct FftArithmetic;
template <>
struct FftArithmetic<int16_t> : FixedFftArithmetic<int16_t, int32_t, 15> {};
template <>
struct FftArithmetic<int32_t> : FixedFftArithmetic<int32_t, int64_t, 31> {};
template <>
struct FftArithmetic<float> : FloatFftArithmetic {};

}  // namespace tflm_signal
}  // namespace tflite

#endif  // SIGNAL_SRC_FFT_ARITHMETIC_H_
