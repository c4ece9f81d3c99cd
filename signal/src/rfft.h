// A forward FFT of real samples, computed the way KISS FFT's kiss_fftr does
// (and so bit for bit what TFLM's SignalRfft computes): a complex FFT of half
// the length over the even/odd sample pairs, by recursive decimation in time
// with radix-4, -2, -3 and -5 butterflies, followed by the split that
// separates the two interleaved real transforms. The per-type arithmetic is
// in fft_arithmetic.h.
//
// The inverse (RealFftPlan::Create with inverse = true) is KISS FFT's
// kiss_fftri: the spectrum is folded back into half-length complex data and
// transformed by the same butterflies with conjugate twiddles. Like KISS
// FFT's, it is unnormalized for float (fft_length times the signal) and, for
// the fixed-point types, scaled down by the per-stage divisions instead.
//
// Memory: RealFftPlan<T> lives in one caller-given buffer of
// RealFftPlan<T>::BytesNeeded(fft_length) bytes; nothing is allocated.
#ifndef SIGNAL_SRC_RFFT_H_
#define SIGNAL_SRC_RFFT_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <new>

#include "signal/src/complex.h"
#include "signal/src/fft_arithmetic.h"

namespace tflite {
namespace tflm_signal {

// Stages a plan can have: each stage divides the length by at least 2.
constexpr int kMaxFftStages = 32;

// Splits n into radices the way KISS FFT's planner does: 4s first, then 2s,
// then odd factors 3, 5, 7, ...; once the trial factor passes floor(sqrt(n))
// of the original n, the remainder is taken as one factor. Writes (radix,
// remaining length) pairs; returns the number of stages.
inline int FactorFftLength(int n, int* radices, int* remaining) {
  const int limit = static_cast<int>(std::floor(std::sqrt(static_cast<double>(n))));
  int stages = 0;
  int p = 4;
  do {
    while (n % p != 0) {
      p = p == 4 ? 2 : (p == 2 ? 3 : p + 2);
      if (p > limit) p = n;
    }
    n /= p;
    radices[stages] = p;
    remaining[stages] = n;
    ++stages;
  } while (n > 1 && stages < kMaxFftStages);
  return stages;
}

// Whether a real FFT of fft_length points can be planned: even, at least 4,
// and half of it a product of 2s, 3s and 5s (the radices there are
// butterflies for).
inline bool IsSupportedRealFftLength(int fft_length) {
  if (fft_length < 4 || fft_length % 2 != 0) return false;
  int radices[kMaxFftStages];
  int remaining[kMaxFftStages];
  const int stages = FactorFftLength(fft_length / 2, radices, remaining);
  for (int s = 0; s < stages; ++s) {
    if (radices[s] != 2 && radices[s] != 3 && radices[s] != 4 &&
        radices[s] != 5) {
      return false;
    }
  }
  return remaining[stages - 1] == 1;
}

template <typename T>
class RealFftPlan {
 public:
  using Arith = FftArithmetic<T>;
  using Cpx = Complex<T>;

  // Bytes for a plan of fft_length points (which must be supported).
  static size_t BytesNeeded(int fft_length) {
    const size_t half = static_cast<size_t>(fft_length / 2);
    // Twiddles (half), split twiddles (half / 2) and the work area (half).
    return AlignUp(sizeof(RealFftPlan)) +
           (half + half / 2 + half) * sizeof(Cpx);
  }

