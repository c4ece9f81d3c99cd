// The DSP routines on extreme and random inputs, checking properties that
// follow from their definitions. Run under --config=asan this also shows that
// the wrapping arithmetic is spelled without undefined behaviour.
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "signal/src/energy.h"
#include "signal/src/fft_auto_scale.h"
#include "signal/src/filter_bank.h"
#include "signal/src/filter_bank_log.h"
#include "signal/src/filter_bank_spectral_subtraction.h"
#include "signal/src/filter_bank_square_root.h"
#include "signal/src/log.h"
#include "signal/src/pcan_argc_fixed.h"
#include "signal/src/rfft.h"
#include "signal/src/square_root.h"
#include "signal/src/window.h"

namespace tflite {
namespace tflm_signal {
namespace {

TEST(SquareRoot, IsTheNearestIntegerUpToTheCaps) {
  std::mt19937_64 rng(1);
  std::vector<uint64_t> values = {0, 1, 2, 3, 0xFFFFFFFFull, 0x100000000ull,
                                  0xFFFFFFFFFFFFFFFFull, 0xFFFFFFFE00000001ull};
  for (int i = 0; i < 20000; ++i) values.push_back(rng() >> (rng() % 64));
  for (uint64_t x : values) {
    const uint32_t r = Sqrt64(x);
    const uint64_t cap = x < (uint64_t{1} << 32) ? 0xFFFF : 0xFFFFFFFF;
    // (r - 1/2)^2 <= x <= (r + 1/2)^2, unless r sits at the cap. For
    // integers that is r(r - 1) < x <= r(r + 1), which fits in 64 bits for
    // r < 2^32 (no __int128 on 32-bit targets).
    const uint64_t r64 = r;
    const bool above_low = r == 0 || r64 * (r64 - 1) < x;
    const bool below_high = x <= r64 * (r64 + 1);
    EXPECT_TRUE(above_low) << x;
    if (r != cap) {
      EXPECT_TRUE(below_high) << x;
    }
  }
}

TEST(Log, StaysWithinTheTableAccuracy) {
  std::mt19937 rng(2);
  for (int i = 0; i < 20000; ++i) {
    const uint32_t x = (rng() >> (rng() % 31)) | 2;
    const double exact = std::log(static_cast<double>(x)) * 1000.0;
    EXPECT_NEAR(static_cast<double>(Log32(x, 1000)), exact, 2.4 + 1.0) << x;
  }
  // Every out_scale, including ones that wrap.
  for (uint32_t scale : {0u, 1u, 64u, 0x7FFFFFFFu, 0xFFFFFFFFu}) {
    (void)Log32(0xFFFFFFFFu, scale);
    (void)Log32(2u, scale);
  }
}

TEST(FftAutoScale, ScalesThePeakIntoTheTopBit) {
  std::mt19937 rng(3);
  std::vector<int16_t> frame(64), out(64);
  for (int trial = 0; trial < 2000; ++trial) {
    const int peak = 1 + static_cast<int>(rng() % 32767);
    for (auto& v : frame) {
      v = static_cast<int16_t>(static_cast<int>(rng() % (2 * peak + 1)) - peak);
    }
    frame[rng() % 64] = static_cast<int16_t>(peak);
    const int bits = FftAutoScale(frame.data(), 64, out.data());
    EXPECT_LE(peak << bits, 32767);
    EXPECT_GT(peak << (bits + 1), 32767);
    for (int i = 0; i < 64; ++i) EXPECT_EQ(out[i], frame[i] * (1 << bits));
  }
  // -32768 anywhere: no trap, whatever TFLM's wrapped maximum gives.
  frame.assign(64, -32768);
  (void)FftAutoScale(frame.data(), 64, out.data());
}

template <typename T>
void TransformExtremes(int fft_length, T low, T high) {
  std::vector<uint8_t> memory(RealFftPlan<T>::BytesNeeded(fft_length) + 16);
  void* aligned = memory.data() + (16 - reinterpret_cast<uintptr_t>(
                                            memory.data()) % 16) % 16;
  const RealFftPlan<T>* plan = RealFftPlan<T>::Create(fft_length, aligned);
  std::vector<T> input(fft_length);
  std::vector<Complex<T>> output(fft_length / 2 + 1);
  std::mt19937 rng(4);
  for (int trial = 0; trial < 8; ++trial) {
    for (int i = 0; i < fft_length; ++i) {
      input[i] = trial == 0 ? low : trial == 1 ? high
                              : (rng() % 2 ? low : high);
    }
    plan->Transform(input.data(), output.data());
  }
}

TEST(Rfft, FullScaleInputsWrapWithoutTraps) {
  for (int n : {4, 8, 24, 30, 40, 480, 512}) {
    TransformExtremes<int16_t>(n, -32768, 32767);
    TransformExtremes<int32_t>(n, std::numeric_limits<int32_t>::min(),
                               std::numeric_limits<int32_t>::max());
    TransformExtremes<float>(n, -3e38f, 3e38f);
  }
}

TEST(Rfft, SupportedLengths) {
  EXPECT_TRUE(IsSupportedRealFftLength(4));
  EXPECT_TRUE(IsSupportedRealFftLength(512));
  EXPECT_TRUE(IsSupportedRealFftLength(480));
  EXPECT_TRUE(IsSupportedRealFftLength(30));
  EXPECT_FALSE(IsSupportedRealFftLength(2));
  EXPECT_FALSE(IsSupportedRealFftLength(14));
  EXPECT_FALSE(IsSupportedRealFftLength(66));
  EXPECT_FALSE(IsSupportedRealFftLength(9));
}

TEST(Pcan, ExtremeTablesAndInputs) {
  std::mt19937 rng(5);
  int16_t lut[kPcanGainLutSize];
  std::vector<uint32_t> noise(64), signal(64);
  for (int trial = 0; trial < 200; ++trial) {
    for (auto& v : lut) {
      v = trial % 2 ? static_cast<int16_t>(rng())
                    : (rng() % 2 ? int16_t{-32768} : int16_t{32767});
    }
    for (int i = 0; i < 64; ++i) {
      noise[i] = rng() >> (rng() % 32);
      signal[i] = trial % 3 ? rng() : 0xFFFFFFFFu;
    }
    ApplyPcanAutoGainControl(lut, static_cast<int>(rng() % 64), noise.data(),
                             signal.data(), 64);
  }
}

TEST(SpectralSubtraction, ExtremeOptions) {
  SpectralSubtractionConfig config = {};
  config.num_channels = 4;
  config.smoothing = config.alternate_smoothing = 0xFFFFFFFFu;
  config.one_minus_smoothing = config.alternate_one_minus_smoothing =
      0xFFFFFFFFu;
  config.min_signal_remaining = 0xFFFFFFFFu;
  uint32_t input[4] = {0xFFFFFFFFu, 0, 1, 0x80000000u};
  uint32_t output[4], estimate[4] = {0xFFFFFFFFu, 0xFFFFFFFFu, 0, 7};
  for (int bits : {0, 31}) {
    for (int sub_bits : {0, 32, 63}) {
      config.smoothing_bits = bits;
      config.spectral_subtraction_bits = sub_bits;
      config.clamping = (bits + sub_bits) % 2 == 1;
      SpectralSubtraction(config, input, output, estimate);
    }
  }
}

TEST(FilterBank, NegativeWeightsWrapModulo2To64) {
  const int16_t weights[3] = {-1, -32768, 32767};
  const int16_t unweights[3] = {32767, -1, -32768};
  const int16_t starts[3] = {0, 1, 1};
  const int16_t weight_starts[3] = {0, 1, 1};
  const int16_t widths[3] = {1, 2, 2};
  FilterBankConfig config = {2, weights, unweights, starts, weight_starts,
                             widths};
  const uint32_t input[3] = {0xFFFFFFFFu, 2, 3};
  uint64_t bands[3];
  FilterBankAccumulate(config, input, bands);
  // Band 0: -1 * (2^32 - 1) modulo 2^64.
  EXPECT_EQ(bands[0], 0ull - 0xFFFFFFFFull);
}

TEST(Window, EnergyAndLogOnExtremes) {
  int16_t frame[4] = {-32768, 32767, -32768, 1};
  const int16_t window[4] = {-32768, -32768, 32767, 32767};
  int16_t out[4];
  for (int shift = 0; shift < 32; ++shift) {
    ApplyWindow(frame, window, 4, shift, out);
  }
  EXPECT_EQ(out[0], 0);  // (-32768 * -32768) >> 31 = 0
  const Complex<int16_t> bins[2] = {{-32768, -32768}, {32767, -32768}};
  uint32_t energy[2];
  SpectrumToEnergy(bins, 0, 2, energy);
  EXPECT_EQ(energy[0], 2147483648u);
  EXPECT_EQ(energy[1], 32767u * 32767u + 1073741824u);
  const uint32_t levels[3] = {0xFFFFFFFFu, 1u, 0x80000000u};
  int16_t logs[3];
  FilterBankLog(levels, 3, 0x7FFFFFFF, 31, logs);
  uint32_t roots[2];
  const uint64_t big[2] = {0xFFFFFFFFFFFFFFFFull, 0};
  FilterBankSquareRoot(big, 2, 31, roots);
  EXPECT_EQ(roots[0], 1u);
}

}  // namespace
}  // namespace tflm_signal
}  // namespace tflite
