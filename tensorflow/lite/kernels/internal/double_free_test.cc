// The reference kernels that replaced TFLite's double-precision formulas
// with integer or float arithmetic (so that no double operation runs at
// invoke on cores without a double FPU) give the same values as those
// formulas, which are written out here as the oracles; and Int64ToFloat
// rounds as the compiler's conversion does.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "gtest/gtest.h"
#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/reference/floor_div.h"
#include "tensorflow/lite/kernels/internal/reference/pow.h"
#include "tensorflow/lite/kernels/internal/reference/quantize.h"

namespace tflite {
namespace {

// xorshift32: the same sequence on every target.
class Random {
 public:
  uint32_t Next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 17;
    state_ ^= state_ << 5;
    return state_;
  }
  // A value of any magnitude: a random number of random low bits.
  int32_t AnyInt32() {
    const int bits = static_cast<int>(Next() % 32);
    const uint32_t mask = bits == 0 ? 0u : (0xffffffffu >> (32 - bits));
    uint32_t value = Next() & mask;
    if (Next() & 1) value = ~value;
    return static_cast<int32_t>(value);
  }

 private:
  uint32_t state_ = 0x2545f491u;
};

// TFLite's FLOOR_DIV: floor of the double quotient (min / -1 as LiteRT's
// build gives it).
template <typename T>
T FloorDivInDouble(T a, T b) {
  const double quotient =
      std::floor(static_cast<double>(a) / static_cast<double>(b));
  if (quotient > static_cast<double>(std::numeric_limits<T>::max())) {
    return sizeof(T) < sizeof(int32_t) ? std::numeric_limits<T>::max()
                                       : std::numeric_limits<T>::min();
  }
  return static_cast<T>(quotient);
}

TEST(FloorDivElement, Int8EveryPair) {
  for (int a = -128; a <= 127; ++a) {
    for (int b = -128; b <= 127; ++b) {
      if (b == 0) continue;
      const int8_t x = static_cast<int8_t>(a);
      const int8_t y = static_cast<int8_t>(b);
      ASSERT_EQ(reference_ops::FloorDivElement(x, y), FloorDivInDouble(x, y))
          << a << " / " << b;
    }
  }
  EXPECT_EQ(reference_ops::FloorDivElement<int8_t>(5, 0), 0);
}

TEST(FloorDivElement, Int16EveryDividendBySmallAndEdgeDivisors) {
  std::vector<int> divisors = {127, 128, 255, 256, 1000, 4097, 32767};
  for (int b = 1; b <= 40; ++b) divisors.push_back(b);
  const size_t positive = divisors.size();
  for (size_t i = 0; i < positive; ++i) divisors.push_back(-divisors[i]);
  divisors.push_back(-32768);
  for (const int b : divisors) {
    for (int a = -32768; a <= 32767; ++a) {
      const int16_t x = static_cast<int16_t>(a);
      const int16_t y = static_cast<int16_t>(b);
      ASSERT_EQ(reference_ops::FloorDivElement(x, y), FloorDivInDouble(x, y))
          << a << " / " << b;
    }
  }
}

TEST(FloorDivElement, Int32RandomAndEdges) {
  constexpr int32_t kMin = std::numeric_limits<int32_t>::min();
  constexpr int32_t kMax = std::numeric_limits<int32_t>::max();
  const int32_t edges[] = {kMin, kMin + 1, -65536, -65535, -3, -2, -1, 1, 2, 3,
                           7,    65535,    65536,  kMax - 1, kMax};
  for (const int32_t a : edges) {
    for (const int32_t b : edges) {
      ASSERT_EQ(reference_ops::FloorDivElement(a, b), FloorDivInDouble(a, b))
          << a << " / " << b;
    }
  }
  Random random;
  for (int i = 0; i < 200000; ++i) {
    const int32_t a = random.AnyInt32();
    const int32_t b = random.AnyInt32();
    if (b == 0) continue;
    ASSERT_EQ(reference_ops::FloorDivElement(a, b), FloorDivInDouble(a, b))
        << a << " / " << b;
  }
}

// TFLite's int32 POW: std::pow in double, converted to int32 (out of range
// and NaN: INT32_MIN).
int32_t PowInDouble(int32_t base, int32_t exponent) {
  const double result =
      std::pow(static_cast<double>(base), static_cast<double>(exponent));
  if (!(result >= -2147483648.0 && result < 2147483648.0)) {
    return std::numeric_limits<int32_t>::min();
  }
  return static_cast<int32_t>(result);
}

TEST(PowElement, Int32AgainstDoublePow) {
  std::vector<int32_t> bases;
  for (int32_t b = -1300; b <= 1300; ++b) bases.push_back(b);
  const int32_t large_bases[] = {2047,  2048,  2049,    46340,
                                 46341, 65535, 65536,   65537,
                                 1 << 30, std::numeric_limits<int32_t>::max()};
  for (const int32_t b : large_bases) {
    bases.push_back(b);
    bases.push_back(-b);
  }
  bases.push_back(std::numeric_limits<int32_t>::min());
  std::vector<int32_t> exponents;
  for (int32_t e = -4; e <= 40; ++e) exponents.push_back(e);
  const int32_t large_exponents[] = {63, 64, 1000,
                                     std::numeric_limits<int32_t>::max(),
                                     std::numeric_limits<int32_t>::min()};
  for (const int32_t e : large_exponents) {
    exponents.push_back(e);
  }
  for (const int32_t base : bases) {
    for (const int32_t exponent : exponents) {
      ASSERT_EQ(reference_ops::PowElement(base, exponent),
                PowInDouble(base, exponent))
          << base << " ^ " << exponent;
    }
  }
}

// The QUANTIZE clamping as it was, with double bounds throughout.
template <typename OutputT>
OutputT QuantizeWithDoubleBounds(float x, float scale, int32_t zero_point) {
  constexpr int32_t kMin = std::numeric_limits<OutputT>::min();
  constexpr int32_t kMax = std::numeric_limits<OutputT>::max();
  const double low = static_cast<double>(kMin) - zero_point;
  const double high = static_cast<double>(kMax) - zero_point;
  const double rounded = std::round(x / scale);
  int32_t value;
  if (!(rounded == rounded)) {
    value = zero_point;
  } else if (rounded <= low) {
    value = kMin;
  } else if (rounded >= high) {
    value = kMax;
  } else {
    value = static_cast<int32_t>(rounded) + zero_point;
  }
  return static_cast<OutputT>(value);
}

float FloatFromBits(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof(f));
  return f;
}