  // Builds the plan in `memory` (BytesNeeded bytes, aligned for T); an
  // inverse plan serves InverseTransform, a forward one Transform.
  static RealFftPlan* Create(int fft_length, void* memory,
                             bool inverse = false) {
    RealFftPlan* plan = new (memory) RealFftPlan();
    plan->half_ = fft_length / 2;
    plan->inverse_ = inverse;
    const double sign = inverse ? -1.0 : 1.0;
    Cpx* tables = reinterpret_cast<Cpx*>(static_cast<uint8_t*>(memory) +
                                         AlignUp(sizeof(RealFftPlan)));
    plan->twiddles_ = tables;
    plan->split_twiddles_ = tables + plan->half_;
    plan->work_ = plan->split_twiddles_ + plan->half_ / 2;
    plan->stages_ = FactorFftLength(plan->half_, plan->radices_,
                                    plan->remaining_);
    const double pi = 3.14159265358979323846264338327950288;
    for (int i = 0; i < plan->half_; ++i) {
      // Evaluated exactly as in KISS FFT so that the rounded twiddles agree.
      const double phase = -2 * pi * i / plan->half_;
      plan->twiddles_[i] = Arith::Twiddle(sign * phase);
    }
    for (int i = 0; i < plan->half_ / 2; ++i) {
      const double phase =
          -pi * (static_cast<double>(i + 1) / plan->half_ + 0.5);
      plan->split_twiddles_[i] = Arith::Twiddle(sign * phase);
    }
    return plan;
  }

  // input: 2 * half real samples; output: half + 1 complex bins.
  void Transform(const T* input, Cpx* output) const {
    const Cpx* pairs = reinterpret_cast<const Cpx*>(input);
    Stage(work_, pairs, 1, 0);
    const int n = half_;
    // DC and Nyquist come from the sums of the even and the odd samples.
    Cpx dc = work_[0];
    dc.real = Arith::DivideBy(dc.real, 2);
    dc.imag = Arith::DivideBy(dc.imag, 2);
    output[0].real = Arith::Add(dc.real, dc.imag);
    output[n].real = Arith::Sub(dc.real, dc.imag);
    output[0].imag = T(0);
    output[n].imag = T(0);
    for (int k = 1; k <= n / 2; ++k) {
      Cpx front = work_[k];
      Cpx back = {work_[n - k].real, Arith::Neg(work_[n - k].imag)};
      front = DivideBy(front, 2);
      back = DivideBy(back, 2);
      const Cpx even = {Arith::Add(front.real, back.real),
                        Arith::Add(front.imag, back.imag)};
      const Cpx odd = {Arith::Sub(front.real, back.real),
                       Arith::Sub(front.imag, back.imag)};
      const Cpx rotated = Arith::Mul(odd, split_twiddles_[k - 1]);
      output[k].real = Arith::HalfOfSum(even.real, rotated.real);
      output[k].imag = Arith::HalfOfSum(even.imag, rotated.imag);
      output[n - k].real = Arith::HalfOfDifference(even.real, rotated.real);
      output[n - k].imag = Arith::HalfOfDifference(rotated.imag, even.imag);
    }
  }

  // input: half + 1 complex bins; output: 2 * half real samples (aligned
  // for Complex<T>).
  void InverseTransform(const Cpx* input, T* output) const {
    const int n = half_;
    work_[0] = DivideBy({Arith::Add(input[0].real, input[n].real),
                         Arith::Sub(input[0].real, input[n].real)},
                        2);
    for (int k = 1; k <= n / 2; ++k) {
      const Cpx front = DivideBy(input[k], 2);
      const Cpx back = DivideBy(
          {input[n - k].real, Arith::Neg(input[n - k].imag)}, 2);
      const Cpx even = Add(front, back);
      const Cpx odd = Arith::Mul(Sub(front, back), split_twiddles_[k - 1]);
      work_[k] = Add(even, odd);
      const Cpx mirrored = Sub(even, odd);
      work_[n - k] = {mirrored.real, Arith::Neg(mirrored.imag)};
    }
    Stage(reinterpret_cast<Cpx*>(output), work_, 1, 0);
  }

 private:
  static size_t AlignUp(size_t bytes) {
    constexpr size_t kAlign = alignof(std::max_align_t);
    return (bytes + kAlign - 1) / kAlign * kAlign;
  }
  static Cpx DivideBy(Cpx c, int k) {
    return {Arith::DivideBy(c.real, k), Arith::DivideBy(c.imag, k)};
  }
  static Cpx Add(Cpx a, Cpx b) {
    return {Arith::Add(a.real, b.real), Arith::Add(a.imag, b.imag)};
  }
  static Cpx Sub(Cpx a, Cpx b) {
    return {Arith::Sub(a.real, b.real), Arith::Sub(a.imag, b.imag)};
  }

