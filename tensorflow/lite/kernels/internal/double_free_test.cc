// The reference kernels that replaced TFLite's double-precision formulas
// with integer or float arithmetic (so that no double operation runs at
// invoke on cores without a double FPU) give the same values as those
// formulas, which are written out here as the oracles.
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "gtest/gtest.h"
#include "tensorflow/lite/kernels/internal/reference/floor_div.h"
#include "tensorflow/lite/kernels/internal/reference/pow.h"

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

}  // namespace
}  // namespace tflite