template <typename OutputT>
void CheckQuantize(const std::vector<int32_t>& zero_points) {
  Random random;
  std::vector<float> inputs = {0.0f,
                               -0.0f,
                               0.5f,
                               -0.5f,
                               1.5f,
                               -2.5f,
                               1e-30f,
                               1e30f,
                               -1e30f,
                               std::numeric_limits<float>::infinity(),
                               -std::numeric_limits<float>::infinity(),
                               std::numeric_limits<float>::quiet_NaN(),
                               std::numeric_limits<float>::max(),
                               std::numeric_limits<float>::lowest()};
  for (int i = 0; i < 4000; ++i) {
    // Any bit pattern (all magnitudes, specials included) ...
    inputs.push_back(FloatFromBits(random.Next()));
    // ... and values near the clamping bounds (halves included).
    inputs.push_back(static_cast<float>(random.AnyInt32() % 70000) * 0.5f);
  }
  const float scales[] = {1.0f, 0.5f, 0.0078125f, 0.1f, 3.0f, 1e-6f, 1e6f};
  std::vector<OutputT> fast(inputs.size());
  for (const float scale : scales) {
    for (const int32_t zero_point : zero_points) {
      reference_ops::AffineQuantize(scale, zero_point,
                                    static_cast<int>(inputs.size()),
                                    inputs.data(), fast.data());
      for (size_t i = 0; i < inputs.size(); ++i) {
        ASSERT_EQ(fast[i], QuantizeWithDoubleBounds<OutputT>(inputs[i], scale,
                                                             zero_point))
            << inputs[i] << " / " << scale << " + " << zero_point;
      }
    }
  }
}

TEST(AffineQuantize, FloatBoundsGiveTheDoubleBoundsResults) {
  // Realistic zero points take float bounds, the others double ones.
  CheckQuantize<int8_t>({0, -128, 127, 5, -1, 1 << 24, -(1 << 30),
                         std::numeric_limits<int32_t>::max()});
  CheckQuantize<uint8_t>({0, 128, 255, 1 << 25, -(1 << 25)});
  CheckQuantize<int16_t>({0, -32768, 32767, 100, (1 << 24) - 40000,
                          (1 << 24) + 40000, std::numeric_limits<int32_t>::min()});
  EXPECT_TRUE(reference_ops::quantize_internal::DifferencesExactInFloat<int16_t>(0));
  EXPECT_FALSE(
      reference_ops::quantize_internal::DifferencesExactInFloat<int8_t>(1 << 25));
}