  // One level of the recursion: `out` receives the transform (of length
  // radix * remaining at this stage) of the input taken every `stride`
  // elements.
  void Stage(Cpx* out, const Cpx* in, int stride, int stage) const {
    const int radix = radices_[stage];
    const int m = remaining_[stage];
    if (m == 1) {
      for (int q = 0; q < radix; ++q) out[q] = in[q * stride];
    } else {
      // radix sub-transforms of length m over the decimated inputs.
      for (int q = 0; q < radix; ++q) {
        Stage(out + q * m, in + q * stride, stride * radix, stage + 1);
      }
    }
    switch (radix) {
      case 2:
        Butterfly2(out, stride, m);
        break;
      case 3:
        Butterfly3(out, stride, m);
        break;
      case 4:
        Butterfly4(out, stride, m);
        break;
      case 5:
        Butterfly5(out, stride, m);
        break;
      default:
        break;  // excluded by IsSupportedRealFftLength
    }
  }

  void Butterfly2(Cpx* f, int stride, int m) const {
    for (int k = 0; k < m; ++k) {
      Cpx& a = f[k];
      Cpx& b = f[k + m];
      a = DivideBy(a, 2);
      b = DivideBy(b, 2);
      const Cpx t = Arith::Mul(b, twiddles_[k * stride]);
      b = Sub(a, t);
      a = Add(a, t);
    }
  }

  void Butterfly3(Cpx* f, int stride, int m) const {
    const T sin_third = twiddles_[stride * m].imag;  // -sin(2 pi / 3), scaled
    for (int k = 0; k < m; ++k) {
      Cpx& a0 = f[k];
      Cpx& a1 = f[k + m];
      Cpx& a2 = f[k + 2 * m];
      a0 = DivideBy(a0, 3);
      a1 = DivideBy(a1, 3);
      a2 = DivideBy(a2, 3);
      const Cpx t1 = Arith::Mul(a1, twiddles_[k * stride]);
      const Cpx t2 = Arith::Mul(a2, twiddles_[2 * k * stride]);
      const Cpx sum = Add(t1, t2);
      Cpx difference = Sub(t1, t2);
      a1.real = Arith::Sub(a0.real, Arith::Half(sum.real));
      a1.imag = Arith::Sub(a0.imag, Arith::Half(sum.imag));
      difference.real = Arith::ScalarMul(difference.real, sin_third);
      difference.imag = Arith::ScalarMul(difference.imag, sin_third);
      a0 = Add(a0, sum);
      a2.real = Arith::Add(a1.real, difference.imag);
      a2.imag = Arith::Sub(a1.imag, difference.real);
      a1.real = Arith::Sub(a1.real, difference.imag);
      a1.imag = Arith::Add(a1.imag, difference.real);
    }
  }

  void Butterfly4(Cpx* f, int stride, int m) const {
    for (int k = 0; k < m; ++k) {
      Cpx& a0 = f[k];
      Cpx& a1 = f[k + m];
      Cpx& a2 = f[k + 2 * m];
      Cpx& a3 = f[k + 3 * m];
      a0 = DivideBy(a0, 4);
      a1 = DivideBy(a1, 4);
      a2 = DivideBy(a2, 4);
      a3 = DivideBy(a3, 4);
      const Cpx t1 = Arith::Mul(a1, twiddles_[k * stride]);
      const Cpx t2 = Arith::Mul(a2, twiddles_[2 * k * stride]);
      const Cpx t3 = Arith::Mul(a3, twiddles_[3 * k * stride]);
      const Cpx low = Sub(a0, t2);
      a0 = Add(a0, t2);
      const Cpx outer_sum = Add(t1, t3);
      const Cpx outer_difference = Sub(t1, t3);
      a2 = Sub(a0, outer_sum);
      a0 = Add(a0, outer_sum);
      if (!inverse_) {  // multiply the odd difference by -i
        a1.real = Arith::Add(low.real, outer_difference.imag);
        a1.imag = Arith::Sub(low.imag, outer_difference.real);
        a3.real = Arith::Sub(low.real, outer_difference.imag);
        a3.imag = Arith::Add(low.imag, outer_difference.real);
      } else {  // by +i
        a1.real = Arith::Sub(low.real, outer_difference.imag);
        a1.imag = Arith::Add(low.imag, outer_difference.real);
        a3.real = Arith::Add(low.real, outer_difference.imag);
        a3.imag = Arith::Sub(low.imag, outer_difference.real);
      }
    }
  }

  void Butterfly5(Cpx* f, int stride, int m) const {
    const Cpx w1 = twiddles_[stride * m];      // e^(-2 pi i / 5)
    const Cpx w2 = twiddles_[2 * stride * m];  // e^(-4 pi i / 5)
    for (int k = 0; k < m; ++k) {
      Cpx& a0 = f[k];
      Cpx& a1 = f[k + m];
      Cpx& a2 = f[k + 2 * m];
      Cpx& a3 = f[k + 3 * m];
      Cpx& a4 = f[k + 4 * m];
      a0 = DivideBy(a0, 5);
      a1 = DivideBy(a1, 5);
      a2 = DivideBy(a2, 5);
      a3 = DivideBy(a3, 5);
      a4 = DivideBy(a4, 5);
      const Cpx x0 = a0;
      const Cpx t1 = Arith::Mul(a1, twiddles_[k * stride]);
      const Cpx t2 = Arith::Mul(a2, twiddles_[2 * k * stride]);
      const Cpx t3 = Arith::Mul(a3, twiddles_[3 * k * stride]);
      const Cpx t4 = Arith::Mul(a4, twiddles_[4 * k * stride]);
      const Cpx s14 = Add(t1, t4);
      const Cpx d14 = Sub(t1, t4);
      const Cpx s23 = Add(t2, t3);
      const Cpx d23 = Sub(t2, t3);
      a0.real = Arith::Add(a0.real, Arith::Add(s14.real, s23.real));
      a0.imag = Arith::Add(a0.imag, Arith::Add(s14.imag, s23.imag));

      const Cpx near = {
          Arith::Add(Arith::Add(x0.real, Arith::ScalarMul(s14.real, w1.real)),
                     Arith::ScalarMul(s23.real, w2.real)),
          Arith::Add(Arith::Add(x0.imag, Arith::ScalarMul(s14.imag, w1.real)),
                     Arith::ScalarMul(s23.imag, w2.real))};
      const Cpx near_rot = {
          Arith::Add(Arith::ScalarMul(d14.imag, w1.imag),
                     Arith::ScalarMul(d23.imag, w2.imag)),
          Arith::Sub(Arith::Neg(Arith::ScalarMul(d14.real, w1.imag)),
                     Arith::ScalarMul(d23.real, w2.imag))};
      a1 = Sub(near, near_rot);
      a4 = Add(near, near_rot);

      const Cpx far = {
          Arith::Add(Arith::Add(x0.real, Arith::ScalarMul(s14.real, w2.real)),
                     Arith::ScalarMul(s23.real, w1.real)),
          Arith::Add(Arith::Add(x0.imag, Arith::ScalarMul(s14.imag, w2.real)),
                     Arith::ScalarMul(s23.imag, w1.real))};
      const Cpx far_rot = {
          Arith::Add(Arith::Neg(Arith::ScalarMul(d14.imag, w2.imag)),
                     Arith::ScalarMul(d23.imag, w1.imag)),
          Arith::Sub(Arith::ScalarMul(d14.real, w2.imag),
                     Arith::ScalarMul(d23.real, w1.imag))};
      a2 = Add(far, far_rot);
      a3 = Sub(far, far_rot);
    }
  }

  int half_ = 0;
  bool inverse_ = false;
  int stages_ = 0;
  int radices_[kMaxFftStages] = {};
  int remaining_[kMaxFftStages] = {};
  Cpx* twiddles_ = nullptr;
  Cpx* split_twiddles_ = nullptr;
  Cpx* work_ = nullptr;
};

// Compiled once, in rfft.cc, for the three sample types SignalRfft takes.
extern template class RealFftPlan<int16_t>;
extern template class RealFftPlan<int32_t>;
extern template class RealFftPlan<float>;

}  // namespace tflm_signal
}  // namespace tflite

#endif  // SIGNAL_SRC_RFFT_H_