// TFLite's DEQUANTIZE: the product in double, rounded to float.
template <typename InputT>
void CheckDequantize(const std::vector<int32_t>& zero_points) {
  constexpr int kMin = std::numeric_limits<InputT>::min();
  constexpr int kMax = std::numeric_limits<InputT>::max();
  std::vector<InputT> inputs;
  for (int q = kMin; q <= kMax; ++q) inputs.push_back(static_cast<InputT>(q));
  Random random;
  std::vector<float> scales = {1.0f,
                               0.5f,
                               0.1f,
                               0.0078125f,
                               3.0f,
                               1e-40f,  // subnormal
                               std::numeric_limits<float>::min(),
                               std::numeric_limits<float>::denorm_min(),
                               1e38f,
                               std::numeric_limits<float>::max()};
  for (int i = 0; i < (sizeof(InputT) == 1 ? 200 : 12); ++i) {
    // Positive finite floats of any magnitude.
    scales.push_back(FloatFromBits(random.Next() % 0x7f800000u));
  }
  std::vector<float> fast(inputs.size());
  for (const float scale : scales) {
    for (const int32_t zero_point : zero_points) {
      reference_ops::Dequantize(scale, zero_point,
                                static_cast<int>(inputs.size()), inputs.data(),
                                fast.data());
      for (size_t i = 0; i < inputs.size(); ++i) {
        const int32_t q = inputs[i];
        const float expected = static_cast<float>(
            static_cast<double>(scale) * (q - zero_point));
        ASSERT_EQ(std::memcmp(&fast[i], &expected, sizeof(float)), 0)
            << q << " with scale " << scale << ", zero point " << zero_point
            << ": " << fast[i] << " vs " << expected;
      }
    }
  }
}

TEST(Dequantize, FloatProductGivesTheDoubleProductRounded) {
  CheckDequantize<int8_t>({0, -128, 127, -3, 1 << 24, -(1 << 28)});
  CheckDequantize<uint8_t>({0, 128, 255, 1 << 26});
  CheckDequantize<int16_t>({0, -32768, 32767, 12345, 1 << 26});
}

// The compiler's conversion (the oracle; on Armv6-M a libgcc routine).
__attribute__((noinline)) float ConvertInt64(int64_t x) {
  return static_cast<float>(x);
}

TEST(Int64ToFloat, RoundsAsTheConversion) {
  std::vector<int64_t> values = {0,
                                 1,
                                 -1,
                                 std::numeric_limits<int32_t>::max(),
                                 std::numeric_limits<int32_t>::min(),
                                 int64_t{1} << 31,
                                 -(int64_t{1} << 31) - 1,
                                 int64_t{1} << 32,
                                 (int64_t{1} << 32) - 1,
                                 (int64_t{1} << 32) + 1,
                                 std::numeric_limits<int64_t>::max(),
                                 std::numeric_limits<int64_t>::min(),
                                 std::numeric_limits<int64_t>::min() + 1};
  // Ties and near-ties at every magnitude: 24 significant bits, then a
  // half (or just above or below half) of the last place.
  for (int shift = 1; shift <= 39; ++shift) {
    for (const int64_t mantissa : {int64_t{0xffffff}, int64_t{0x800001},
                                   int64_t{0x800000}, int64_t{0xabcdef}}) {
      const int64_t base = mantissa << shift;
      const int64_t half = int64_t{1} << (shift - 1);
      for (const int64_t offset : {half, half - 1, half + 1, int64_t{0}}) {
        values.push_back(base + offset);
        values.push_back(-(base + offset));
      }
    }
  }
  Random random;
  for (int i = 0; i < 100000; ++i) {
    const int64_t high = random.AnyInt32();
    values.push_back(static_cast<int64_t>(
        (static_cast<uint64_t>(high) << 32) | random.Next()));
    values.push_back(high * 12345);
  }
  for (const int64_t x : values) {
    const float expected = ConvertInt64(x);
    const float actual = Int64ToFloat(x);
    ASSERT_EQ(std::memcmp(&actual, &expected, sizeof(float)), 0)
        << static_cast<long long>(x) << ": " << actual << " vs " << expected;
  }
}

__attribute__((noinline)) int64_t ConvertFloat(float x) {
  return static_cast<int64_t>(x);
}

TEST(FloatToInt64, TruncatesAsTheConversion) {
  std::vector<float> values = {0.0f,         -0.0f,         0.5f,
                               -0.5f,        1.75f,         -1.75f,
                               2147483520.0f, -2147483520.0f, 2147483648.0f,
                               -2147483648.0f, 4294967296.0f, -4294967296.0f,
                               9.2233715e18f, -9.2233720e18f};
  Random random;
  for (int i = 0; i < 100000; ++i) {
    // Any finite float below 2^63 in magnitude.
    const uint32_t bits = random.Next();
    const float x = FloatFromBits(bits);
    if (std::isfinite(x) && std::fabs(x) < 9.2233720e18f) values.push_back(x);
  }
  for (const float x : values) {
    ASSERT_EQ(FloatToInt64(x), ConvertFloat(x)) << x;
  }
}

}  // namespace
}  // namespace tflite
